package com.complaintcase.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The read model at a size the event store cannot reach in the suite's time: on a copy of the stopped app's
 * PostgreSQL data directory, the cases slice's tables ({@code case_summary} and its deadline and escalation rows) are copied with new
 * case ids until they hold the target number of cases. Every column but the id is the original's, so the copies
 * have the projected cases' mix of states, branches, due times and overdue share. The id of a copy is a UUID of
 * version 8 (RFC 9562's custom layout: never what the app or the workload generates) whose first three digits count
 * the copies: the app accepts it, the case view answers it from the read model, and the history, which needs events,
 * is asked only of cases whose id is not a copy's. The statistics projection's rows (its cases and facts, whose ids
 * begin with their case's) are copied with the same copy ids, and its day tally is counted again over them, so that
 * the statistics answer for the grown store.
 */
public final class ReadModelScale {

    /** The version digit of a copy's id (its 15th character). */
    static final char COPY_VERSION = '8';
    private static final String IS_COPY = "substring(complaint_id, 15, 1) = '" + COPY_VERSION + "'";
    private static final int MAX_COPIES = 0xfff;
    private static final List<String> CHILD_TABLES = List.of("case_deadline", "case_escalation");
    /** The statistics projection's tables with a row per case or per fact; a fact's id begins with its case's id. */
    private static final List<String> STATISTICS_TABLES = List.of("statistics_case", "statistics_class_change",
            "statistics_escalation", "statistics_clock", "statistics_compensation", "statistics_feedback");
    private static final List<String> FACT_ID_COLUMNS = List.of("change_id", "fact_id");
    /** The reporting zone of the statistics' day tally: the app's default (complaints.statistics.zone). */
    private static final String REPORTING_ZONE = "UTC";

    private ReadModelScale() {
    }

    /** {@code scale-read-model --data DIR --to CASES --into DIR2}: prints what {@link #scale} answers. */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(Suite.option(args, "--data", "target/bench-results/data"));
        long target = Long.parseLong(Suite.option(args, "--to", "1000000"));
        Path into = Path.of(Suite.option(args, "--into", data + "-scaled"));
        System.out.println(Json.write(scale(data, into, target)));
    }

    /** Copies the data directory to {@code scaledDir} and grows its cases to {@code targetCases}. */
    static Map<String, Object> scale(Path dataDir, Path scaledDir, long targetCases) throws Exception {
        long started = System.nanoTime();
        Suite.deleteRecursively(scaledDir);
        Files.createDirectories(scaledDir);
        copyDirectory(dataDir.resolve("postgres"), scaledDir.resolve("postgres"));
        double copiedFileSeconds = (System.nanoTime() - started) / 1e9;
        try (StoreServer server = StoreServer.start(scaledDir); Connection connection = server.connect()) {
            long original = count(connection, "select count(*) from case_summary");
            if (count(connection, "select count(*) from case_summary where " + IS_COPY) > 0) {
                throw new IllegalStateException("the read model already holds ids of version " + COPY_VERSION
                        + ": copies could not be told from originals");
            }
            List<String> lastIds = new ArrayList<>();
            for (long cases = original; cases < targetCases; cases += Math.min(original, targetCases - cases)) {
                lastIds.add(lastIdOf(connection, Math.min(original, targetCases - cases)));
            }
            if (lastIds.size() > MAX_COPIES) {
                throw new IllegalArgumentException("at most " + MAX_COPIES + " copies of the read model's "
                        + original + " cases");
            }
            List<String> tables = new ArrayList<>(List.of("case_summary"));
            tables.addAll(CHILD_TABLES);
            tables.addAll(STATISTICS_TABLES);
            copyAll(connection, tables, lastIds);
            long tallied = tallyStatistics(connection);
            try (Statement analyze = connection.createStatement()) {
                // as autovacuum leaves a table some time after a bulk insert: statistics, and the visibility map
                // that lets an index answer alone
                analyze.execute("vacuum analyze");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("casesWithEvents", original);
            result.put("cases", count(connection, "select count(*) from case_summary"));
            result.put("deadlineRows", count(connection, "select count(*) from case_deadline"));
            result.put("statisticsCases", count(connection, "select count(*) from statistics_case"));
            result.put("statisticsFactRows", count(connection, "select (select count(*) from statistics_class_change)"
                    + " + (select count(*) from statistics_escalation) + (select count(*) from statistics_clock)"
                    + " + (select count(*) from statistics_compensation) + (select count(*) from statistics_feedback)"));
            result.put("statisticsTallyRows", tallied);
            result.put("copies", lastIds.size());
            result.put("fileCopySeconds", Latencies.round(copiedFileSeconds));
            result.put("seconds", Latencies.round((System.nanoTime() - started) / 1e9));
            result.put("what", "the cases slice's and the statistics' rows copied with new ids up to the target, the"
                    + " statistics' day tally counted again over them; the event store is not scaled");
            return result;
        }
    }

    /** Whether a case id is a copy's (a case without events). */
    static boolean isCopy(String complaintId) {
        return complaintId.length() == 36 && complaintId.charAt(14) == COPY_VERSION;
    }

    /** The cases in the read model of a stopped app's data directory. */
    static long cases(Path dataDir) throws Exception {
        try (StoreServer server = StoreServer.start(dataDir); Connection connection = server.connect()) {
            return count(connection, "select count(*) from case_summary");
        }
    }

    /** A stopped server's data directory, file by file. */
    private static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path each : all.toList()) {
                Files.copy(each, to.resolve(from.relativize(each).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /**
     * The secondary indexes are dropped for the copy and made again after it: one index build over the grown
     * table is several times faster than keeping ten B-trees up to date row by row.
     */
    private static void copyAll(Connection connection, List<String> tables, List<String> lastIds) throws SQLException {
        Map<String, String> indexes = secondaryIndexes(connection, tables);
        try (Statement statement = connection.createStatement()) {
            for (String index : indexes.keySet()) {
                statement.execute("drop index " + index);
            }
        }
        connection.setAutoCommit(false);
        for (int generation = 1; generation <= lastIds.size(); generation++) {
            for (String table : tables) {
                copy(connection, table, generation, lastIds.get(generation - 1));
                connection.commit();
            }
        }
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            for (String index : indexes.values()) {
                statement.execute(index);
            }
        }
    }

    /** The tables' indexes that back no constraint: each one's name and its {@code create index} statement. */
    static Map<String, String> secondaryIndexes(Connection connection, List<String> tables) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select i.relname, pg_get_indexdef(i.oid)"
                + " from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid"
                + " where t.relname = ? and t.relnamespace = current_schema()::regnamespace"
                + " and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)"
                + " order by i.relname")) {
            for (String table : tables) {
                select.setString(1, table);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        indexes.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
        }
        return indexes;
    }

    private static String lastIdOf(Connection connection, long take) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select complaint_id from case_summary"
                + " where not " + IS_COPY + " order by complaint_id offset ? rows fetch next 1 row only")) {
            select.setLong(1, take - 1);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void copy(Connection connection, String table, int generation, String lastId) throws SQLException {
        List<String> columns = columns(connection, table);
        String newId = String.format(Locale.ROOT, "'%03x' || substring(complaint_id, 4, 11) || '%s' || substring(complaint_id, 16)",
                generation, COPY_VERSION);
        List<String> selected = new ArrayList<>();
        for (String column : columns) {
            selected.add(column.equals("complaint_id") ? newId
                    : FACT_ID_COLUMNS.contains(column) ? "(" + newId + ") || substring(" + column + ", 37)" : column);
        }
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", selected)
                + " from " + table + " where not " + IS_COPY + " and complaint_id <= ?";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, lastId);
            insert.executeUpdate();
        }
    }

    /**
     * The statistics' day tally counted again from the facts of the grown tables, as the statistics projection counts
     * them (a copy counts where its original does: the same days and groups). Answers its rows.
     */
    static long tallyStatistics(Connection connection) throws SQLException {
        String day = "at time zone '" + java.time.ZoneId.of(REPORTING_ZONE).getId() + "')::date";
        String facts = "select c.complaint_id, 'VOLUME' as measure, (c.registered_at " + day + " as tally_day,"
                + " 'registered' as figure, cast(0 as numeric(19, 4)) as amount from statistics_case c"
                + " union all select c.complaint_id, 'RATES', (c.registered_at " + day + ", 'repeat', 0"
                + " from statistics_case c where c.repeat_complaint"
                + " union all select c.complaint_id, 'RATES', (c.registered_at " + day + ", 'escalated', 0"
                + " from statistics_case c where c.escalated"
                + " union all select e.complaint_id, 'RATES', (c.registered_at " + day + ", 'reason:' || e.reason, 0"
                + " from statistics_escalation e join statistics_case c on c.complaint_id = e.complaint_id"
                + " union all select e.complaint_id, 'RATES', (c.registered_at " + day + ", 'level:' || e.to_level, 0"
                + " from statistics_escalation e join statistics_case c on c.complaint_id = e.complaint_id"
                + " union all select k.complaint_id, 'CLOCK', (k.ended_at " + day + ", k.clock || '.ended', 0"
                + " from statistics_clock k"
                + " union all select k.complaint_id, 'CLOCK', (k.ended_at " + day + ", k.clock"
                + " || case when k.met_in_time then '.metInTime' else '.breached' end, 0 from statistics_clock k"
                + " union all select p.complaint_id, 'COMPENSATION', (p.recorded_at " + day + ", lower(p.stage) || '.'"
                + " || p.currency, p.amount from statistics_compensation p"
                + " union all select b.complaint_id, 'FEEDBACK', (b.answered_at " + day + ", 'responses', 0"
                + " from statistics_feedback b"
                + " union all select b.complaint_id, 'FEEDBACK', (b.answered_at " + day + ", 'satisfied', 0"
                + " from statistics_feedback b where b.satisfied";
        try (Statement statement = connection.createStatement()) {
            statement.execute("delete from statistics_tally");
            statement.execute("insert into statistics_tally (grouping_name, measure, tally_day, group_key, figure,"
                    + " tally_count, amount) select g.grouping_name, f.measure, f.tally_day, g.group_key, f.figure, count(*),"
                    + " sum(f.amount) from (" + facts + ") f join statistics_case c on c.complaint_id = f.complaint_id"
                    + " cross join lateral (values ('CATEGORY', c.category), ('SUBCATEGORY', c.subcategory),"
                    + " ('ROOT_ISSUE', c.root_issue), ('BRANCH_CODE', c.branch_code), ('CHANNEL', c.channel))"
                    + " as g (grouping_name, group_key) group by 1, 2, 3, 4, 5");
        }
        return count(connection, "select count(*) from statistics_tally");
    }

    /** The table's columns in order. */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        if (!columns.contains("complaint_id")) {
            throw new IllegalStateException("table " + table + " has no complaint_id column: " + columns);
        }
        return columns;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
