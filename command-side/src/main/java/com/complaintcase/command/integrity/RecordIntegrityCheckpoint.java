package com.complaintcase.command.integrity;

import com.complaintcase.events.integrity.IntegrityCheckpointRecorded;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Record the checkpoint of {@code day}: the heads of the cases changed that day, in case id order. */
public record RecordIntegrityCheckpoint(@TargetAggregateIdentifier String checkpointId, LocalDate day, ZoneId zone,
                                        List<IntegrityCheckpointRecorded.CaseHead> cases, Instant recordedAt) {
}
