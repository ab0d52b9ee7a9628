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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * What one stored event tells the returns, read from its JSON as the store holds it (never deserialized: no personal
 * field is decrypted): the same record whether it comes straight from the event store or from the
 * {@code return_fact} table that {@link ReturnFactProjection} keeps. Only the fields its kind uses are set.
 */
record ReturnFact(long position, Kind kind, String caseId, Instant at,
                  Instant receivedAt, Instant registeredAt, String channel, String branchCode, String category,
                  String subcategory, String rootIssue, String product, String customerId, boolean notAComplaint,
                  String transferredTo, String validity, String responsibility, Instant contactedAt,
                  BigDecimal paidAmount, String paidCurrency, Instant paidAt,
                  String checkpointId, Instant periodStart, Instant periodEnd, String merkleRoot) {

    enum Kind { REGISTERED, REVIEWED, TRANSFERRED, FINDINGS, CONTACTED, REJECTED, PAID, CLOSED, WITHDRAWN, REOPENED, CHECKPOINT }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry(ComplaintRegistered.class.getName(), Kind.REGISTERED),
            Map.entry(ComplaintReviewed.class.getName(), Kind.REVIEWED),
            Map.entry(ComplaintTransferred.class.getName(), Kind.TRANSFERRED),
            Map.entry(FindingsRecorded.class.getName(), Kind.FINDINGS),
            Map.entry(CustomerContacted.class.getName(), Kind.CONTACTED),
            Map.entry(ResolutionRejected.class.getName(), Kind.REJECTED),
            Map.entry(CompensationPaid.class.getName(), Kind.PAID),
            Map.entry(ComplaintClosed.class.getName(), Kind.CLOSED),
            Map.entry(ComplaintWithdrawn.class.getName(), Kind.WITHDRAWN),
            Map.entry(ComplaintReopened.class.getName(), Kind.REOPENED),
            Map.entry(PeriodCheckpointRecorded.class.getName(), Kind.CHECKPOINT),
            Map.entry(IntegrityCheckpointRecorded.class.getName(), Kind.CHECKPOINT));

    /** The stored payload types the returns read. */
    static final Set<String> TYPES = KINDS.keySet();

    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean used(String payloadType) {
        return KINDS.containsKey(payloadType);
    }

    /** The fact of the event at {@code position}, or null when the returns do not use its type. */
    static ReturnFact decode(long position, String payloadType, String aggregateId, Instant at, byte[] payload) {
        Kind kind = KINDS.get(payloadType);
        if (kind == null) {
            return null;
        }
        JsonNode event = tree(payload);
        Builder fact = new Builder(position, kind, aggregateId, at);
        switch (kind) {
            case REGISTERED -> {
                fact.receivedAt = instant(event.get("receivedAt"));
                fact.registeredAt = instant(event.get("registeredAt"));
                fact.channel = text(event.get("channel"));
                fact.branchCode = text(event.get("branchCode"));
                fact.category = text(event.get("category"));
                fact.subcategory = text(event.get("subcategory"));
                fact.rootIssue = text(event.get("rootIssue"));
                String product = text(event.get("product"));
                fact.product = product == null ? ComplaintRegistered.UNKNOWN_PRODUCT : product;
                JsonNode customer = event.get("customer");
                fact.customerId = customer == null ? null : text(customer.get("customerId"));
            }
            case REVIEWED -> {
                fact.notAComplaint = "NOT_A_COMPLAINT".equals(text(event.get("outcome")));
                fact.product = text(event.get("product"));
            }
            case TRANSFERRED -> fact.transferredTo = text(event.get("toUnit"));
            case FINDINGS -> {
                fact.validity = text(event.get("validity"));
                fact.responsibility = text(event.get("responsibility"));
            }
            case CONTACTED -> fact.contactedAt = instant(event.get("contactedAt"));
            case PAID -> {
                JsonNode amount = event.get("amount");
                fact.paidAmount = new BigDecimal(text(amount.get("amount")));
                fact.paidCurrency = text(amount.get("currency"));
                fact.paidAt = instant(event.get("paidAt"));
            }
            case CHECKPOINT -> {
                fact.checkpointId = text(event.get("checkpointId"));
                fact.merkleRoot = text(event.get("merkleRoot"));
                if (event.hasNonNull("periodStart")) {
                    fact.periodStart = instant(event.get("periodStart"));
                    fact.periodEnd = instant(event.get("periodEnd"));
                } else {
                    LocalDate day = LocalDate.parse(text(event.get("day")));
                    ZoneId zone = ZoneId.of(text(event.get("zone")));
                    fact.periodStart = day.atStartOfDay(zone).toInstant();
                    fact.periodEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
                }
            }
            case REJECTED, CLOSED, WITHDRAWN, REOPENED -> {
                // the kind and the recording time are the fact
            }
        }
        return fact.build();
    }

    private static JsonNode tree(byte[] data) {
        try {
            return JSON.readTree(data);
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

    /** Collects the fields of one kind; the rest stay null. */
    static final class Builder {
        final long position;
        final Kind kind;
        final String caseId;
        final Instant at;
        Instant receivedAt;
        Instant registeredAt;
        String channel;
        String branchCode;
        String category;
        String subcategory;
        String rootIssue;
        String product;
        String customerId;
        boolean notAComplaint;
        String transferredTo;
        String validity;
        String responsibility;
        Instant contactedAt;
        BigDecimal paidAmount;
        String paidCurrency;
        Instant paidAt;
        String checkpointId;
        Instant periodStart;
        Instant periodEnd;
        String merkleRoot;

        Builder(long position, Kind kind, String caseId, Instant at) {
            this.position = position;
            this.kind = kind;
            this.caseId = caseId;
            this.at = at;
        }

        ReturnFact build() {
            return new ReturnFact(position, kind, caseId, at, receivedAt, registeredAt, channel, branchCode, category,
                    subcategory, rootIssue, product, customerId, notAComplaint, transferredTo, validity, responsibility,
                    contactedAt, paidAmount, paidCurrency, paidAt, checkpointId, periodStart, periodEnd, merkleRoot);
        }
    }
}
