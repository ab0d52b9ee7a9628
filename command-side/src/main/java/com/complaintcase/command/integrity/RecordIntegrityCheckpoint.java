package com.complaintcase.command.integrity;

import com.complaintcase.events.integrity.IntegrityCheckpointRecorded;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Record the checkpoint of a period: the heads of the cases changed in it, in case id order. */
public record RecordIntegrityCheckpoint(@TargetAggregateIdentifier String checkpointId, CheckpointPeriod period,
                                        ZoneId zone, List<IntegrityCheckpointRecorded.CaseHead> cases,
                                        Instant recordedAt) {
}
