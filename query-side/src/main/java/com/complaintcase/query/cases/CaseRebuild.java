package com.complaintcase.query.cases;

import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.platform.privacy.PersonalDataCipher;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.PersonalData;
import jakarta.persistence.EntityManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.Session;
import org.hibernate.StatelessSession;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The replay path of the cases projection. A processor batch's replayed events are kept per case and folded in
 * memory when the batch commits: each touched case is read once, changed through {@link CaseSummary#apply} (the
 * same fold as the live path, so the same rows come out) and written once, with no change tracking of the
 * persistence context. A batch that turns live writes what it kept first, so the live path reads it.
 */
final class CaseRebuild {

    private static final String PENDING = CaseRebuild.class.getName() + ".pending";
    /** The columns {@link CaseSummary#erasePersonalData} empties, for a case not written in the same batch. */
    private static final String ERASE = "update case_summary set"
            + " customer_name = case when customer_name is null then null else ? end,"
            + " customer_phone = case when customer_phone is null then null else ? end,"
            + " customer_email = case when customer_email is null then null else ? end,"
            + " description = case when description is null then null else ? end"
            + " where complaint_id = ?";

    /** The projection's transaction-bound entity manager. */
    private final Supplier<EntityManager> entityManager;
    private final PersonalDataCipher cipher;

    CaseRebuild(Supplier<EntityManager> entityManager, PersonalDataCipher cipher) {
        this.entityManager = entityManager;
        this.cipher = cipher;
    }

    /** Keeps a replayed event of its case for the end of the batch. */
    void replayed(ComplaintEvent event, long sequence, Instant recordedAt) {
        pending().changes(event.complaintId().value()).add(new Applied(event, sequence, recordedAt));
    }

    /** Keeps a replayed erasure for the end of the batch, in its place among the cases' events. */
    void replayedErasure(Collection<ComplaintId> cases) {
        Pending pending = pending();
        cases.forEach(id -> pending.changes(id.value()).add(Erased.INSTANCE));
    }

    /** Writes what the current batch kept so far; the live path then reads it from the tables. */
    void writeKept() {
        if (CurrentUnitOfWork.isStarted()) {
            Pending pending = CurrentUnitOfWork.get().root().getResource(PENDING);
            if (pending != null) {
                write(pending);
            }
        }
    }

    /**
     * Empties the projection's tables before a replay, by truncation (a delete of every row took minutes at size).
     * PostgreSQL truncates the three in the transaction and drops their secondary indexes until the rebuild has
     * caught up ({@link DeferredIndexes}). H2 commits at each truncation, and truncates a table
     * that others reference only with its referential checks off for the moment; nothing writes these tables
     * while the processor is stopped for its reset.
     */
    void wipe() {
        entityManager.get().unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                    statement.execute("truncate table case_deadline, case_escalation, case_summary");
                    DeferredIndexes.drop(connection);
                    return;
                }
                statement.execute("truncate table case_deadline");
                statement.execute("truncate table case_escalation");
                statement.execute("alter table case_summary set referential_integrity false");
                try {
                    statement.execute("truncate table case_summary");
                } finally {
                    statement.execute("alter table case_summary set referential_integrity true nocheck");
                }
            }
        });
    }

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("a replayed event arrives in a processor's unit of work");
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            Pending pending = new Pending();
            batch.onPrepareCommit(unitOfWork -> write(pending));
            return pending;
        });
    }

    private void write(Pending pending) {
        Map<String, List<Change>> byCase = pending.drain();
        if (byCase.isEmpty()) {
            return;
        }
        Map<String, List<Change>> withEvents = new LinkedHashMap<>();
        List<String> erasedOnly = new ArrayList<>();
        byCase.forEach((id, changes) -> {
            if (changes.stream().anyMatch(Applied.class::isInstance)) {
                withEvents.put(id, changes);
            } else {
                erasedOnly.add(id);
            }
        });
        Session session = entityManager.get().unwrap(Session.class);
        session.doWork(connection -> {
            if (!withEvents.isEmpty()) {
                try (StatelessSession rows = session.getSessionFactory().withStatelessOptions().connection(connection)
                        .openStatelessSession()) {
                    writeFolded(rows, withEvents);
                }
            }
            // an erasure alone changes the personal columns only: the case's own events are in another
            // segment's batch, whose row this batch must not write over
            if (!erasedOnly.isEmpty()) {
                try (PreparedStatement erase = connection.prepareStatement(ERASE)) {
                    for (String id : erasedOnly) {
                        for (int column = 1; column <= 4; column++) {
                            erase.setString(column, PersonalData.ERASED);
                        }
                        erase.setString(5, id);
                        erase.addBatch();
                    }
                    erase.executeBatch();
                }
            }
        });
    }

    private void writeFolded(StatelessSession rows, Map<String, List<Change>> byCase) {
        Map<String, CaseSummary> stored = new HashMap<>();
        for (String id : byCase.keySet()) {
            CaseSummary summary = rows.get(CaseSummary.class, id);
            if (summary != null) {
                rows.fetch(summary.deadlines);
                rows.fetch(summary.escalations);
                stored.put(id, summary);
            }
        }
        List<CaseSummary> inserts = new ArrayList<>();
        List<CaseSummary> updates = new ArrayList<>();
        byCase.forEach((id, changes) -> {
            CaseSummary summary = stored.get(id);
            if (summary != null && fold(summary, true, changes)) {
                updates.add(summary);
            } else if (summary == null) {
                CaseSummary unseen = CaseSummary.unseen(id);
                if (fold(unseen, false, changes)) {
                    inserts.add(unseen);
                }
            }
        });
        rows.insertMultiple(inserts);
        rows.updateMultiple(updates);
    }

    /** Applies a case's kept changes in order; answers whether any changed it. Its row exists once an event was applied. */
    private boolean fold(CaseSummary summary, boolean exists, List<Change> changes) {
        boolean changed = false;
        boolean present = exists;
        for (Change change : changes) {
            if (change instanceof Applied applied) {
                if (summary.apply(applied.event(), applied.sequence(), applied.recordedAt(), cipher)) {
                    changed = true;
                    present = true;
                }
            } else if (present) {
                summary.erasePersonalData();
                changed = true;
            }
        }
        return changed;
    }

    private sealed interface Change permits Applied, Erased {
    }

    private record Applied(ComplaintEvent event, long sequence, Instant recordedAt) implements Change {
    }

    private enum Erased implements Change {
        INSTANCE
    }

    /** The changes a batch kept, per case in the order the cases first came. */
    private static final class Pending {

        private Map<String, List<Change>> byCase = new LinkedHashMap<>();

        List<Change> changes(String complaintId) {
            return byCase.computeIfAbsent(complaintId, id -> new ArrayList<>());
        }

        Map<String, List<Change>> drain() {
            Map<String, List<Change>> drained = byCase;
            byCase = new LinkedHashMap<>();
            return drained;
        }
    }
}
