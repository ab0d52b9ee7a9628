package com.complaintcase.query.replay;

import com.complaintcase.query.ProjectionRebuilt;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds a projection from the whole event store: stops its processor, resets its tokens (its reset
 * handler wipes its tables), starts it again, and reports progress while it catches up. Other
 * projections and the live API keep answering meanwhile.
 */
@Component
public class ProjectionReplays {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    private record Run(Instant startedAt, long total, Instant completedAt, long processedAtCompletion) {
        Run completed(Instant at, long processed) {
            return new Run(startedAt, total, at, processed);
        }
    }

    public ProjectionReplays(EventProcessingConfiguration processing, EventStore eventStore, Clock clock) {
        this(processing, eventStore, clock, event -> { });
    }

    /** Tells {@code publisher} of each rebuild that has caught up ({@link ProjectionRebuilt}). */
    @Autowired
    public ProjectionReplays(EventProcessingConfiguration processing, EventStore eventStore, Clock clock,
                             ApplicationEventPublisher publisher) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
        this.publisher = publisher;
    }

    public List<String> projections() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    public synchronized ReplayProgress replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (progress(name).state() == ReplayProgress.State.REPLAYING) {
            throw new ReplayRefused("REPLAY_IN_PROGRESS", "projection " + name + " is already being rebuilt");
        }
        long total = headPosition();
        processor.shutdownAsync().join();
        processor.resetTokens();
        runs.put(name, new Run(clock.instant(), total, null, 0));
        processor.start();
        watchUntilCaughtUp(name);
        return progress(name);
    }

    public ReplayProgress progress(String name) {
        StreamingEventProcessor processor = processor(name);
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min().orElse(0);
        Run run = runs.get(name);
        if (run == null) {
            long head = headPosition();
            return new ReplayProgress(name, ReplayProgress.State.LIVE, Math.min(position, head), head,
                    percent(position, head), null, null, null, segments.size());
        }
        // Axon keeps a replay token until it handles an event past the reset point, so "replaying" in its
        // sense lasts until the next new event; the rebuild itself is done once every segment reached the old
        // head. A segment not claimed at the moment is missing from the status: the minimum of the others says
        // nothing about it.
        boolean replaying = segments.isEmpty() || segments.size() < segmentCount(name) || position < run.total();
        Instant now = clock.instant();
        long processed = Math.min(position, run.total());
        if (!replaying && run.completedAt() == null) {
            Run completed = run.completed(now, processed);
            if (runs.replace(name, run, completed)) {
                publisher.publishEvent(new ProjectionRebuilt(name));
            }
            run = completed;
        }
        Instant until = run.completedAt() == null ? now : run.completedAt();
        return new ReplayProgress(name, replaying ? ReplayProgress.State.REPLAYING : ReplayProgress.State.COMPLETED,
                processed, run.total(), percent(processed, run.total()), rate(processed, run.startedAt(), until),
                run.startedAt(), run.completedAt(), segments.size());
    }

    /** Asks for the progress every second until the rebuild has caught up, so that its end is told without a reader. */
    private void watchUntilCaughtUp(String name) {
        Thread watcher = new Thread(() -> {
            while (progress(name).state() == ReplayProgress.State.REPLAYING) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }, "replay-watch-" + name);
        watcher.setDaemon(true);
        watcher.start();
    }

    private int segmentCount(String name) {
        TokenStore tokens = processing.tokenStore(name);
        return tokens.fetchSegments(name).length;
    }

    private StreamingEventProcessor processor(String name) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
        return processor.orElseThrow(() -> new ReplayRefused("UNKNOWN_PROJECTION",
                "no projection named " + name + "; known: " + projections()));
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private static BigDecimal percent(long processed, long total) {
        if (total <= 0) {
            return BigDecimal.valueOf(100);
        }
        return BigDecimal.valueOf(Math.min(processed, total) * 100d / total).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal rate(long processed, Instant from, Instant until) {
        long millis = Math.max(1, Duration.between(from, until).toMillis());
        return BigDecimal.valueOf(processed * 1000d / millis).setScale(1, RoundingMode.HALF_UP);
    }
}
