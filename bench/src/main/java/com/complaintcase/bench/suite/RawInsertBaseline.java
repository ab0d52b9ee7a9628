package com.complaintcase.bench.suite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The storage limit: how fast plain batched JDBC inserts event rows into the same database. Works on the stopped
 * app's store, its PostgreSQL server started with the app's durability settings (every commit flushed to disk),
 * into Axon's own {@code domain_event_entry} table with its indexes and its global-index sequence, each row a copy
 * of a stored event's row (so the payload and metadata sizes are the real ones) under a new event id, a new
 * aggregate every 12 rows; after 2,000 rows not timed (warm-up). The rows inserted are deleted afterwards.
 */
final class RawInsertBaseline {

    private static final int BATCH = 500;
    private static final int EVENTS_PER_AGGREGATE = 12;
    private static final int WARM_UP_ROWS = 2_000;

    private RawInsertBaseline() {
    }

    static Map<String, Object> measure(Path dataDir, long rows) throws Exception {
        try (StoreServer server = StoreServer.start(dataDir); Connection connection = server.connect()) {
            long lastStored = lastGlobalIndex(connection);
            connection.setAutoCommit(false);
            List<String> columns = new ArrayList<>();
            List<Object[]> samples = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet stored = statement.executeQuery(
                         "select * from domain_event_entry order by global_index desc limit 2000")) {
                ResultSetMetaData meta = stored.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i).toLowerCase());
                }
                while (stored.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = stored.getObject(i + 1);
                    }
                    samples.add(row);
                }
            }
            long payloadBytes = samples.stream().mapToLong(row -> size(row[columns.indexOf("payload")])
                    + size(row[columns.indexOf("meta_data")])).sum() / Math.max(1, samples.size());
            List<String> inserted = columns.stream().filter(column -> !column.equals("global_index")).toList();
            String sql = "insert into domain_event_entry (global_index, " + String.join(", ", inserted)
                    + ") values (nextval('domain_event_entry_seq')" + ", ?".repeat(inserted.size()) + ")";
            insert(connection, sql, columns, inserted, samples, WARM_UP_ROWS);
            long started = System.nanoTime();
            insert(connection, sql, columns, inserted, samples, rows);
            double seconds = (System.nanoTime() - started) / 1e9;
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from domain_event_entry where global_index > ?")) {
                delete.setLong(1, lastStored);
                delete.executeUpdate();
                connection.commit();
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rows", rows);
            result.put("warmUpRows", WARM_UP_ROWS);
            result.put("seconds", Latencies.round(seconds));
            result.put("rowsPerSecond", Latencies.round(rows / seconds));
            result.put("batchSize", BATCH);
            result.put("averageRowBytes", payloadBytes);
            return result;
        }
    }

    private static long lastGlobalIndex(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void insert(Connection connection, String sql, List<String> columns, List<String> inserted,
                               List<Object[]> samples, long rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            String aggregate = null;
            for (long n = 0; n < rows; n++) {
                Object[] sample = samples.get((int) (n % samples.size()));
                if (n % EVENTS_PER_AGGREGATE == 0) {
                    aggregate = UUID.randomUUID().toString();
                }
                for (int i = 0; i < inserted.size(); i++) {
                    String column = inserted.get(i);
                    Object value = switch (column) {
                        case "event_identifier" -> UUID.randomUUID().toString();
                        case "aggregate_identifier" -> aggregate;
                        case "sequence_number" -> n % EVENTS_PER_AGGREGATE;
                        default -> sample[columns.indexOf(column)];
                    };
                    insert.setObject(i + 1, value);
                }
                insert.addBatch();
                if ((n + 1) % BATCH == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static long size(Object value) {
        return value instanceof byte[] bytes ? bytes.length : 0;
    }
}
