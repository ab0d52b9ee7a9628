package com.complaintcase.query.integrity;

import com.complaintcase.events.integrity.IntegrityCheckpointRecorded;
import com.complaintcase.events.integrity.IntegrityEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Indexes the checkpoints (daily ones as recorded before, and those of periods) by case. Idempotent: a checkpoint seen again adds nothing. */
@Component
@ProcessingGroup(CheckpointIndexProjection.PROCESSING_GROUP)
public class CheckpointIndexProjection {

    public static final String PROCESSING_GROUP = "integrity-checkpoints";

    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(IntegrityEvent checkpoint) {
        for (IntegrityCheckpointRecorded.CaseHead head : checkpoint.cases()) {
            CheckpointIndexEntry entry = new CheckpointIndexEntry(checkpoint.checkpointId(), checkpoint.day(),
                    checkpoint.periodStart(), head.caseId());
            if (entityManager.find(CheckpointIndexEntry.class, entry.id) == null) {
                entityManager.persist(entry);
            }
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from CheckpointIndexEntry").executeUpdate();
    }
}
