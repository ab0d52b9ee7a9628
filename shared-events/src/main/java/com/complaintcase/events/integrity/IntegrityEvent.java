package com.complaintcase.events.integrity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The checkpoints of the case histories (docs/adr/0010), one small aggregate per period: for every case changed in
 * the period, the sequence number and hash of its last event of the period, in case id order, and the root of their
 * Merkle tree. The daily checkpoints recorded before periods were configurable are {@link IntegrityCheckpointRecorded}
 * events, kept as stored: their period is their day.
 */
public sealed interface IntegrityEvent permits IntegrityCheckpointRecorded, PeriodCheckpointRecorded {

    String checkpointId();

    /** The day (in {@link #zone()}) the period starts on. */
    LocalDate day();

    String zone();

    Instant periodStart();

    /** Exclusive. */
    Instant periodEnd();

    List<IntegrityCheckpointRecorded.CaseHead> cases();

    String merkleRoot();

    Instant recordedAt();

    /** The aggregate identifier of the checkpoint of a period: its bounds as an ISO-8601 interval, in UTC. */
    static String checkpointId(Instant periodStart, Instant periodEnd) {
        return "integrity-checkpoint-" + periodStart + "/" + periodEnd;
    }

    /** The aggregate identifier of a daily checkpoint recorded before periods were configurable. */
    static String checkpointId(LocalDate day) {
        return "integrity-checkpoint-" + day;
    }

    static LocalDate dayOf(Instant instant, String zone) {
        return instant.atZone(ZoneId.of(zone)).toLocalDate();
    }
}
