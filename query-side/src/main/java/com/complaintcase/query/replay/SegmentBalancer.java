package com.complaintcase.query.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares the projections' segments among the query services on one database. Axon's pooled processors claim every
 * segment nobody holds, so the first service would keep them all and a second one stay idle. Every {@code interval}
 * each service records itself as seen (table {@code processing_node}) and releases, of each projection, the segments it
 * holds beyond its share (the segments divided by the services seen within two intervals, rounded up); another
 * service claims them. A killed service is no longer seen, and once its claims time out the others take its segments.
 */
@Component
@ConditionalOnProperty(name = "complaints.processors.balancing.enabled", havingValue = "true")
@EnableConfigurationProperties(SegmentBalancer.Settings.class)
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Settings settings;
    /** The name Axon's token store records as a claim's owner. */
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName();
    private final Map<String, Long> releasedUntil = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, Settings settings) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startBalancing() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.getInterval().toMillis();
        timer.scheduleWithFixedDelay(this::balanceQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            log.warn("segments not balanced this time: {}", e.toString());
        }
    }

    void balance() {
        jdbc.update("insert into processing_node (node_id, seen_at) values (?, now()) "
                + "on conflict (node_id) do update set seen_at = now()", nodeId);
        double liveSeconds = settings.getInterval().toMillis() * 2 / 1000d;
        Integer live = jdbc.queryForObject("select count(*) from processing_node where seen_at > now() - make_interval(secs => ?)",
                Integer.class, liveSeconds);
        jdbc.update("delete from processing_node where seen_at < now() - make_interval(secs => ?)", liveSeconds * 100);
        int services = Math.max(1, live == null ? 1 : live);
        for (Map.Entry<String, StreamingEventProcessor> entry : processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(e -> Map.entry(e.getKey(), (StreamingEventProcessor) e.getValue()))
                .toList()) {
            release(entry.getKey(), entry.getValue(), services);
        }
    }

    private void release(String name, StreamingEventProcessor processor, int services) {
        if (!processor.isRunning() || System.currentTimeMillis() < releasedUntil.getOrDefault(name, 0L)) {
            return;
        }
        int segments = processing.tokenStore(name).fetchSegments(name).length;
        int share = (segments + services - 1) / services;
        List<Integer> held = new ArrayList<>(processor.processingStatus().keySet());
        if (held.size() <= share) {
            return;
        }
        held.sort(null);
        long releaseFor = settings.getReleaseFor().toMillis();
        for (Integer segment : held.subList(share, held.size())) {
            processor.releaseSegment(segment, releaseFor, TimeUnit.MILLISECONDS);
        }
        releasedUntil.put(name, System.currentTimeMillis() + releaseFor);
        log.info("{}: released {} of {} segments to the other {} service(s)", name, held.size() - share, held.size(),
                services - 1);
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        jdbc.update("delete from processing_node where node_id = ?", nodeId);
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }

    /** {@code complaints.processors.balancing.*}. */
    @ConfigurationProperties("complaints.processors.balancing")
    static class Settings {

        private boolean enabled;
        /** How often a service says it is alive and gives up segments beyond its share. */
        private Duration interval = Duration.ofSeconds(3);
        /** How long a released segment is left to the others; longer than their token claim interval. */
        private Duration releaseFor = Duration.ofSeconds(15);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getReleaseFor() {
            return releaseFor;
        }

        public void setReleaseFor(Duration releaseFor) {
            this.releaseFor = releaseFor;
        }
    }
}
