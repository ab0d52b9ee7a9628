package com.complaintcase.query.returns;

import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReopened;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.ComplaintTransferred;
import com.complaintcase.events.complaint.ComplaintWithdrawn;
import com.complaintcase.events.complaint.CustomerContacted;
import com.complaintcase.events.complaint.FindingsRecorded;
import com.complaintcase.events.complaint.ResolutionRejected;
import com.complaintcase.events.integrity.IntegrityCheckpointRecorded;
import com.complaintcase.events.integrity.PeriodCheckpointRecorded;
import com.complaintcase.values.Money;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.Validity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads the event store from its start up to an as-of position (never the read models), so that a return computed
 * for that position is the same whenever it is computed (domain/reporting.md section 6). Payloads are read as the
 * JSON the store holds (upcast where an upcaster applies), never deserialized: no personal field is decrypted, and
 * only the event types the returns use are parsed.
 */
@Component
class ReturnSource {

    private static final Map<String, String> USED = Map.of(
            ComplaintRegistered.class.getName(), "registered",
            ComplaintReviewed.class.getName(), "reviewed",
            ComplaintTransferred.class.getName(), "transferred",
            FindingsRecorded.class.getName(), "findings",
            CustomerContacted.class.getName(), "contacted",
            ResolutionRejected.class.getName(), "rejected",
            CompensationPaid.class.getName(), "paid",
            ComplaintClosed.class.getName(), "closed",
            ComplaintReopened.class.getName(), "reopened",
            ComplaintWithdrawn.class.getName(), "withdrawn");
    private static final Set<String> CHECKPOINTS = Set.of(PeriodCheckpointRecorded.class.getName(),
            IntegrityCheckpointRecorded.class.getName());

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final ObjectMapper json = new ObjectMapper();
    /** Set when the events are in this database's {@code domain_event_entry} (JPA store): read with one query. */
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    ReturnSource(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this(eventStore, eventSerializer, null, null);
    }

    @Autowired
    ReturnSource(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer,
                 ObjectProvider<EventStorageEngine> storageEngine, ObjectProvider<DataSource> dataSource,
                 ObjectProvider<PlatformTransactionManager> transactions) {
        this(eventStore, eventSerializer,
                storageEngine.getIfAvailable() instanceof JpaEventStorageEngine && dataSource.getIfAvailable() != null
                        ? new JdbcTemplate(dataSource.getObject()) : null,
                transactions.getIfAvailable() == null ? null : new TransactionTemplate(transactions.getObject()));
    }

    private ReturnSource(EventStore eventStore, Serializer eventSerializer, JdbcTemplate jdbc, TransactionTemplate readOnly) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc == null || readOnly == null ? null : jdbc;
        this.readOnly = readOnly;
        if (this.readOnly != null) {
            this.readOnly.setReadOnly(true);
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
        Map<String, CaseFacts> cases = new HashMap<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        Instant asOf = null;
        if (asOfPosition < 0) {
            return new Snapshot(asOfPosition, null, cases, checkpoints);
        }
        if (jdbc != null) {
            return readTable(asOfPosition);
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                long position = position(message.trackingToken());
                if (position > asOfPosition) {
                    break;
                }
                asOf = message.getTimestamp();
                if (message instanceof DomainEventMessage<?> domain) {
                    apply(domain, cases, checkpoints);
                }
                if (position == asOfPosition) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
        return new Snapshot(asOfPosition, asOf, cases, checkpoints);
    }

    /**
     * The JPA store's table read directly, in global order, only the rows of the types the returns use, streamed
     * (a read-only transaction, so that PostgreSQL hands the rows out in batches). The same facts as through the
     * upcaster chain: the only upcasters add {@code product}, whose absence reads the same (registration: unknown
     * product; review: no correction); tested end to end.
     */
    private Snapshot readTable(long asOfPosition) {
        Map<String, CaseFacts> cases = new HashMap<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        Instant[] asOf = new Instant[1];
        List<Object> arguments = new ArrayList<>();
        arguments.add(asOfPosition);
        arguments.addAll(USED.keySet());
        arguments.addAll(CHECKPOINTS);
        String types = String.join(",", java.util.Collections.nCopies(USED.size() + CHECKPOINTS.size(), "?"));
        readOnly.executeWithoutResult(status -> {
            Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry where global_index <= ?",
                    Long.class, asOfPosition);
            if (last != null) {
                asOf[0] = Instant.parse(jdbc.queryForObject(
                        "select time_stamp from domain_event_entry where global_index = ?", String.class, last));
            }
            jdbc.query("select aggregate_identifier, time_stamp, payload_type, payload from domain_event_entry "
                            + "where global_index <= ? and payload_type in (" + types + ") order by global_index",
                    (org.springframework.jdbc.core.RowCallbackHandler) row -> apply(row.getString(3),
                            row.getString(1), Instant.parse(row.getString(2)), row.getBytes(4), cases, checkpoints),
                    arguments.toArray());
        });
        return new Snapshot(asOfPosition, asOf[0], cases, checkpoints);
    }

    private static long position(TrackingToken token) {
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return token.position().orElseThrow(() -> new IllegalStateException("a token without a position: " + token));
    }

    private void apply(DomainEventMessage<?> message, Map<String, CaseFacts> cases, List<Checkpoint> checkpoints) {
        SerializedObject<byte[]> stored = message.serializePayload(eventSerializer, byte[].class);
        apply(stored.getType().getName(), message.getAggregateIdentifier(), message.getTimestamp(), stored.getData(),
                cases, checkpoints);
    }

    private void apply(String type, String aggregateId, Instant at, byte[] payload, Map<String, CaseFacts> cases,
                       List<Checkpoint> checkpoints) {
        String kind = USED.get(type);
        if (kind == null) {
            if (CHECKPOINTS.contains(type)) {
                checkpoints.add(checkpoint(tree(payload)));
            }
            return;
        }
        JsonNode event = tree(payload);
        CaseFacts facts = cases.computeIfAbsent(aggregateId, CaseFacts::new);
        switch (kind) {
            case "registered" -> {
                facts.receivedAt = instant(event.get("receivedAt"));
                facts.registeredAt = instant(event.get("registeredAt"));
                facts.channel = text(event.get("channel"));
                facts.branchCode = text(event.get("branchCode"));
                facts.category = text(event.get("category"));
                facts.subcategory = text(event.get("subcategory"));
                facts.rootIssue = text(event.get("rootIssue"));
                String product = text(event.get("product"));
                facts.product = product == null ? ComplaintRegistered.UNKNOWN_PRODUCT : product;
                JsonNode customer = event.get("customer");
                facts.customerId = customer == null ? null : text(customer.get("customerId"));
            }
            case "reviewed" -> {
                facts.notAComplaint = "NOT_A_COMPLAINT".equals(text(event.get("outcome")));
                String corrected = text(event.get("product"));
                if (corrected != null) {
                    facts.product = corrected;
                }
            }
            case "transferred" -> facts.transferredTo = text(event.get("toUnit"));
            case "findings" -> {
                String validity = text(event.get("validity"));
                String responsibility = text(event.get("responsibility"));
                facts.validity = validity == null ? null : Validity.valueOf(validity);
                facts.responsibility = responsibility == null ? null : Responsibility.valueOf(responsibility);
            }
            case "contacted" -> {
                if (facts.firstContactAt == null) {
                    facts.firstContactAt = instant(event.get("contactedAt"));
                }
            }
            case "rejected" -> facts.resolutionRejected = true;
            case "paid" -> {
                JsonNode amount = event.get("amount");
                facts.payments.add(new CaseFacts.Payment(
                        new Money(new BigDecimal(text(amount.get("amount"))), text(amount.get("currency"))),
                        instant(event.get("paidAt"))));
            }
            case "closed" -> facts.statusChanges.add(new CaseFacts.StatusChange(at, true, false));
            case "withdrawn" -> facts.statusChanges.add(new CaseFacts.StatusChange(at, true, true));
            case "reopened" -> {
                facts.reopened = true;
                facts.statusChanges.add(new CaseFacts.StatusChange(at, false, false));
            }
            default -> throw new IllegalStateException("unhandled " + kind);
        }
    }

    private static Checkpoint checkpoint(JsonNode event) {
        String checkpointId = text(event.get("checkpointId"));
        String merkleRoot = text(event.get("merkleRoot"));
        if (event.hasNonNull("periodStart")) {
            return new Checkpoint(checkpointId, instant(event.get("periodStart")), instant(event.get("periodEnd")),
                    merkleRoot);
        }
        LocalDate day = LocalDate.parse(text(event.get("day")));
        ZoneId zone = ZoneId.of(text(event.get("zone")));
        return new Checkpoint(checkpointId, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), merkleRoot);
    }

    private JsonNode tree(byte[] data) {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException("an event's stored payload is not JSON", e);
        }
    }

    private static Instant instant(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return Instant.parse(node.asText());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** What the store told up to {@code position}; {@code asOf}: the recording time of the last event read. */
    record Snapshot(long position, Instant asOf, Map<String, CaseFacts> cases, List<Checkpoint> checkpoints) {
    }

    /** An integrity checkpoint: its period [start, end) and Merkle root. */
    record Checkpoint(String checkpointId, Instant periodStart, Instant periodEnd, String merkleRoot) {
    }
}
