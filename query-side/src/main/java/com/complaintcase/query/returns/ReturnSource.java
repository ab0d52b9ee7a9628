package com.complaintcase.query.returns;

import com.complaintcase.values.Money;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.Validity;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads what the events up to an as-of position tell the returns (never the read models of cases), so that a return
 * computed for that position is the same whenever it is computed (domain/reporting.md section 6). Payloads are read
 * as the JSON the store holds, never deserialized: no personal field is decrypted, and only the event types the
 * returns use are parsed ({@link ReturnFact}). The facts up to the position the {@code returns} projection has
 * completed come from its table ({@link ReturnFactProjection}, the same facts, already parsed); the rest from the
 * store.
 */
@Component
class ReturnSource {

    private static final Logger LOG = LoggerFactory.getLogger(ReturnSource.class);

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    /** Set when the events are in this database's {@code domain_event_entry} (JPA store): read with one query. */
    private final JdbcTemplate jdbc;
    /** Set when the query side keeps the facts' table and its token in its database. */
    private final JdbcTemplate factsDatabase;
    private final Serializer tokenSerializer;
    private final TransactionTemplate readOnly;

    ReturnSource(EventStore eventStore, Serializer eventSerializer) {
        this(eventStore, eventSerializer, (JdbcTemplate) null, null, null, null);
    }

    @Autowired
    ReturnSource(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer,
                 @Qualifier("serializer") Serializer tokenSerializer,
                 ObjectProvider<EventStorageEngine> storageEngine, ObjectProvider<DataSource> dataSource,
                 ObjectProvider<PlatformTransactionManager> transactions) {
        this(eventStore, eventSerializer,
                storageEngine.getIfAvailable() instanceof JpaEventStorageEngine && dataSource.getIfAvailable() != null
                        ? new JdbcTemplate(dataSource.getObject()) : null,
                dataSource.getIfAvailable() == null ? null : new JdbcTemplate(dataSource.getObject()),
                tokenSerializer,
                transactions.getIfAvailable() == null ? null : new TransactionTemplate(transactions.getObject()));
    }

    private ReturnSource(EventStore eventStore, Serializer eventSerializer, JdbcTemplate jdbc, JdbcTemplate factsDatabase,
                         Serializer tokenSerializer, TransactionTemplate readOnly) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
        this.readOnly = readOnly;
        this.jdbc = readOnly == null ? null : jdbc;
        this.factsDatabase = readOnly == null || tokenSerializer == null ? null : factsDatabase;
        this.tokenSerializer = tokenSerializer;
        if (this.readOnly != null) {
            this.readOnly.setReadOnly(true);
            // one snapshot for the facts' token, the facts and the events after them
            this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        }
        if (this.jdbc != null) {
            this.jdbc.setFetchSize(2000);
        }
    }

    /** The position of the newest event in the store, -1 when it holds none. */
    long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Every case's facts and every integrity checkpoint, from the events at positions up to {@code asOfPosition}. */
    Snapshot read(long asOfPosition) {
        return read(asOfPosition, Long.MAX_VALUE);
    }

    /**
     * As {@link #read(long)}, with the facts' table read at most up to {@code factsUpTo} and the events after it from
     * the store (-1: every event from the store), which the tests compare with.
     */
    Snapshot read(long asOfPosition, long factsUpTo) {
        Folded folded = new Folded();
        if (asOfPosition < 0) {
            return folded.snapshot(asOfPosition, null);
        }
        if (readOnly == null) {
            Instant asOf = readStream(-1, asOfPosition, folded);
            return folded.snapshot(asOfPosition, asOf);
        }
        return readOnly.execute(status -> {
            if (factsDatabase != null) {
                // before the snapshot is taken: a replay's truncation of the facts (not MVCC-safe) waits for this read
                factsDatabase.execute("lock table return_fact in access share mode");
            }
            long complete = Math.min(factsUpTo, Math.min(factsCompleteTo(), asOfPosition));
            if (complete >= 0) {
                factsDatabase.execute((ConnectionCallback<Void>) connection -> {
                    ReturnFactTable.readUpTo(connection, complete, folded::fold);
                    return null;
                });
            }
            Instant asOf;
            if (jdbc != null) {
                asOf = readTable(complete, asOfPosition, folded);
            } else {
                asOf = readStream(complete, asOfPosition, folded);
            }
            return folded.snapshot(asOfPosition, asOf);
        });
    }

    /**
     * The position up to which the {@code returns} projection has written every fact: the lowest of its segments'
     * tokens, below the first gap (an event not yet seen there); -1 when it has none or is replaying from the start.
     */
    long factsCompleteTo() {
        if (factsDatabase == null) {
            return -1;
        }
        try {
            List<TrackingToken> tokens = factsDatabase.query("select token, token_type from token_entry where processor_name = ?",
                    (row, index) -> token(row.getBytes(1), row.getString(2)), ReturnFactProjection.PROCESSING_GROUP);
            long complete = tokens.isEmpty() ? -1 : Long.MAX_VALUE;
            for (TrackingToken token : tokens) {
                complete = Math.min(complete, completeTo(token));
            }
            return complete;
        } catch (RuntimeException unreadable) {
            LOG.warn("The returns' facts are not used (their token cannot be read): {}", unreadable.toString());
            return -1;
        }
    }

    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return tokenSerializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
    }

    static long completeTo(TrackingToken token) {
        if (token instanceof ReplayToken replay) {
            return completeTo(replay.getCurrentToken());
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1;
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return -1;
    }

    /** Axon's stream from after {@code after} (from the start when -1) up to {@code asOfPosition}. */
    private Instant readStream(long after, long asOfPosition, Folded folded) {
        Instant asOf = null;
        TrackingToken from = after < 0 ? null : new GlobalSequenceTrackingToken(after);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
            while (stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                long position = position(message.trackingToken());
                if (position > asOfPosition) {
                    break;
                }
                asOf = message.getTimestamp();
                if (position > after && message instanceof DomainEventMessage<?> domain
                        && ReturnFact.used(domain.getPayloadType().getName())) {
                    SerializedObject<byte[]> stored = domain.serializePayload(eventSerializer, byte[].class);
                    folded.fold(ReturnFact.decode(position, stored.getType().getName(), domain.getAggregateIdentifier(),
                            domain.getTimestamp(), stored.getData()));
                }
                if (position == asOfPosition) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
        if (asOf == null && after >= 0) {
            throw new IllegalStateException("the event store holds no event up to position " + asOfPosition);
        }
        return asOf;
    }

    /**
     * The JPA store's table read directly, in global order, only the rows of the types the returns use after
     * {@code after}, streamed (a read-only transaction, so that PostgreSQL hands the rows out in batches). The same
     * facts as through the upcaster chain: the only upcasters add {@code product}, whose absence reads the same
     * (registration: unknown product; review: no correction); tested end to end.
     */
    private Instant readTable(long after, long asOfPosition, Folded folded) {
        Instant asOf = null;
        Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry where global_index <= ?",
                Long.class, asOfPosition);
        if (last != null) {
            asOf = Instant.parse(jdbc.queryForObject(
                    "select time_stamp from domain_event_entry where global_index = ?", String.class, last));
        }
        List<Object> arguments = new ArrayList<>();
        arguments.add(after);
        arguments.add(asOfPosition);
        arguments.addAll(ReturnFact.TYPES);
        String types = String.join(",", java.util.Collections.nCopies(ReturnFact.TYPES.size(), "?"));
        jdbc.query("select global_index, aggregate_identifier, time_stamp, payload_type, payload from domain_event_entry "
                        + "where global_index > ? and global_index <= ? and payload_type in (" + types + ") order by global_index",
                (org.springframework.jdbc.core.RowCallbackHandler) row -> folded.fold(ReturnFact.decode(row.getLong(1),
                        row.getString(4), row.getString(2), Instant.parse(row.getString(3)), row.getBytes(5))),
                arguments.toArray());
        return asOf;
    }

    static long position(TrackingToken token) {
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return token.position().orElseThrow(() -> new IllegalStateException("a token without a position: " + token));
    }

    /** The cases' facts and the checkpoints, as the facts read so far in event order tell them. */
    private static final class Folded {
        final Map<String, CaseFacts> cases = new HashMap<>();
        final List<Checkpoint> checkpoints = new ArrayList<>();

        void fold(ReturnFact fact) {
            if (fact.kind() == ReturnFact.Kind.CHECKPOINT) {
                checkpoints.add(new Checkpoint(fact.checkpointId(), fact.periodStart(), fact.periodEnd(), fact.merkleRoot()));
                return;
            }
            CaseFacts facts = cases.computeIfAbsent(fact.caseId(), CaseFacts::new);
            switch (fact.kind()) {
                case REGISTERED -> {
                    facts.receivedAt = fact.receivedAt();
                    facts.registeredAt = fact.registeredAt();
                    facts.channel = fact.channel();
                    facts.branchCode = fact.branchCode();
                    facts.category = fact.category();
                    facts.subcategory = fact.subcategory();
                    facts.rootIssue = fact.rootIssue();
                    facts.product = fact.product();
                    facts.customerId = fact.customerId();
                }
                case REVIEWED -> {
                    facts.notAComplaint = fact.notAComplaint();
                    if (fact.product() != null) {
                        facts.product = fact.product();
                    }
                }
                case TRANSFERRED -> facts.transferredTo = fact.transferredTo();
                case FINDINGS -> {
                    facts.validity = fact.validity() == null ? null : Validity.valueOf(fact.validity());
                    facts.responsibility = fact.responsibility() == null ? null : Responsibility.valueOf(fact.responsibility());
                }
                case CONTACTED -> {
                    if (facts.firstContactAt == null) {
                        facts.firstContactAt = fact.contactedAt();
                    }
                }
                case REJECTED -> facts.resolutionRejected = true;
                case PAID -> facts.payments.add(new CaseFacts.Payment(new Money(fact.paidAmount(), fact.paidCurrency()),
                        fact.paidAt()));
                case CLOSED -> facts.statusChanges.add(new CaseFacts.StatusChange(fact.at(), true, false));
                case WITHDRAWN -> facts.statusChanges.add(new CaseFacts.StatusChange(fact.at(), true, true));
                case REOPENED -> {
                    facts.reopened = true;
                    facts.statusChanges.add(new CaseFacts.StatusChange(fact.at(), false, false));
                }
                case CHECKPOINT -> throw new IllegalStateException("a checkpoint is not a case's fact");
            }
        }

        Snapshot snapshot(long position, Instant asOf) {
            return new Snapshot(position, asOf, cases, checkpoints);
        }
    }

    /** What the store told up to {@code position}; {@code asOf}: the recording time of the last event read. */
    record Snapshot(long position, Instant asOf, Map<String, CaseFacts> cases, List<Checkpoint> checkpoints) {
    }

    /** An integrity checkpoint: its period [start, end) and Merkle root. */
    record Checkpoint(String checkpointId, Instant periodStart, Instant periodEnd, String merkleRoot) {
    }
}
