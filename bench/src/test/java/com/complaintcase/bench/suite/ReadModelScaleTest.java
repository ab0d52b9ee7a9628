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
            sql.execute("create index ix_deadline_due on case_deadline (due_at)");
            for (int i = 0; i < 4; i++) {
                String id = UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString();
                sql.execute("insert into case_summary values ('" + id + "', 'IN_PROGRESS', timestamp '2026-01-0" + (i + 1) + " 10:00:00')");
                sql.execute("insert into case_deadline values ('" + id + "', 0, timestamp '2026-01-0" + (i + 1) + " 10:00:00')");
                sql.execute("insert into case_deadline values ('" + id + "', 1, timestamp '2026-02-0" + (i + 1) + " 10:00:00')");
                if (i == 0) {
                    sql.execute("insert into case_escalation values ('" + id + "', 0, 'SLA_BREACH')");
                }
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
        }
        try (StoreServer server = StoreServer.start(data); Connection store = server.connect();
             Statement sql = store.createStatement()) {
            assertThat(single(sql, "select count(*) from case_summary")).isEqualTo(4);
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
