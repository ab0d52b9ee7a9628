package com.complaintcase.query.history;

import com.complaintcase.values.Actor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a case's own event stream from the event store (not a copy), from its first event: snapshots
 * are skipped, so the trail is always complete.
 */
@Component
public class CaseHistoryQueryHandler {

    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };

    private final EventStore eventStore;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    public CaseHistoryQueryHandler(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Refused here, not only at the HTTP edge: a query sent over the bus meets the same rule. */
    @QueryHandler
    public Optional<CaseHistory> find(CaseHistory.Find query) {
        requireReaderOfPersonalData(query.viewer());
        List<CaseHistory.Entry> entries = new ArrayList<>();
        DomainEventStream events = eventStore.readEvents(query.complaintId(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            MetaData meta = message.getMetaData();
            entries.add(new CaseHistory.Entry(
                    message.getSequenceNumber(),
                    message.getPayloadType().getSimpleName(),
                    message.getTimestamp(),
                    new CaseHistory.Actor(text(meta.get("userId")), text(meta.get("role"))),
                    text(meta.get("correlationId")),
                    text(meta.get("causationId")),
                    message.getIdentifier(),
                    json.convertValue(message.getPayload(), AS_MAP)));
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(new CaseHistory(query.complaintId(), entries));
    }

    private static void requireReaderOfPersonalData(Actor viewer) {
        if (viewer == null || !viewer.role().readsPersonalData()) {
            throw new AccessDeniedException((viewer == null ? "an anonymous viewer" : "role " + viewer.role())
                    + " may not read a case's history: its events carry the customer's personal data");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
