package com.complaintcase.query.returns;

import com.complaintcase.query.returns.ReturnFact.Kind;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Consumer;

/** The {@code return_fact} table: a fact per row, written and read with the same columns in the same order. */
final class ReturnFactTable {

    private static final String COLUMNS = "global_index, kind, case_id, recorded_at, received_at, registered_at, channel,"
            + " branch_code, category, subcategory, root_issue, product, customer_id, not_a_complaint, transferred_to,"
            + " validity, responsibility, contacted_at, paid_amount, paid_currency, paid_at, checkpoint_id,"
            + " period_start, period_end, merkle_root";
    private static final String INSERT = "insert into return_fact (" + COLUMNS + ") values "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (global_index) do nothing";
    static final String SELECT_UP_TO = "select " + COLUMNS + " from return_fact where global_index <= ? order by global_index";

    private ReturnFactTable() {
    }

    /** Writes the facts; one already written (a redelivered event) stays as it is. */
    static void insert(Connection connection, Collection<ReturnFact> facts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (ReturnFact fact : facts) {
                int column = 0;
                insert.setLong(++column, fact.position());
                insert.setString(++column, fact.kind().name());
                insert.setString(++column, fact.caseId());
                insert.setString(++column, text(fact.at()));
                insert.setString(++column, text(fact.receivedAt()));
                insert.setString(++column, text(fact.registeredAt()));
                insert.setString(++column, fact.channel());
                insert.setString(++column, fact.branchCode());
                insert.setString(++column, fact.category());
                insert.setString(++column, fact.subcategory());
                insert.setString(++column, fact.rootIssue());
                insert.setString(++column, fact.product());
                insert.setString(++column, fact.customerId());
                insert.setBoolean(++column, fact.notAComplaint());
                insert.setString(++column, fact.transferredTo());
                insert.setString(++column, fact.validity());
                insert.setString(++column, fact.responsibility());
                insert.setString(++column, text(fact.contactedAt()));
                if (fact.paidAmount() == null) {
                    insert.setNull(++column, Types.VARCHAR);
                } else {
                    insert.setString(++column, fact.paidAmount().toString());
                }
                insert.setString(++column, fact.paidCurrency());
                insert.setString(++column, text(fact.paidAt()));
                insert.setString(++column, fact.checkpointId());
                insert.setString(++column, text(fact.periodStart()));
                insert.setString(++column, text(fact.periodEnd()));
                insert.setString(++column, fact.merkleRoot());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The fact of the current row of a result of {@link #SELECT_UP_TO}. */
    static ReturnFact read(ResultSet row) throws SQLException {
        int column = 0;
        ReturnFact.Builder fact = new ReturnFact.Builder(row.getLong(++column), Kind.valueOf(row.getString(++column)),
                row.getString(++column), instant(row.getString(++column)));
        fact.receivedAt = instant(row.getString(++column));
        fact.registeredAt = instant(row.getString(++column));
        fact.channel = row.getString(++column);
        fact.branchCode = row.getString(++column);
        fact.category = row.getString(++column);
        fact.subcategory = row.getString(++column);
        fact.rootIssue = row.getString(++column);
        fact.product = row.getString(++column);
        fact.customerId = row.getString(++column);
        fact.notAComplaint = row.getBoolean(++column);
        fact.transferredTo = row.getString(++column);
        fact.validity = row.getString(++column);
        fact.responsibility = row.getString(++column);
        fact.contactedAt = instant(row.getString(++column));
        String paid = row.getString(++column);
        fact.paidAmount = paid == null ? null : new BigDecimal(paid);
        fact.paidCurrency = row.getString(++column);
        fact.paidAt = instant(row.getString(++column));
        fact.checkpointId = row.getString(++column);
        fact.periodStart = instant(row.getString(++column));
        fact.periodEnd = instant(row.getString(++column));
        fact.merkleRoot = row.getString(++column);
        return fact.build();
    }

    /** Every fact up to {@code position}, in the order of the events. */
    static void readUpTo(Connection connection, long position, Consumer<ReturnFact> each) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_UP_TO)) {
            select.setFetchSize(5000);
            select.setLong(1, position);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    each.accept(read(rows));
                }
            }
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
