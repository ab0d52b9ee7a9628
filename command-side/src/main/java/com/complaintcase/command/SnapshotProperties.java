package com.complaintcase.command;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** A snapshot of a case is taken after this many events have been replayed to load it. */
@ConfigurationProperties("complaints.snapshots")
public class SnapshotProperties {

    private int threshold = 50;

    public int getThreshold() {
        return threshold;
    }

    public void setThreshold(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("complaints.snapshots.threshold must be 1 or more");
        }
        this.threshold = threshold;
    }
}
