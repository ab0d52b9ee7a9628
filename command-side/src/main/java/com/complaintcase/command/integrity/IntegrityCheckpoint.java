package com.complaintcase.command.integrity;

import com.complaintcase.events.integrity.IntegrityEvent;
import com.complaintcase.events.integrity.PeriodCheckpointRecorded;
import com.complaintcase.integrity.CaseHead;
import com.complaintcase.integrity.MerkleTree;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One period's checkpoint of the case histories: recorded once, never changed. */
@Aggregate
public class IntegrityCheckpoint {

    @AggregateIdentifier
    private String checkpointId;

    protected IntegrityCheckpoint() {
    }

    @CommandHandler
    IntegrityCheckpoint(RecordIntegrityCheckpoint command) {
        requireCases(command);
        String root = MerkleTree.root(command.cases().stream()
                .map(head -> new CaseHead(head.caseId(), head.headSequence(), head.headHash()))
                .toList());
        apply(new PeriodCheckpointRecorded(command.checkpointId(), command.period().start(), command.period().end(),
                command.zone().getId(), command.cases(), root, command.recordedAt()));
    }

    private static void requireCases(RecordIntegrityCheckpoint command) {
        if (command.cases().isEmpty()) {
            throw new IllegalArgumentException("a checkpoint of " + command.period() + " needs at least one case");
        }
    }

    @EventSourcingHandler
    void on(IntegrityEvent event) {
        checkpointId = event.checkpointId();
    }
}
