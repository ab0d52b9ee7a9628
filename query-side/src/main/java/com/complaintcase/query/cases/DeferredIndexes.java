package com.complaintcase.query.cases;

import com.complaintcase.query.ProjectionRebuilt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cases projection's secondary indexes during a rebuild (PostgreSQL): dropped when the tables are emptied for it,
 * their definitions kept in {@code rebuild_deferred_index} in the same transaction, and made again, each once, when
 * the rebuild has caught up ({@link #restore}, called by the replay's progress) or at the next start (a stop during a
 * rebuild). Each row is then written without maintaining ten indexes, and each index is built once from the sorted
 * rows. Primary keys and unique constraints stay (the writes rely on them).
 */
@Component
public class DeferredIndexes {

    static final List<String> TABLES = List.of("case_summary", "case_deadline", "case_escalation");

    private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);
    private static final String SECONDARY = "select i.indexname, i.tablename, i.indexdef from pg_indexes i"
            + " where i.schemaname = current_schema() and i.tablename in ('case_summary', 'case_deadline', 'case_escalation')"
            + " and not exists (select 1 from pg_constraint c where c.conname = i.indexname)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public DeferredIndexes(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** In the transaction that empties the tables for a rebuild: keeps and drops their secondary indexes. */
    static void drop(Connection connection) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SECONDARY)) {
            while (rows.next()) {
                indexes.add(new String[]{rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        try (PreparedStatement keep = connection.prepareStatement("insert into rebuild_deferred_index"
                + " (index_name, table_name, definition) values (?, ?, ?) on conflict (index_name) do nothing");
             Statement drop = connection.createStatement()) {
            for (String[] index : indexes) {
                keep.setString(1, index[0]);
                keep.setString(2, index[1]);
                keep.setString(3, index[2]);
                keep.executeUpdate();
                drop.execute("drop index " + quoted(index[0]));
            }
        }
    }

    /**
     * Makes every kept index again, each in a transaction with the removal of its row (another node making the same
     * index at the same moment is harmless: {@code if not exists}); answers how many.
     */
    public int restore() {
        List<Map<String, Object>> kept = jdbc.queryForList(
                "select index_name, definition from rebuild_deferred_index order by index_name");
        for (Map<String, Object> index : kept) {
            long started = System.nanoTime();
            transactions.executeWithoutResult(status -> {
                jdbc.execute(((String) index.get("definition"))
                        .replaceFirst("^(?i)CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS "));
                jdbc.update("delete from rebuild_deferred_index where index_name = ?", index.get("index_name"));
            });
            log.info("Index {} made again after the rebuild in {} ms", index.get("index_name"),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return kept.size();
    }

    /**
     * The cases projection's rebuild has caught up: its tables are indexed again, on a thread of its own (whoever
     * noticed the end, a reader of the progress for one, does not wait for the indexes).
     */
    @EventListener
    public void on(ProjectionRebuilt rebuilt) {
        if (CaseProjection.PROCESSING_GROUP.equals(rebuilt.projection())) {
            Thread indexing = new Thread(this::restoreLeftOver, "rebuild-indexes");
            indexing.setDaemon(true);
            indexing.start();
        }
    }

    /**
     * A stop during a rebuild left indexes to make: made at the start, whether the rebuild goes on or not. A failure
     * is logged and leaves the rows for the next try (a rebuild's end or a start); it never stops the application.
     */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void restoreLeftOver() {
        try {
            if (isPostgres()) {
                restore();
            }
        } catch (RuntimeException failed) {
            log.warn("Could not make the case tables' indexes again after a rebuild; tried again at the next rebuild's"
                    + " end or start", failed);
        }
    }

    private boolean isPostgres() {
        return Boolean.TRUE.equals(jdbc.execute((Connection connection) ->
                "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
