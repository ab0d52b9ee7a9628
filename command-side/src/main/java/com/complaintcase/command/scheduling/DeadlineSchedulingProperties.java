package com.complaintcase.command.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** How often the deadline store is polled for due deadlines, and by how many threads they are run. */
@ConfigurationProperties("complaints.deadlines")
public class DeadlineSchedulingProperties {

    /** A breach is recorded at most this long after its due time. */
    private Duration pollingInterval = Duration.ofSeconds(1);
    private int threads = 2;

    public Duration getPollingInterval() {
        return pollingInterval;
    }

    public void setPollingInterval(Duration pollingInterval) {
        this.pollingInterval = pollingInterval;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }
}
