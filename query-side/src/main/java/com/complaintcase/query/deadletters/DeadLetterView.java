package com.complaintcase.query.deadletters;

import java.time.Instant;

/**
 * One parked event. The first of its sequence failed ({@code errorClass}, {@code errorMessage}: the exception's
 * classes and where they were thrown, never its message); the later ones wait behind it ({@code waiting}) and have
 * not been tried. {@code retries}: how often the failing event failed again when retried.
 */
public record DeadLetterView(
        String projection,
        String sequenceId,
        long index,
        String eventType,
        String eventIdentifier,
        Long eventSequence,
        Long globalPosition,
        boolean waiting,
        String errorClass,
        String errorMessage,
        Instant enqueuedAt,
        Instant lastTouched,
        long retries) {
}
