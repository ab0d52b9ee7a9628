package com.complaintcase.bench.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelScaleTest {

    @TempDir
    Path temp;

    @Test
    void the_read_model_grows_to_the_target_with_new_ids_and_the_originals_rows_and_the_store_is_left_alone()
            throws Exception {
        Path data = temp.resolve("data");
        try (StoreServer server = StoreServer.start(data); Connection store = server.connect();
             Statement sql = store.createStatement()) {
            sql.execute("create table case_summary (complaint_id varchar(36) primary key,"
                    + " status varchar(32) not null, next_due_at timestamp(6) with time zone)");
            sql.execute("create table case_deadline (complaint_id varchar(36) references case_summary, position int,"
                    + " due_at timestamp(6) with time zone, primary key (complaint_id, position))");
            sql.execute("create table case_escalation (complaint_id varchar(36) references case_summary, position int,"
                    + " reason varchar(32), primary key (complaint_id, position))");
            sql.execute("create index ix_case_next_due on case_summary (next_due_at, complaint_id)");
            statisticsTables(sql);
            sql.execute("create index ix_deadline_due on case_deadline (due_at)");
            for (int i = 0; i < 4; i++) {
                String id = UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString();
                sql.execute("insert into case_summary values ('" + id + "', 'IN_PROGRESS', timestamp '2026-01-0" + (i + 1) + " 10:00:00')");
                sql.execute("insert into case_deadline values ('" + id + "', 0, timestamp '2026-01-0" + (i + 1) + " 10:00:00')");
                sql.execute("insert into case_deadline values ('" + id + "', 1, timestamp '2026-02-0" + (i + 1) + " 10:00:00')");
                if (i == 0) {
                    sql.execute("insert into case_escalation values ('" + id + "', 0, 'SLA_BREACH')");
                }
                statisticsOf(sql, id, i);
            }
        }

        Map<String, Object> scaled = ReadModelScale.scale(data, temp.resolve("scaled"), 10);

        assertThat(scaled).containsEntry("casesWithEvents", 4L).containsEntry("cases", 10L).containsEntry("copies", 2);
        try (StoreServer server = StoreServer.start(temp.resolve("scaled")); Connection copy = server.connect();
             Statement sql = copy.createStatement()) {
            assertThat(single(sql, "select count(distinct complaint_id) from case_summary")).isEqualTo(10);
            assertThat(ids(sql).stream().filter(ReadModelScale::isCopy)).hasSize(6)
                    .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(8));
            assertThat(ids(sql).stream().filter(id -> !ReadModelScale.isCopy(id))).hasSize(4);
            assertThat(single(sql, "select count(*) from case_summary where length(complaint_id) <> 36")).isZero();
            assertThat(single(sql, "select count(*) from case_deadline")).isEqualTo(20);
            assertThat(single(sql, "select count(*) from case_deadline d where not exists "
                    + "(select 1 from case_summary s where s.complaint_id = d.complaint_id)")).isZero();
            assertThat(single(sql, "select count(*) from case_summary c join case_summary o "
                    + "on substring(c.complaint_id, 16) = substring(o.complaint_id, 16) and substring(o.complaint_id, 15, 1) = '3' "
                    + "where substring(c.complaint_id, 15, 1) = '8' and c.next_due_at = o.next_due_at and c.status = o.status")).isEqualTo(6);
            assertThat(ReadModelScale.secondaryIndexes(copy, List.of("case_summary", "case_deadline")))
                    .as("the indexes dropped for the copy are made again").hasSize(2);
            assertThat(single(sql, "select count(*) from case_summary where status = 'IN_PROGRESS'")).isEqualTo(10);
            assertThat(single(sql, "select count(*) from statistics_case c join case_summary s"
                    + " on s.complaint_id = c.complaint_id")).as("the statistics' copies are the cases' copies").isEqualTo(10);
            assertThat(single(sql, "select count(*) from statistics_clock")).isEqualTo(10);
            assertThat(single(sql, "select count(*) from statistics_clock where substring(fact_id, 1, 36) = complaint_id"
                    + " and substring(fact_id, 37) = ':RESPONSE:0'")).as("a fact's id begins with its case's").isEqualTo(10);
            assertThat(single(sql, "select count(*) from statistics_escalation"))
                    .isEqualTo(single(sql, "select count(*) from case_escalation"));
        }
        try (StoreServer server = StoreServer.start(data); Connection store = server.connect();
             Statement sql = store.createStatement()) {
            assertThat(single(sql, "select count(*) from case_summary")).isEqualTo(4);
        }
    }

    @Test
    void the_statistics_day_tally_counts_the_copies_on_the_days_and_in_the_groups_of_their_originals() throws Exception {
        Path data = temp.resolve("data");
        try (StoreServer server = StoreServer.start(data); Connection store = server.connect();
             Statement sql = store.createStatement()) {
            sql.execute("create table case_summary (complaint_id varchar(36) primary key)");
            sql.execute("create table case_deadline (complaint_id varchar(36))");
            sql.execute("create table case_escalation (complaint_id varchar(36))");
            statisticsTables(sql);
            for (int i = 0; i < 4; i++) {
                String id = UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString();
                sql.execute("insert into case_summary values ('" + id + "')");
                statisticsOf(sql, id, i);
            }
        }

        Map<String, Object> scaled = ReadModelScale.scale(data, temp.resolve("scaled"), 12);

        assertThat(scaled).containsEntry("statisticsCases", 12L);
        try (StoreServer server = StoreServer.start(temp.resolve("scaled")); Connection copy = server.connect();
             Statement sql = copy.createStatement()) {
            assertThat(single(sql, "select sum(tally_count) from statistics_tally where grouping_name = 'CATEGORY'"
                    + " and figure = 'registered' and tally_day = date '2026-01-01'")).isEqualTo(3);
            assertThat(single(sql, "select sum(tally_count) from statistics_tally where grouping_name = 'BRANCH_CODE'"
                    + " and figure = 'registered'")).isEqualTo(12);
            assertThat(single(sql, "select sum(tally_count) from statistics_tally where grouping_name = 'CHANNEL'"
                    + " and figure = 'RESPONSE.breached' and tally_day = date '2026-01-04'")).isEqualTo(3);
            assertThat(single(sql, "select sum(tally_count) from statistics_tally where grouping_name = 'ROOT_ISSUE'"
                    + " and figure = 'reason:SLA_BREACH'")).isEqualTo(3);
            assertThat(single(sql, "select sum(tally_count) from statistics_tally where grouping_name = 'CATEGORY'"
                    + " and measure = 'COMPENSATION' and figure = 'paid.EUR'")).isEqualTo(6);
            assertThat(single(sql, "select cast(sum(amount) as bigint) from statistics_tally where grouping_name = 'CATEGORY'"
                    + " and figure = 'paid.EUR'")).isEqualTo(6 * 25);
        }
    }

    /** The statistics projection's tables, with the columns the scaling reads. */
    private static void statisticsTables(Statement sql) throws SQLException {
        sql.execute("create table statistics_case (complaint_id varchar(36) primary key, registered_at timestamp(6)"
                + " with time zone, channel varchar(32), category varchar(32), subcategory varchar(40), root_issue"
                + " varchar(32), branch_code varchar(32), repeat_complaint boolean, escalated boolean)");
        sql.execute("create table statistics_class_change (change_id varchar(60) primary key, complaint_id varchar(36))");
        sql.execute("create table statistics_escalation (fact_id varchar(60) primary key, complaint_id varchar(36),"
                + " reason varchar(40), to_level varchar(32))");
        sql.execute("create table statistics_clock (fact_id varchar(120) primary key, complaint_id varchar(36),"
                + " clock varchar(40), ended_at timestamp(6) with time zone, met_in_time boolean)");
        sql.execute("create index ix_statistics_clock_ended on statistics_clock (ended_at)");
        sql.execute("create table statistics_compensation (fact_id varchar(60) primary key, complaint_id varchar(36),"
                + " stage varchar(16), amount numeric(19, 4), currency varchar(3), recorded_at timestamp(6) with time zone)");
        sql.execute("create table statistics_feedback (fact_id varchar(60) primary key, complaint_id varchar(36),"
                + " answered_at timestamp(6) with time zone, satisfied boolean)");
        sql.execute("create table statistics_tally (grouping_name varchar(16), measure varchar(16), tally_day date,"
                + " group_key varchar(40), figure varchar(60), tally_count bigint, amount numeric(19, 4),"
                + " primary key (grouping_name, measure, tally_day, group_key, figure))");
    }

    /** Case {@code i}: registered on January {@code i + 1}, its response clock breached three days later. */
    private static void statisticsOf(Statement sql, String id, int i) throws SQLException {
        sql.execute("insert into statistics_case values ('" + id + "', timestamp with time zone '2026-01-0" + (i + 1)
                + " 10:00:00+00', 'PHONE', 'FEES', 'FEES_OTHER', 'PRICING', 'BR-000" + i + "', false, " + (i == 0) + ")");
        sql.execute("insert into statistics_class_change values ('" + id + ":0', '" + id + "')");
        sql.execute("insert into statistics_clock values ('" + id + ":RESPONSE:0', '" + id + "', 'RESPONSE',"
                + " timestamp with time zone '2026-01-0" + (i + 4) + " 10:00:00+00', false)");
        if (i == 0) {
            sql.execute("insert into statistics_escalation values ('" + id + ":3', '" + id + "', 'SLA_BREACH', 'HEAD_OFFICE')");
        }
        if (i < 2) {
            sql.execute("insert into statistics_compensation values ('" + id + ":5', '" + id + "', 'PAID', 25, 'EUR',"
                    + " timestamp with time zone '2026-01-10 10:00:00+00')");
        }
    }

    private static List<String> ids(Statement sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("select complaint_id from case_summary")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
