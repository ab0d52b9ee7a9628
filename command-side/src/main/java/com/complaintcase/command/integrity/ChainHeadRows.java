package com.complaintcase.command.integrity;

import jakarta.persistence.EntityManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.Session;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rows of chain heads that a batch of events moves ({@link CaseHeadAnchor}, {@link CaseDayHead}), written once
 * per row when the batch's unit of work prepares to commit, inside the transaction that appends the events, each
 * with one upsert that only moves a head forward: one statement per case for a command's events instead of a read,
 * an insert and an update. Without a unit of work a row is written at once.
 */
final class ChainHeadRows {

    /** A case's head, and the checkpoint period (with its day) it moved in, where the row is the period's. */
    record Row(String id, String caseId, long sequence, String hash, CheckpointPeriod period, LocalDate day) {
    }

    private static final String ANCHOR_UPSERT = "insert into case_head (complaint_id, head_sequence, head_hash) "
            + "values (?, ?, ?) on conflict (complaint_id) do update set head_sequence = excluded.head_sequence, "
            + "head_hash = excluded.head_hash where case_head.head_sequence < excluded.head_sequence";

    private static final String DAY_UPSERT = "insert into integrity_case_day "
            + "(id, change_day, case_id, head_sequence, head_hash, period_start, period_end) values (?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (id) do update set head_sequence = excluded.head_sequence, head_hash = excluded.head_hash "
            + "where integrity_case_day.head_sequence < excluded.head_sequence";

    private ChainHeadRows() {
    }

    static void anchor(EntityManager entityManager, Row row) {
        moved(entityManager, ChainHeadRows.class.getName() + ".anchors", row,
                rows -> write(entityManager, ANCHOR_UPSERT, rows, (statement, head) -> {
                    statement.setString(1, head.caseId());
                    statement.setLong(2, head.sequence());
                    statement.setString(3, head.hash());
                }));
    }

    static void day(EntityManager entityManager, Row row) {
        moved(entityManager, ChainHeadRows.class.getName() + ".days", row,
                rows -> write(entityManager, DAY_UPSERT, rows, (statement, head) -> {
                    statement.setString(1, head.id());
                    statement.setDate(2, Date.valueOf(head.day()));
                    statement.setString(3, head.caseId());
                    statement.setLong(4, head.sequence());
                    statement.setString(5, head.hash());
                    statement.setTimestamp(6, Timestamp.from(head.period().start()));
                    statement.setTimestamp(7, Timestamp.from(head.period().end()));
                }));
    }

    private static void moved(EntityManager entityManager, String resource, Row row, Consumer<Collection<Row>> writer) {
        if (!CurrentUnitOfWork.isStarted()) {
            writer.accept(java.util.List.of(row));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Map<String, Row> pending = unitOfWork.getOrComputeResource(resource, key -> {
            Map<String, Row> rows = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(committing -> writer.accept(rows.values()));
            return rows;
        });
        pending.merge(row.id(), row, (known, later) -> later.sequence() > known.sequence() ? later : known);
    }

    private interface Binder {
        void bind(PreparedStatement statement, Row row) throws java.sql.SQLException;
    }

    private static void write(EntityManager entityManager, String sql, Collection<Row> rows, Binder binder) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Row row : rows) {
                    binder.bind(statement, row);
                    if (rows.size() == 1) {
                        statement.executeUpdate();
                    } else {
                        statement.addBatch();
                    }
                }
                if (rows.size() > 1) {
                    statement.executeBatch();
                }
            }
        });
    }
}
