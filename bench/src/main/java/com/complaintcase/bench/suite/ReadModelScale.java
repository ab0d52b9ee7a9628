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
 * have the projected cases' mix of states, branches, due times and overdue share. The ids of copies start with
 * {@code x} (never a UUID's first character): they have no events, so the case view answers them from the read
 * model while the history is asked only of cases that have events.
 */
public final class ReadModelScale {

    static final String COPY_PREFIX = "x";
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
            for (long cases = original; cases < targetCases; cases += Math.min(original, targetCases - cases)) {
                lastIds.add(lastIdOf(connection, Math.min(original, targetCases - cases)));
            }
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

    /** The cases in the read model of a stopped app's data directory. */
    static long cases(Path dir) throws SQLException {
        try (Connection connection = open(dir)) {
            return count(connection, "select count(*) from case_summary");
        }
    }

    private static void copyAll(Path scaledDir, List<String> tables, List<String> lastIds) throws SQLException {
        try (Connection connection = open(scaledDir)) {
            connection.setAutoCommit(false);
            for (int generation = 1; generation <= lastIds.size(); generation++) {
                for (String table : tables) {
                    copy(connection, table, generation, lastIds.get(generation - 1));
                    connection.commit();
                }
            }
        }
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
                + " where complaint_id not like '" + COPY_PREFIX + "%' order by complaint_id offset ? rows fetch next 1 row only")) {
            select.setLong(1, take - 1);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void copy(Connection connection, String table, int generation, String lastId) throws SQLException {
        Map<String, String> columns = columns(connection, table);
        String newId = String.format(Locale.ROOT, "'%s%03d' || substring(complaint_id, 5)", COPY_PREFIX, generation);
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
                + " from " + table + " where complaint_id not like '" + COPY_PREFIX + "%' and complaint_id <= ?";
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
