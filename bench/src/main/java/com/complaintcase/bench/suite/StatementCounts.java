package com.complaintcase.bench.suite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a measured phase asked of the database: statements (PostgreSQL's {@code pg_stat_statements}, loaded into the
 * server of the suite's data directory before the app's first start) and commits ({@code pg_stat_database}) of one
 * database, between two snapshots. Transaction control ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}) is counted
 * as commits, not as statements; the suite's own reads of the statistics are not counted.
 */
final class StatementCounts {

    private static final String OWN_OR_CONTROL = "query !~* '^\\s*(begin|commit|rollback|set |show |select 1$)' "
            + "and query !~* 'pg_stat_statements|pg_stat_database|pg_database|pg_extension'";

    /** Counters of one database at one moment: statements per normalised query, commits. */
    record Snapshot(Map<String, Long> callsByQuery, long commits) {

        long statements() {
            return callsByQuery.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private StatementCounts() {
    }

    /**
     * Makes the store of a fresh data directory (as the app would at its first start) with {@code pg_stat_statements}
     * among its preloaded libraries; the app starts on it as on any store of its own.
     */
    static void enable(Path dataDir) throws Exception {
        try (StoreServer server = StoreServer.start(dataDir); Connection connection = server.connect();
             Statement sql = connection.createStatement()) {
            sql.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
            sql.execute("alter system set pg_stat_statements.max = 10000");
        }
    }

    static Snapshot take(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, StoreServer.USER, "");
             Statement sql = connection.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
            Map<String, Long> calls = new HashMap<>();
            try (ResultSet rows = sql.executeQuery("select query, calls from pg_stat_statements "
                    + "where dbid = (select oid from pg_database where datname = current_database()) and " + OWN_OR_CONTROL)) {
                while (rows.next()) {
                    calls.merge(rows.getString(1), rows.getLong(2), Long::sum);
                }
            }
            long commits;
            try (ResultSet row = sql.executeQuery(
                    "select xact_commit from pg_stat_database where datname = current_database()")) {
                row.next();
                commits = row.getLong(1);
            }
            return new Snapshot(calls, commits);
        } catch (SQLException unavailable) {
            throw new IllegalStateException("could not read the statement counts of " + jdbcUrl, unavailable);
        }
    }

    /**
     * Per registration between two snapshots: statements, commits, and the statements that ran most often (each
     * query's calls per registration, its text shortened), for the report.
     */
    static Map<String, Object> perRegistration(Snapshot before, Snapshot after, long registrations) {
        Map<String, Object> counts = new LinkedHashMap<>();
        double n = Math.max(1, registrations);
        counts.put("registrations", registrations);
        counts.put("statementsPerRegistration", Latencies.round((after.statements() - before.statements()) / n));
        // the statistics read of the second snapshot is a transaction of its own
        counts.put("commitsPerRegistration", Latencies.round((after.commits() - before.commits() - 1) / n));
        List<Map<String, Object>> top = new ArrayList<>();
        after.callsByQuery().entrySet().stream()
                .map(query -> Map.entry(query.getKey(), query.getValue() - before.callsByQuery().getOrDefault(query.getKey(), 0L)))
                .filter(query -> query.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(30)
                .forEach(query -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("perRegistration", Latencies.round(query.getValue() / n));
                    String text = query.getKey().replaceAll("\\s+", " ");
                    row.put("statement", text.length() > 160 ? text.substring(0, 160) + "..." : text);
                    top.add(row);
                });
        counts.put("statements", top);
        counts.put("what", "pg_stat_statements (calls, without BEGIN/COMMIT) and pg_stat_database (xact_commit) of the "
                + "app's database, from the end of the warm-up until the projections caught up after the level");
        return counts;
    }
}
