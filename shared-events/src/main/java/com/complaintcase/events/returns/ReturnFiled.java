package com.complaintcase.events.returns;

import com.complaintcase.values.Actor;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A compliance officer filed a regulatory return (domain/reporting.md section 6): the regime and period, the event-store
 * position and instant it was computed to, the mapping, catalogue, policy and computation versions, the Merkle roots of
 * the integrity checkpoints whose periods overlap the return's period, the return's canonical JSON exactly as filed
 * ({@code result}) and its SHA-256. No personal data: the return holds case ids and figures only, and the note is a
 * staff note.
 */
@Revision("1")
public record ReturnFiled(String filingId, String regime, LocalDate from, LocalDate to, String zone,
                          long asOfPosition, Instant asOf, Map<String, String> versions,
                          List<CheckpointRoot> checkpointRoots, String resultSha256, String result, String note,
                          Actor by, Instant filedAt) implements ReturnFilingEvent {

    /** The aggregate type of a filing's stream. */
    public static final String AGGREGATE_TYPE = "ReturnFiling";

    public ReturnFiled {
        Objects.requireNonNull(filingId, "filingId");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(resultSha256, "resultSha256");
        Objects.requireNonNull(result, "result");
        versions = versions == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(versions));
        checkpointRoots = checkpointRoots == null ? List.of() : List.copyOf(checkpointRoots);
    }

    /** A checkpoint covering part of the period: its aggregate id, period [start, end) and Merkle root. */
    public record CheckpointRoot(String checkpointId, Instant periodStart, Instant periodEnd, String merkleRoot) {
    }
}
