package com.complaintcase.events.integrity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The checkpoint of the case histories changed from {@code periodStart} (inclusive) to {@code periodEnd} (exclusive),
 * periods of {@code complaints.integrity.checkpoint.interval} aligned on the start of the day in {@code zone}.
 * A type of its own rather than a new revision of {@link IntegrityCheckpointRecorded}: an upcaster would present other
 * bytes than were hashed when the daily checkpoints were recorded, and they would no longer verify.
 */
@Revision("1")
public record PeriodCheckpointRecorded(String checkpointId, Instant periodStart, Instant periodEnd, String zone,
                                       List<IntegrityCheckpointRecorded.CaseHead> cases, String merkleRoot,
                                       Instant recordedAt) implements IntegrityEvent {

    public PeriodCheckpointRecorded {
        Objects.requireNonNull(checkpointId, "checkpointId");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(merkleRoot, "merkleRoot");
        Objects.requireNonNull(recordedAt, "recordedAt");
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    @Override
    public LocalDate day() {
        return IntegrityEvent.dayOf(periodStart, zone);
    }
}
