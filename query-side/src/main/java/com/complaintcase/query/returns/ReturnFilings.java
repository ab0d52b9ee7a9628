package com.complaintcase.query.returns;

import com.complaintcase.events.returns.ReturnFiled;
import com.complaintcase.integrity.CanonicalJson;
import com.complaintcase.platform.messaging.AuditMetadata;
import com.complaintcase.values.Actor;
import com.complaintcase.values.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Filing a return and checking it later (docs/adr/0013). A filing is the first and only event, {@link ReturnFiled}, of
 * an aggregate of its own ({@code ReturnFiling}, id the filing id), appended here to the event store the return was
 * read from, in a transaction committed before the answer: the query side computes the return, so it records the
 * filing without a command bus between the services. The filed JSON is never changed; {@link #check} computes the
 * return again from the same position (the same bytes when nothing else changed) and from the store's newest
 * position, and lists the figures that events recorded since have changed.
 */
@Component
class ReturnFilings {

    static final String REPRODUCED = "REPRODUCED";
    static final String RESTATED = "RESTATED";

    private static final Pattern FILING_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** Fields that identify an element of a list of figures, so that differences name rows, not positions. */
    private static final List<String> ROW_KEYS = List.of("grouping", "cause", "region", "channelCode", "businessCode",
            "causeCode", "complaintId");

    private final RegulatoryReturns returns;
    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final Clock clock;

    ReturnFilings(RegulatoryReturns returns, EventStore eventStore, TransactionManager transactions, Clock clock) {
        this.returns = returns;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Compliance files the return of {@code regime} for the period, computed to the store's newest position. */
    ReturnFiled file(String regime, LocalDate from, LocalDate to, String note, Actor actor) {
        if (actor == null || actor.role() != Role.COMPLIANCE) {
            throw new AccessDeniedException("only a compliance officer files a return");
        }
        Period period = returns.period(from, to);
        RegulatoryReturns.Computed computed = returns.compute(regime, period, returns.head());
        byte[] canonical = computed.canonical();
        List<ReturnFiled.CheckpointRoot> roots = new ArrayList<>();
        computed.snapshot().checkpoints().stream()
                .filter(checkpoint -> period.overlaps(checkpoint.periodStart(), checkpoint.periodEnd()))
                .sorted(Comparator.comparing(ReturnSource.Checkpoint::periodStart)
                        .thenComparing(ReturnSource.Checkpoint::checkpointId))
                .forEach(checkpoint -> roots.add(new ReturnFiled.CheckpointRoot(checkpoint.checkpointId(),
                        checkpoint.periodStart(), checkpoint.periodEnd(), checkpoint.merkleRoot())));
        ReturnDocument document = computed.document();
        ReturnFiled filed = new ReturnFiled(UUID.randomUUID().toString(), regime, from, to, document.zone(),
                document.asOfPosition(), document.asOf(), document.versions(), roots, CanonicalJson.sha256(canonical),
                new String(canonical, StandardCharsets.UTF_8), note, actor, clock.instant());
        append(filed, actor);
        return filed;
    }

    private void append(ReturnFiled filed, Actor actor) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(AuditMetadata.USER_ID, actor.userId());
        meta.put(AuditMetadata.ROLE, actor.role().name());
        meta.put(AuditMetadata.CORRELATION_ID, filed.filingId());
        meta.put(AuditMetadata.CAUSATION_ID, filed.filingId());
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactions);
            eventStore.publish(new GenericDomainEventMessage<>(ReturnFiled.AGGREGATE_TYPE, filed.filingId(), 0, filed,
                    MetaData.from(meta)));
            unitOfWork.commit();
        } catch (RuntimeException failed) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failed);
            }
            throw failed;
        }
    }

    /** The filing, as recorded. */
    ReturnFiled find(String filingId) {
        if (filingId == null || !FILING_ID.matcher(filingId).matches()) {
            throw ReturnRefused.unknownFiling(Objects.toString(filingId));
        }
        DomainEventStream events = eventStore.readEvents(filingId);
        if (events.hasNext()) {
            DomainEventMessage<?> first = events.next();
            if (first.getPayload() instanceof ReturnFiled filed) {
                return filed;
            }
        }
        throw ReturnRefused.unknownFiling(filingId);
    }

    /** The filed return computed again: from the same position, and from the store's newest one. */
    Check check(String filingId) {
        ReturnFiled filed = find(filingId);
        Period period = returns.period(filed.from(), filed.to());
        byte[] again = returns.compute(filed.regime(), period, filed.asOfPosition()).canonical();
        String againSha = CanonicalJson.sha256(again);
        long head = returns.head();
        RegulatoryReturns.Computed now = returns.compute(filed.regime(), period, head);
        List<Difference> differences = new ArrayList<>();
        diff("figures", tree(filed.result().getBytes(StandardCharsets.UTF_8)).get("figures"),
                tree(now.canonical()).get("figures"), differences);
        return new Check(filed.filingId(), filed.regime(), differences.isEmpty() ? REPRODUCED : RESTATED,
                filed.asOfPosition(), filed.resultSha256(), againSha, againSha.equals(filed.resultSha256()),
                head, now.document().asOf(), differences);
    }

    private static void diff(String path, JsonNode filed, JsonNode now, List<Difference> differences) {
        if (filed != null && now != null && filed.isObject() && now.isObject()) {
            java.util.SortedSet<String> names = new java.util.TreeSet<>();
            filed.fieldNames().forEachRemaining(names::add);
            now.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path + "." + name, filed.get(name), now.get(name), differences);
            }
            return;
        }
        if (filed != null && now != null && filed.isArray() && now.isArray() && keyed(filed) && keyed(now)) {
            Map<String, JsonNode> before = byKey(filed);
            Map<String, JsonNode> after = byKey(now);
            java.util.SortedSet<String> keys = new java.util.TreeSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (String key : keys) {
                diff(path + "[" + key + "]", before.get(key), after.get(key), differences);
            }
            return;
        }
        if (!Objects.equals(filed, now)) {
            differences.add(new Difference(path, filed, now));
        }
    }

    private static boolean keyed(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isObject() || key(element).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byKey(JsonNode array) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (JsonNode element : array) {
            rows.put(key(element), element);
        }
        return rows;
    }

    private static String key(JsonNode row) {
        StringBuilder key = new StringBuilder();
        for (String field : ROW_KEYS) {
            JsonNode value = row.get(field);
            if (value != null && value.isTextual()) {
                key.append(key.isEmpty() ? "" : "/").append(value.asText());
            }
        }
        return key.toString();
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireRegime(String regime) {
        if (!RegulatoryReturns.REGIMES.contains(regime)) {
            throw new ReturnRefused(HttpStatus.NOT_FOUND, "UNKNOWN_REGIME",
                    "no return regime '" + (regime.length() > 64 ? regime.substring(0, 64) : regime) + "'; known: "
                            + RegulatoryReturns.REGIMES);
        }
    }

    /**
     * The check of a filing: {@code status} REPRODUCED when the return computed at the newest position has the filed
     * figures, RESTATED with the {@code differences} when later events changed some; {@code reproducible}: the
     * return computed again from the filing's own position has the filed bytes ({@code recomputedSha256}).
     */
    record Check(String filingId, String regime, String status, long asOfPosition, String resultSha256,
                 String recomputedSha256, boolean reproducible, long checkedAtPosition, java.time.Instant checkedAsOf,
                 List<Difference> differences) {
    }

    /** A figure (its path in the return's {@code figures}) as filed and as now computed (null: no such figure). */
    record Difference(String figure, JsonNode filed, JsonNode now) {
    }

}
