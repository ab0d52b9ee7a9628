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
import org.springframework.beans.factory.annotation.Qualifier;
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

    ReturnSource(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
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

    private static long position(TrackingToken token) {
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return token.position().orElseThrow(() -> new IllegalStateException("a token without a position: " + token));
    }

    private void apply(DomainEventMessage<?> message, Map<String, CaseFacts> cases, List<Checkpoint> checkpoints) {
        SerializedObject<byte[]> stored = message.serializePayload(eventSerializer, byte[].class);
        String type = stored.getType().getName();
        String kind = USED.get(type);
        if (kind == null) {
            if (CHECKPOINTS.contains(type)) {
                checkpoints.add(checkpoint(tree(stored.getData())));
            }
            return;
        }
        JsonNode event = tree(stored.getData());
        CaseFacts facts = cases.computeIfAbsent(message.getAggregateIdentifier(), CaseFacts::new);
        Instant at = message.getTimestamp();
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
