package com.complaintcase.bench.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read model at a size the event store cannot reach in the suite's time: on a copy of the stopped app's H2
 * file, the cases slice's tables ({@code case_summary} and its deadline and escalation rows) are copied with new
 * case ids until they hold the target number of cases. Every column but the id is the original's, so the copies
 * have the projected cases' mix of states, branches, due times and overdue share. The id of a copy is a UUID of
 * version 8 (RFC 9562's custom layout: never what the app or the workload generates) whose first three digits count
 * the copies: the app accepts it, the case view answers it from the read model, and the history, which needs events,
 * is asked only of cases whose id is not a copy's.
 */
public final class ReadModelScale {

    /** The version digit of a copy's id (its 15th character). */
    static final char COPY_VERSION = '8';
    private static final String IS_COPY = "substring(complaint_id, 15, 1) = '" + COPY_VERSION + "'";
    private static final int MAX_COPIES = 0xfff;
    private static final List<String> CHILD_TABLES = List.of("case_deadline", "case_escalation");
    private static final int CACHE_KIB = 1024 * 1024;

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
        Files.copy(dataDir.resolve("complaints.mv.db"), scaledDir.resolve("complaints.mv.db"),
                StandardCopyOption.REPLACE_EXISTING);
        double copiedFileSeconds = (System.nanoTime() - started) / 1e9;
        long original;
        List<String> lastIds = new ArrayList<>();
        try (Connection connection = open(scaledDir)) {
            original = count(connection, "select count(*) from case_summary");
            if (count(connection, "select count(*) from case_summary where " + IS_COPY) > 0) {
                throw new IllegalStateException("the read model already holds ids of version " + COPY_VERSION
                        + ": copies could not be told from originals");
            }
            for (long cases = original; cases < targetCases; cases += Math.min(original, targetCases - cases)) {
                lastIds.add(lastIdOf(connection, Math.min(original, targetCases - cases)));
            }
        }
        if (lastIds.size() > MAX_COPIES) {
            throw new IllegalArgumentException("at most " + MAX_COPIES + " copies of the read model's "
                    + original + " cases");
        }
        List<String> tables = new ArrayList<>(List.of("case_summary"));
        tables.addAll(CHILD_TABLES);
        copyAll(scaledDir, tables, lastIds);
        requireEnumsIntact(scaledDir, tables);
        try (Connection connection = open(scaledDir); Statement analyze = connection.createStatement()) {
            analyze.execute("analyze");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("casesWithEvents", original);
            result.put("cases", count(connection, "select count(*) from case_summary"));
            result.put("deadlineRows", count(connection, "select count(*) from case_deadline"));
            result.put("copies", lastIds.size());
            result.put("fileCopySeconds", Latencies.round(copiedFileSeconds));
            result.put("seconds", Latencies.round((System.nanoTime() - started) / 1e9));
            result.put("what", "the cases slice's rows copied with new ids up to the target; the event store is not scaled");
            return result;
        }
    }

    /** Whether a case id is a copy's (a case without events). */
    static boolean isCopy(String complaintId) {
        return complaintId.length() == 36 && complaintId.charAt(14) == COPY_VERSION;
    }

    /** The cases in the read model of a stopped app's data directory. */
    static long cases(Path dir) throws SQLException {
        try (Connection connection = open(dir)) {
            return count(connection, "select count(*) from case_summary");
        }
    }

    /**
     * The secondary indexes are dropped for the copy and made again after it: one index build over the grown
     * table is several times faster than keeping ten B-trees up to date row by row.
     */
    private static void copyAll(Path scaledDir, List<String> tables, List<String> lastIds) throws SQLException {
        try (Connection connection = open(scaledDir)) {
            List<String> indexes = secondaryIndexes(connection, tables);
            try (Statement statement = connection.createStatement()) {
                for (String index : indexes) {
                    statement.execute("drop index " + indexName(index));
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
                for (String index : indexes) {
                    statement.execute(index);
                }
            }
        }
    }

    /** The {@code create index} statements of the tables' indexes that back no constraint. */
    static List<String> secondaryIndexes(Connection connection, List<String> tables) throws SQLException {
        List<String> indexes = new ArrayList<>();
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                    ResultSet lines = statement.executeQuery("script nodata nopasswords nosettings table " + table)) {
                while (lines.next()) {
                    String line = lines.getString(1).strip();
                    if (line.toUpperCase(Locale.ROOT).startsWith("CREATE INDEX ")) {
                        indexes.add(line.endsWith(";") ? line.substring(0, line.length() - 1) : line);
                    }
                }
            }
        }
        return indexes;
    }

    private static String indexName(String createIndex) {
        String afterKeyword = createIndex.substring("CREATE INDEX ".length()).strip();
        return afterKeyword.substring(0, afterKeyword.indexOf(" ON ")).strip();
    }

    /** Copying native enum values has gone wrong in H2 (a value read back as digits): the copy is refused then. */
    private static void requireEnumsIntact(Path dir, List<String> tables) throws SQLException {
        try (Connection connection = open(dir)) {
            for (String table : tables) {
                for (Map.Entry<String, String> column : columns(connection, table).entrySet()) {
                    if (column.getValue().equals("ENUM") && count(connection, "select count(*) from " + table
                            + " where regexp_like(cast(" + column.getKey() + " as varchar), '^[0-9]+$')") > 0) {
                        throw new IllegalStateException("copied enum values of " + table + "." + column.getKey()
                                + " read back as numbers");
                    }
                }
            }
        }
    }

    private static Connection open(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("complaints")
                + ";CACHE_SIZE=" + CACHE_KIB, "sa", "");
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
        Map<String, String> columns = columns(connection, table);
        String newId = String.format(Locale.ROOT, "'%03x' || substring(complaint_id, 4, 11) || '%s' || substring(complaint_id, 16)",
                generation, COPY_VERSION);
        List<String> selected = new ArrayList<>();
        columns.forEach((column, type) -> {
            if (column.equals("complaint_id")) {
                selected.add(newId);
            } else if (type.equals("ENUM")) {
                // by name: native enum values copied as they are have come back as digits
                selected.add("cast(" + column + " as varchar)");
            } else {
                selected.add(column);
            }
        });
        String sql = "insert into " + table + " (" + String.join(", ", columns.keySet()) + ") select " + String.join(", ", selected)
                + " from " + table + " where not " + IS_COPY + " and complaint_id <= ?";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, lastId);
            insert.executeUpdate();
        }
    }

    /** The table's columns in order, each with its data type. */
    private static Map<String, String> columns(Connection connection, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select column_name, data_type from"
                + " information_schema.columns where lower(table_name) = ? order by ordinal_position")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2).toUpperCase(Locale.ROOT));
                }
            }
        }
        if (!columns.containsKey("complaint_id")) {
            throw new IllegalStateException("table " + table + " has no complaint_id column: " + columns.keySet());
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
