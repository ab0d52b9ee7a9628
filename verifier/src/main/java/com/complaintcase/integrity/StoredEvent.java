package com.complaintcase.integrity;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as the event store holds it: the values its hash covers. {@code payload} is the payload exactly as the
 * configured event serializer stored it; text values that were never recorded are null.
 */
public record StoredEvent(
        String eventId,
        String aggregateId,
        long sequence,
        Instant timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        String userId,
        String role,
        String correlationId,
        String causationId) {

    public StoredEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 0) {
            throw new IllegalArgumentException("a sequence number is never negative: " + sequence);
        }
    }

    /** The same event as if it had been recorded at another position of its stream. */
    public StoredEvent atSequence(long otherSequence) {
        return new StoredEvent(eventId, aggregateId, otherSequence, timestamp, payloadType, payloadRevision, payload,
                userId, role, correlationId, causationId);
    }
}
