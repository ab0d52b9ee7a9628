package com.complaintcase.events.integrity;

import com.complaintcase.values.InvalidValueException;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The daily checkpoint of the case histories, as recorded before checkpoint periods were configurable: for every case
 * changed on {@code day} (in {@code zone}), the sequence number and hash of its last event of that day, in case id
 * order, and the root of their Merkle tree. No longer recorded; stored ones are read as they are. New checkpoints are
 * {@link PeriodCheckpointRecorded}.
 */
@Revision("1")
public record IntegrityCheckpointRecorded(String checkpointId, LocalDate day, String zone, List<CaseHead> cases,
                                          String merkleRoot, Instant recordedAt) implements IntegrityEvent {

    public IntegrityCheckpointRecorded {
        Objects.requireNonNull(checkpointId, "checkpointId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(merkleRoot, "merkleRoot");
        Objects.requireNonNull(recordedAt, "recordedAt");
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    @Override
    public Instant periodStart() {
        return day.atStartOfDay(ZoneId.of(zone)).toInstant();
    }

    @Override
    public Instant periodEnd() {
        return day.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant();
    }

    /** One case's chain head at the end of the period. */
    public record CaseHead(String caseId, long headSequence, String headHash) {

        public CaseHead {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(headHash, "headHash");
            if (headSequence < 0) {
                throw new InvalidValueException("headSequence", "must not be negative: " + headSequence);
            }
        }
    }
}
