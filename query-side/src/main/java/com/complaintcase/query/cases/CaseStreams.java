package com.complaintcase.query.cases;

import com.complaintcase.platform.edge.HttpEdgeProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open live streams: at most {@code complaints.http.streams.max-subscribers}, each sent a comment line every
 * {@code complaints.http.streams.heartbeat}. A client that went away is only noticed when a write to it fails; the
 * heartbeat makes that write, so its stream, subscription and connection are freed within two heartbeats rather
 * than at the next matching change or the stream's timeout. Gauge {@code complaints.streams.subscribers}.
 */
@Component
public class CaseStreams implements DisposableBean {

    static final String SUBSCRIBERS_GAUGE = "complaints.streams.subscribers";

    /** Each open stream with what to do when it ends (cancel its subscription). */
    private final Map<SseEmitter, Runnable> open = new ConcurrentHashMap<>();
    private final int maxSubscribers;
    private final ScheduledExecutorService heartbeats;

    public CaseStreams(HttpEdgeProperties properties, MeterRegistry meters) {
        this.maxSubscribers = properties.getStreams().getMaxSubscribers();
        Gauge.builder(SUBSCRIBERS_GAUGE, open, Map::size)
                .description("Live case streams open now")
                .strongReference(true)
                .register(meters);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "case-stream-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.getStreams().getHeartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    /** A new stream that runs {@code onEnd} once when it ends however it ends; empty when the cap is reached. */
    synchronized Optional<SseEmitter> open(Duration timeout, Runnable onEnd) {
        if (open.size() >= maxSubscribers) {
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        open.put(emitter, onEnd);
        emitter.onCompletion(() -> ended(emitter));
        emitter.onTimeout(() -> ended(emitter));
        emitter.onError(error -> ended(emitter));
        return Optional.of(emitter);
    }

    /** Sends one event; a client that has gone away ends its stream. */
    void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            gone(emitter, gone);
        }
    }

    void gone(SseEmitter emitter, Throwable cause) {
        ended(emitter);
        try {
            emitter.completeWithError(cause);
        } catch (IllegalStateException alreadyComplete) {
            // ended by the container meanwhile
        }
    }

    boolean isOpen(SseEmitter emitter) {
        return open.containsKey(emitter);
    }

    private void ended(SseEmitter emitter) {
        Runnable onEnd = open.remove(emitter);
        if (onEnd != null) {
            onEnd.run();
        }
    }

    private void beat() {
        for (SseEmitter emitter : open.keySet()) {
            try {
                send(emitter, SseEmitter.event().comment("heartbeat"));
            } catch (RuntimeException failed) {
                gone(emitter, failed);
            }
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }
}
