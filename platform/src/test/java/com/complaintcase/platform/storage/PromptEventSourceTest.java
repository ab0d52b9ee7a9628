package com.complaintcase.platform.storage;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PromptEventSourceTest {

    @Test
    void a_processor_waiting_on_a_stream_that_cannot_call_back_is_called_at_every_tick() {
        PromptEventSource source = PromptEventSource.ticked(new Events(false));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger calls = new AtomicInteger();

        assertThat(stream.setOnAvailableCallback(calls::incrementAndGet)).isTrue();
        source.tick();
        source.tick();

        assertThat(calls).hasValue(2);
    }

    @Test
    void a_closed_stream_is_no_longer_called() {
        PromptEventSource source = PromptEventSource.ticked(new Events(false));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger calls = new AtomicInteger();
        stream.setOnAvailableCallback(calls::incrementAndGet);

        stream.close();
        source.tick();

        assertThat(calls).hasValue(0);
        assertThat(source.waiting()).isZero();
    }

    @Test
    void a_new_callback_of_the_same_stream_replaces_the_previous_one() {
        PromptEventSource source = PromptEventSource.ticked(new Events(false));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();

        stream.setOnAvailableCallback(first::incrementAndGet);
        stream.setOnAvailableCallback(second::incrementAndGet);
        source.tick();

        assertThat(first).hasValue(0);
        assertThat(second).hasValue(1);
    }

    @Test
    void a_stream_that_calls_back_itself_is_left_to_do_so() {
        PromptEventSource source = PromptEventSource.ticked(new Events(true));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger calls = new AtomicInteger();

        assertThat(stream.setOnAvailableCallback(calls::incrementAndGet)).isTrue();
        source.tick();

        assertThat(calls).hasValue(0);
        assertThat(source.waiting()).isZero();
    }

    @Test
    void the_events_and_tokens_are_the_event_stores() throws InterruptedException {
        Events events = new Events(false);
        events.available.add(event(7));
        PromptEventSource source = PromptEventSource.ticked(events);
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(new GlobalSequenceTrackingToken(6));

        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(7));
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(source.createTailToken()).isEqualTo(new GlobalSequenceTrackingToken(-1));
        assertThat(source.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(7));
    }

    private static TrackedEventMessage<?> event(long index) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                GenericEventMessage.asEventMessage("event " + index));
    }

    /** An event store's stream, calling back or not. */
    private static final class Events implements StreamableMessageSource<TrackedEventMessage<?>> {

        private final boolean callsBack;
        private final Deque<TrackedEventMessage<?>> available = new ArrayDeque<>();

        private Events(boolean callsBack) {
            this.callsBack = callsBack;
        }

        @Override
        public TrackingToken createTailToken() {
            return new GlobalSequenceTrackingToken(-1);
        }

        @Override
        public TrackingToken createHeadToken() {
            return new GlobalSequenceTrackingToken(7);
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return Optional.ofNullable(available.peek());
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                    return !available.isEmpty();
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    return available.poll();
                }

                @Override
                public void close() {
                }

                @Override
                public boolean setOnAvailableCallback(Runnable callback) {
                    return callsBack;
                }
            };
        }
    }
}
