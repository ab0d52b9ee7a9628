package com.complaintcase.command.integrity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** The hash chain's head cache and the checkpoints ({@code complaints.integrity.*}). */
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

    /**
     * How long a checkpoint's period is ({@code interval}: PT1H, or P1D for daily checkpoints; it must divide a day),
     * in which zone days, and so periods, begin ({@code zone}), and how far into a period the checkpoint of the period
     * before is recorded ({@code time}, as a time of day: 00:05 is five minutes in; shorter than the interval).
     */
    public static class Checkpoint {

        private Duration interval = Duration.ofHours(1);
        private LocalTime time = LocalTime.of(0, 5);
        private ZoneId zone = ZoneId.of("UTC");

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            CheckpointPeriods.requireDividesADay(interval);
            this.interval = interval;
        }

        public LocalTime getTime() {
            return time;
        }

        public void setTime(LocalTime time) {
            this.time = time;
        }

        /** How long after a period's end its checkpoint is recorded. */
        public Duration delay() {
            Duration delay = Duration.ofNanos(time.toNanoOfDay());
            if (delay.compareTo(interval) >= 0) {
                throw new IllegalArgumentException("complaints.integrity.checkpoint.time (" + time + ") must be less than "
                        + "its interval (" + interval + ") into the period");
            }
            return delay;
        }

        public ZoneId getZone() {
            return zone;
        }

        public void setZone(ZoneId zone) {
            this.zone = zone;
        }
    }
}
