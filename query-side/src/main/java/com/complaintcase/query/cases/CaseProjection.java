package com.complaintcase.query.cases;

import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.privacy.PersonalDataErased;
import com.complaintcase.platform.privacy.PersonalDataCipher;
import com.complaintcase.values.ComplaintId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps one {@link CaseSummary} row per case, and tells watchers of live updates what changed.
 * Idempotent: each row remembers the last event sequence it applied.
 */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class CaseProjection {

    public static final String PROCESSING_GROUP = "cases";

    @PersistenceContext
    private EntityManager entityManager;

    private final QueryUpdateEmitter updates;
    private final Clock clock;
    private final PersonalDataCipher cipher;
    private final CaseRebuild rebuild;

    public CaseProjection(QueryUpdateEmitter updates, Clock clock, PersonalDataCipher cipher) {
        this.updates = updates;
        this.clock = clock;
        this.cipher = cipher;
        this.rebuild = new CaseRebuild(() -> entityManager, cipher);
    }

    @EventHandler
    void on(ComplaintEvent event, @SequenceNumber Long sequence, @Timestamp Instant recordedAt, ReplayStatus replay) {
        if (replay.isReplay()) {
            rebuild.replayed(event, sequence, recordedAt);
            return;
        }
        rebuild.writeKept();
        String id = event.complaintId().value();
        CaseSummary summary = entityManager.find(CaseSummary.class, id);
        boolean unseen = summary == null;
        if (unseen) {
            summary = CaseSummary.unseen(id);
        }
        if (!summary.apply(event, sequence, recordedAt, cipher)) {
            return;
        }
        if (unseen) {
            entityManager.persist(summary);
        }
        Instant now = clock.instant();
        boolean overdue = summary.isOpen() && summary.deadlines().stream().anyMatch(d -> d.isOverdueAt(now));
        CaseQueries.CaseChanged change = new CaseQueries.CaseChanged(CaseListItem.of(summary), summary.isOpen(), overdue);
        updates.emit(CaseQueries.WatchCases.class, query -> query.filter().matches(change.item()), change);
    }

    /**
     * The customer's personal data was erased: their cases' rows keep no plaintext of it. A replay gives the same:
     * the registration then already reads as erased.
     */
    @EventHandler
    void on(PersonalDataErased event, ReplayStatus replay) {
        if (replay.isReplay()) {
            rebuild.replayedErasure(event.affectedCases());
            return;
        }
        rebuild.writeKept();
        for (ComplaintId id : event.affectedCases()) {
            CaseSummary summary = entityManager.find(CaseSummary.class, id.value());
            if (summary != null) {
                summary.erasePersonalData();
            }
        }
    }

    @ResetHandler
    void reset() {
        rebuild.wipe();
    }
}
