package com.complaintcase.platform.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Limits that keep slow or greedy clients from starving the others: how long a request body may stall, how many
 * requests may read a body at once, the live streams' heartbeat and cap, and the optional per-user command rate.
 */
@ConfigurationProperties("complaints.http")
public class HttpEdgeProperties {

    /** The longest wait for the next bytes of a request body (Tomcat's connection upload timeout). */
    private Duration bodyReadTimeout = Duration.ofSeconds(10);

    /** Requests reading a body at once; one more is refused 503 SERVER_BUSY before its body is read. */
    private int maxBodyReaders = 8;

    /** The Retry-After of a refusal for lack of capacity (SERVER_BUSY, TOO_MANY_STREAMS). */
    private Duration busyRetryAfter = Duration.ofSeconds(1);

    private final Streams streams = new Streams();

    private final RateLimit rateLimit = new RateLimit();

    /** Live streams (Server-Sent Events). */
    public static class Streams {

        /** How often every stream gets a comment line; a subscriber gone away is found and freed by it. */
        private Duration heartbeat = Duration.ofSeconds(15);

        /** Streams open at once; one more is refused 503 TOO_MANY_STREAMS. */
        private int maxSubscribers = 200;

        public Duration getHeartbeat() {
            return heartbeat;
        }

        public void setHeartbeat(Duration heartbeat) {
            this.heartbeat = heartbeat;
        }

        public int getMaxSubscribers() {
            return maxSubscribers;
        }

        public void setMaxSubscribers(int maxSubscribers) {
            this.maxSubscribers = maxSubscribers;
        }
    }

    /** Commands per user (a token bucket); off unless commands-per-second is above 0. */
    public static class RateLimit {

        /** Commands a user may send per second on average; 0: no limit. */
        private double commandsPerSecond = 0;

        /** Commands a user may send at once after a pause; 0: one second's worth (at least 1). */
        private int burst = 0;

        public double getCommandsPerSecond() {
            return commandsPerSecond;
        }

        public void setCommandsPerSecond(double commandsPerSecond) {
            this.commandsPerSecond = commandsPerSecond;
        }

        public int getBurst() {
            return burst;
        }

        public void setBurst(int burst) {
            this.burst = burst;
        }

        public boolean enabled() {
            return commandsPerSecond > 0;
        }

        public int capacity() {
            return burst > 0 ? burst : Math.max(1, (int) Math.ceil(commandsPerSecond));
        }
    }

    public Duration getBodyReadTimeout() {
        return bodyReadTimeout;
    }

    public void setBodyReadTimeout(Duration bodyReadTimeout) {
        this.bodyReadTimeout = bodyReadTimeout;
    }

    public int getMaxBodyReaders() {
        return maxBodyReaders;
    }

    public void setMaxBodyReaders(int maxBodyReaders) {
        this.maxBodyReaders = maxBodyReaders;
    }

    public Duration getBusyRetryAfter() {
        return busyRetryAfter;
    }

    public void setBusyRetryAfter(Duration busyRetryAfter) {
        this.busyRetryAfter = busyRetryAfter;
    }

    /** Retry-After in whole seconds, at least 1. */
    public String retryAfterSeconds() {
        return String.valueOf(Math.max(1, (busyRetryAfter.toMillis() + 999) / 1000));
    }

    public Streams getStreams() {
        return streams;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }
}
