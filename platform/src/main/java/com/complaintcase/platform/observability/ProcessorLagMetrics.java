package com.complaintcase.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Map;
import java.util.OptionalLong;

/**
 * How far each streaming event processor of this node is behind the event store, in events: the gauge
 * {@value #GAUGE} per processor, the head position of the event store minus the position of the processor's
 * slowest segment claimed here. Not a number while this node claims no segment of the processor (another node
 * has them, or it is starting). Read when scraped, so it costs one head-position query per processor and scrape.
 */
class ProcessorLagMetrics {

    static final String GAUGE = "complaints.processor.lag";

    private final EventStore eventStore;

    ProcessorLagMetrics(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    void register(EventProcessingConfiguration processing, MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(GAUGE, streaming, this::lag)
                        .description("Events in the event store not yet handled by the processor's slowest segment on this node")
                        .tag("processor", name)
                        .baseUnit("events")
                        .register(registry);
            }
        });
    }

    double lag(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        OptionalLong slowest = segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1L))
                .min();
        if (slowest.isEmpty()) {
            return Double.NaN;
        }
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1L : head.position().orElse(-1L);
        return Math.max(0L, headPosition - slowest.getAsLong());
    }
}
