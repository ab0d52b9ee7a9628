package com.complaintcase.query.scenario;

import com.complaintcase.query.cases.CaseProjection;
import com.complaintcase.query.metrics.MetricsProjection;
import com.complaintcase.query.statistics.StatisticsProjection;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Hands events to the real projection beans the way an Axon event processor does: each projection
 * (each processing group) through an {@link AnnotationEventHandlerAdapter}, so that Axon resolves the
 * handler and its parameters ({@code @SequenceNumber}, {@code @Timestamp}, {@code ReplayStatus},
 * {@code EventMessage}); each event in its own unit of work inside a Spring transaction. A replay
 * delivers the messages as tracked messages carrying a {@link ReplayToken}, as a reset processor does.
 */
public class Projections {

    /** The read model's tables, children first (so they can be emptied in this order). */
    static final List<String> TABLES = List.of(
            "case_deadline", "case_escalation", "case_summary",
            "metrics_satisfaction", "metrics_resolution", "metrics_case",
            "statistics_class_change", "statistics_escalation", "statistics_clock", "statistics_compensation",
            "statistics_feedback", "statistics_case", "statistics_tally");

    private final Map<String, EventMessageHandler> groups = new LinkedHashMap<>();
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final JdbcTemplate jdbc;

    @PersistenceContext
    private EntityManager entityManager;

    public Projections(CaseProjection cases, MetricsProjection metrics, StatisticsProjection statistics,
                       PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        groups.put(CaseProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(cases));
        groups.put(MetricsProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(metrics));
        groups.put(StatisticsProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(statistics));
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
    }

    /** Live delivery: every message to every projection, one transaction per message and projection. */
    public void deliver(List<? extends EventMessage<?>> messages) {
        groups.values().forEach(group -> messages.forEach(message -> transactions.executeWithoutResult(
                status -> handle(group, message))));
    }

    /** Live delivery of all messages to each projection in one transaction (one processor batch). */
    public void deliverInOneBatch(List<? extends EventMessage<?>> messages) {
        groups.values().forEach(group -> transactions.executeWithoutResult(
                status -> messages.forEach(message -> handle(group, message))));
    }

    /** Live delivery of all messages to one projection (processing group) in one transaction. */
    public void deliverInOneBatch(String processingGroup, List<? extends EventMessage<?>> messages) {
        EventMessageHandler group = groups.get(processingGroup);
        transactions.executeWithoutResult(status -> messages.forEach(message -> handle(group, message)));
    }

    /**
     * Delivery during a replay: the messages come back as tracked messages whose token is a
     * {@link ReplayToken} that has not yet reached the position of the reset, so handlers see
     * {@code ReplayStatus.REPLAY}.
     */
    public void replay(List<? extends DomainEventMessage<?>> messages) {
        List<EventMessage<?>> replayed = new ArrayList<>();
        GlobalSequenceTrackingToken tokenAtReset = new GlobalSequenceTrackingToken(messages.size() + 1000L);
        for (int position = 0; position < messages.size(); position++) {
            ReplayToken token = new ReplayToken(tokenAtReset, new GlobalSequenceTrackingToken(position));
            GenericTrackedDomainEventMessage<?> message = tracked(token, messages.get(position));
            if (!ReplayToken.isReplay(message)) {
                throw new IllegalStateException("the test harness failed to build a replayed message");
            }
            replayed.add(message);
        }
        deliver(replayed);
    }

    /**
     * A replay as a streaming processor delivers it: batches of up to {@code batchSize} messages, each batch in one
     * {@link BatchingUnitOfWork} inside one transaction. The messages from index {@code liveFrom} on lie past the
     * position of the reset: handlers see them as live ({@code ReplayStatus.REGULAR}), in the same batches.
     */
    public void replayInBatches(List<? extends DomainEventMessage<?>> messages, int batchSize, int liveFrom) {
        List<EventMessage<?>> tracked = new ArrayList<>();
        GlobalSequenceTrackingToken tokenAtReset = new GlobalSequenceTrackingToken(liveFrom - 1L);
        for (int position = 0; position < messages.size(); position++) {
            GlobalSequenceTrackingToken at = new GlobalSequenceTrackingToken(position);
            tracked.add(position < liveFrom ? tracked(new ReplayToken(tokenAtReset, at), messages.get(position))
                    : tracked(at, messages.get(position)));
        }
        groups.values().forEach(group -> {
            for (int from = 0; from < tracked.size(); from += batchSize) {
                List<EventMessage<?>> batch = tracked.subList(from, Math.min(tracked.size(), from + batchSize));
                transactions.executeWithoutResult(status -> handleBatch(group, batch));
            }
        });
    }

    /** What a processor reset does before a replay: each projection's {@code @ResetHandler}. */
    public void reset() {
        groups.values().forEach(group -> transactions.executeWithoutResult(status -> group.prepareReset()));
    }

    /** Empties the read model (test housekeeping, independent of the projections' own code). */
    public void wipe() {
        transactions.executeWithoutResult(status -> TABLES.forEach(table -> jdbc.update("delete from " + table)));
    }

    /**
     * Every row of every read-model table, each row rendered with all its columns, rows sorted: two
     * equal snapshots mean an identical read model.
     */
    public Map<String, List<String>> snapshot() {
        return readOnly.execute(status -> {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            for (String table : TABLES) {
                tables.put(table, jdbc.queryForList("select * from " + table).stream()
                        .map(row -> new TreeMap<>(row).toString())
                        .sorted()
                        .toList());
            }
            return tables;
        });
    }

    /** Reads in a read-only transaction of its own; what {@code read} returns is detached afterwards. */
    public <T> T read(Function<EntityManager, T> reading) {
        return readOnly.execute(status -> {
            T result = reading.apply(entityManager);
            entityManager.clear();
            return result;
        });
    }

    public long rows(String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static GenericTrackedDomainEventMessage<?> tracked(TrackingToken token, DomainEventMessage<?> message) {
        return new GenericTrackedDomainEventMessage(token, message);
    }

    private static void handleBatch(EventMessageHandler handler, List<EventMessage<?>> batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> message = unitOfWork.getMessage();
            return handler.canHandle(message) ? handler.handle(message) : null;
        });
        rethrow(result, batch.get(batch.size() - 1));
    }

    private static void handle(EventMessageHandler handler, EventMessage<?> message) {
        if (!handler.canHandle(message)) {
            return;
        }
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> handler.handle(message));
        rethrow(result, message);
    }

    private static void rethrow(ResultMessage<?> result, EventMessage<?> message) {
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the projection failed on " + message.getPayloadType().getSimpleName(),
                    failure);
        }
    }
}
