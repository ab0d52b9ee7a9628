package com.complaintcase.command.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** How often the deadline store is polled for due deadlines, by how many threads they are run, how long a stop waits. */
@ConfigurationProperties("complaints.deadlines")
public class DeadlineSchedulingProperties {

    /** A breach is recorded at most this long after its due time. */
    private Duration pollingInterval = Duration.ofSeconds(1);
    private int threads = 2;
    /**
     * How long stopping waits for deadlines being run (db-scheduler's default is 30 minutes). One still running then
     * is picked up again after db-scheduler's heartbeat timeout, by this instance's next start or another instance.
     */
    private Duration shutdownMaxWait = Duration.ofSeconds(30);
    /**
     * How often a node marks the deadlines it is running as alive. A deadline picked by a node that died (killed, lost
     * power) is run again by another node once {@code missedHeartbeatsLimit} heartbeats were missed; its handler
     * records nothing twice. 30 s and 4 (db-scheduler's least): a deadline a dead node held fires about 2 minutes
     * late, not the 30 minutes of db-scheduler's defaults (5 minutes, 6 missed).
     */
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private int missedHeartbeatsLimit = 4;

    public Duration getPollingInterval() {
        return pollingInterval;
    }

    public void setPollingInterval(Duration pollingInterval) {
        this.pollingInterval = pollingInterval;
    }

    public Duration getShutdownMaxWait() {
        return shutdownMaxWait;
    }

    public void setShutdownMaxWait(Duration shutdownMaxWait) {
        this.shutdownMaxWait = shutdownMaxWait;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public int getMissedHeartbeatsLimit() {
        return missedHeartbeatsLimit;
    }

    public void setMissedHeartbeatsLimit(int missedHeartbeatsLimit) {
        this.missedHeartbeatsLimit = missedHeartbeatsLimit;
    }
}
