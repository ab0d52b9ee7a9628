package com.complaintcase.query.replay;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay progress over a real pooled streaming processor with two segments, its token store and an event store in
 * memory. A processor reports only the segments it holds a claim on at the moment.
 */
class ProjectionReplaysTest {

    private static final String PROJECTION = "rebuilt";
    private static final int EVENTS = 20;

    private Configuration axon;
    private StreamingEventProcessor processor;
    private ProjectionReplays replays;

    /**
     * Holds every replayed event until the test opens the gate, so that no segment reaches the head again before the
     * test says. Events before the replay pass at once: a worker held then would hold up the replay's stop.
     */
    @ProcessingGroup(PROJECTION)
    static class Handler {
        private final CountDownLatch gate;

        Handler(CountDownLatch gate) {
            this.gate = gate;
        }

        @EventHandler
        void on(String event, ReplayStatus status) throws InterruptedException {
            if (status.isReplay() && !gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        }
    }

    private final CountDownLatch gate = new CountDownLatch(1);

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> processing
                        .registerTokenStore(configuration -> new InMemoryTokenStore())
                        .registerPooledStreamingEventProcessor(PROJECTION, Configuration::eventStore,
                                (configuration, builder) -> builder.initialSegmentCount(2).tokenClaimInterval(50))
                        .registerEventHandler(configuration -> new Handler(gate)))
                .buildConfiguration();
        axon.start();
        for (int i = 0; i < EVENTS; i++) {
            axon.eventStore().publish(new GenericDomainEventMessage<>("Case", "case-" + i, 0, "registered " + i));
        }
        processor = axon.eventProcessingConfiguration()
                .eventProcessor(PROJECTION, StreamingEventProcessor.class).orElseThrow();
        replays = new ProjectionReplays(axon.eventProcessingConfiguration(), axon.eventStore(),
                Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        gate.countDown();
        axon.shutdown();
    }

    @Test
    void a_replay_is_not_completed_while_a_segment_is_unclaimed_and_completes_once_every_segment_caught_up() {
        long head = EVENTS - 1;
        waitUntil(() -> processor.processingStatus().size() == 2 && position(0) >= head && position(1) >= head,
                "both segments at the head before the replay");
        replays.replay(PROJECTION);
        processor.releaseSegment(1, 1, TimeUnit.HOURS);
        gate.countDown();
        waitUntil(() -> processor.processingStatus().keySet().equals(Set.of(0)) && position(0) >= head,
                "segment 0 alone claimed and at the old head");

        ReplayProgress oneSegmentLeft = replays.progress(PROJECTION);

        assertThat(oneSegmentLeft.state()).isEqualTo(ReplayProgress.State.REPLAYING);
        assertThat(oneSegmentLeft.completedAt()).isNull();

        assertThat(processor.claimSegment(1).join()).as("segment 1 claimed again").isTrue();
        waitUntil(() -> processor.processingStatus().size() == 2 && position(0) >= head && position(1) >= head,
                "both segments at the old head");

        ReplayProgress allCaughtUp = replays.progress(PROJECTION);

        assertThat(allCaughtUp.state()).isEqualTo(ReplayProgress.State.COMPLETED);
        assertThat(allCaughtUp.processed()).isEqualTo(allCaughtUp.total()).isEqualTo(head);
        assertThat(allCaughtUp.segments()).isEqualTo(2);
    }

    private long position(int segment) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        EventTrackerStatus segmentStatus = status.get(segment);
        OptionalLong position = segmentStatus == null ? OptionalLong.empty() : segmentStatus.getCurrentPosition();
        return position.orElse(-1);
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
