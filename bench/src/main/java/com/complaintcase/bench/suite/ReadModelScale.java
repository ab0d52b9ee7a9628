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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        // one thread per table: the copy is bound by index maintenance, and each table has its own indexes
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> copies = new ArrayList<>();
            copies.add(threads.submit(() -> copyAll(scaledDir, List.of("case_summary"), lastIds)));
            copies.add(threads.submit(() -> copyAll(scaledDir, CHILD_TABLES, lastIds)));
            for (Future<?> copy : copies) {
                copy.get();
            }
        } finally {
            threads.shutdownNow();
        }
        try (Connection connection = open(scaledDir); Statement analyze = connection.createStatement()) {
            analyze.execute("set referential_integrity true");
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

    private static Void copyAll(Path scaledDir, List<String> tables, List<String> lastIds) throws SQLException {
        try (Connection connection = open(scaledDir)) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                // the copies' deadline rows may be written before their case row: the other thread writes those
                settings.execute("set referential_integrity false");
            }
            for (int generation = 1; generation <= lastIds.size(); generation++) {
                for (String table : tables) {
                    copy(connection, table, generation, lastIds.get(generation - 1));
                    connection.commit();
                }
            }
        }
        return null;
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
        List<String> columns = columns(connection, table);
        String newId = String.format(Locale.ROOT, "'%s%03d' || substring(complaint_id, 5)", COPY_PREFIX, generation);
        List<String> selected = new ArrayList<>();
        for (String column : columns) {
            selected.add(column.equals("complaint_id") ? newId : column);
        }
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", selected)
                + " from " + table + " where complaint_id not like '" + COPY_PREFIX + "%' and complaint_id <= ?";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, lastId);
            insert.executeUpdate();
        }
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select column_name from information_schema.columns"
                + " where lower(table_name) = ? order by ordinal_position")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
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
