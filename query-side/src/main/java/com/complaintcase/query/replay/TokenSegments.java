package com.complaintcase.query.replay;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Makes the projections' first tokens before any processor starts, one service at a time. Two query services started
 * at once on a new database would each find no tokens and insert them; the loser's insert fails in a transaction
 * already marked for rollback, and its processor does not start. Under a PostgreSQL advisory lock (held to the end
 * of the transaction) the second finds the first's tokens and leaves them. Other databases serve one service only,
 * and there it makes the tokens as the processor would (same count, from the tail of the event stream).
 */
@Component
class TokenSegments implements SmartInitializingSingleton {

    /** The advisory lock's key: any number that nothing else in this database locks. */
    static final long LOCK = 0x636f6d706c61696eL;
    private static final int POOLED_DEFAULT = 16;
    private static final int TRACKING_DEFAULT = 1;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final Binder settings;

    TokenSegments(EventProcessingConfiguration processing, EventStore eventStore, TransactionManager transactions,
                  JdbcTemplate jdbc, Environment environment) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.settings = Binder.get(environment);
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeInTransaction(() -> {
            if (onPostgres()) {
                jdbc.query("select pg_advisory_xact_lock(?)", rows -> { }, LOCK);
            }
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor) {
                    TokenStore tokens = processing.tokenStore(name);
                    int[] segments = tokens.fetchSegments(name);
                    if (segments == null || segments.length == 0) {
                        tokens.initializeTokenSegments(name, initialSegmentCount(name), eventStore.createTailToken());
                    }
                }
            });
        });
    }

    /** As Axon would: the configured count, else 16 for a pooled processor and 1 for a tracking one. */
    private int initialSegmentCount(String processor) {
        String prefix = "axon.eventhandling.processors." + processor;
        return settings.bind(prefix + ".initial-segment-count", Integer.class)
                .orElseGet(() -> "pooled".equalsIgnoreCase(settings.bind(prefix + ".mode", String.class).orElse(""))
                        ? POOLED_DEFAULT : TRACKING_DEFAULT);
    }

    private boolean onPostgres() {
        Boolean postgres = jdbc.execute((Connection connection) -> isPostgres(connection));
        return Boolean.TRUE.equals(postgres);
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
}
