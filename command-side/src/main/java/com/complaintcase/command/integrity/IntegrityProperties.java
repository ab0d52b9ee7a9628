package com.complaintcase.command.integrity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalTime;
import java.time.ZoneId;

/** The hash chain's head cache and the daily checkpoint ({@code complaints.integrity.*}). */
@ConfigurationProperties("complaints.integrity")
public class IntegrityProperties {

    /** How many aggregates' last hashes are kept in memory; others are read from the event store. */
    private int headCacheSize = 10_000;
    private final Checkpoint checkpoint = new Checkpoint();

    public int getHeadCacheSize() {
        return headCacheSize;
    }

    public void setHeadCacheSize(int headCacheSize) {
        if (headCacheSize < 1) {
            throw new IllegalArgumentException("complaints.integrity.head-cache-size must be at least 1");
        }
        this.headCacheSize = headCacheSize;
    }

    public Checkpoint getCheckpoint() {
        return checkpoint;
    }

    /** When the checkpoint of the day before is recorded, and in which zone days begin and end. */
    public static class Checkpoint {

        private LocalTime time = LocalTime.of(0, 5);
        private ZoneId zone = ZoneId.of("UTC");

        public LocalTime getTime() {
            return time;
        }

        public void setTime(LocalTime time) {
            this.time = time;
        }

        public ZoneId getZone() {
            return zone;
        }

        public void setZone(ZoneId zone) {
            this.zone = zone;
        }
    }
}
