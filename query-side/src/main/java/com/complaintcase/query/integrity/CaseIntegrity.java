package com.complaintcase.query.integrity;

import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.integrity.IntegrityEvent;
import com.complaintcase.integrity.BreakKind;
import com.complaintcase.integrity.CanonicalEventForm;
import com.complaintcase.integrity.CaseBundle;
import com.complaintcase.integrity.CaseHead;
import com.complaintcase.integrity.ChainLink;
import com.complaintcase.integrity.ChainVerdict;
import com.complaintcase.integrity.HashChain;
import com.complaintcase.integrity.MerkleTree;
import com.complaintcase.platform.integrity.BrokenHistories;
import com.complaintcase.platform.integrity.ChainedEvents;
import com.complaintcase.platform.privacy.PersonalDataCipher;
import com.complaintcase.values.Actor;
import com.complaintcase.values.Role;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks and exports a case's history straight from the event store (from sequence 0, snapshots skipped), with the
 * stored payload bytes its hashes were taken of, against the checkpoints covering it (docs/adr/0010).
 */
@Component
public class CaseIntegrity {

    static final String CASE_REGISTERED_TYPE = ComplaintRegistered.class.getName();
    private static final int EXPORT_PAGE = 100;

    /** Jackson 2 like the event serializer: the exported payloads are its JSON. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final Clock clock;
    private final PersonalDataCipher personalData;
    private final BrokenHistories brokenHistories;

    @PersistenceContext
    private EntityManager entityManager;

    public CaseIntegrity(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer, Clock clock,
                         PersonalDataCipher personalData, BrokenHistories brokenHistories) {
        this.eventStore = eventStore;
        this.brokenHistories = brokenHistories;
        this.eventSerializer = eventSerializer;
        this.clock = clock;
        this.personalData = personalData;
    }

    /** Export one case, for {@code exporter}: compliance or the regulator, whoever sends the query. */
    public record Export(String caseId, Actor exporter) {
    }

    private record ReadEvent(ChainLink link, Map<String, Object> metadata) {
    }

    /** A checkpoint as read back, with whether it is itself intact: its own hash, and its root over its cases. */
    private record StoredCheckpoint(IntegrityEvent event, ChainLink link, boolean intact) {

        Optional<CaseHead> headOf(String caseId) {
            return leaves().stream().filter(head -> head.caseId().equals(caseId)).findFirst();
        }

        List<CaseHead> leaves() {
            return leavesOf(event);
        }
    }

    private static List<CaseHead> leavesOf(IntegrityEvent checkpoint) {
        return checkpoint.cases().stream()
                .map(head -> new CaseHead(head.caseId(), head.headSequence(), head.headHash()))
                .toList();
    }

    @QueryHandler
    public Optional<CaseVerification> verify(CaseVerification.Check check) {
        String caseId = check.caseId();
        Optional<CaseHead> anchor = anchoredHead(caseId);
        List<ChainLink> links = read(caseId).stream().map(ReadEvent::link).toList();
        List<StoredCheckpoint> checkpoints = checkpoints(caseId);
        if (links.isEmpty() && checkpoints.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredCheckpoint> latest = checkpoints.isEmpty()
                ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
        Optional<CaseHead> head = latest.flatMap(checkpoint -> checkpoint.headOf(caseId));
        ChainVerdict verdict;
        if (latest.isPresent() && !latest.get().intact()) {
            verdict = HashChain.verify(links, Optional.empty());
            if (verdict.isValid()) {
                verdict = verdict.brokenAt(head.map(CaseHead::headSequence).orElse(0L), BreakKind.CHECKPOINT_INVALID,
                        "the checkpoint " + latest.get().event().checkpointId() + " does not hash to what was recorded");
            }
        } else {
            verdict = HashChain.verify(links, head);
        }
        if (anchor.isPresent()) {
            verdict = HashChain.againstAnchor(verdict, links, anchor.get());
        }
        listIfBroken(caseId, verdict);
        CaseVerification.Checkpoint compared = latest.flatMap(checkpoint -> checkpoint.headOf(caseId)
                .map(h -> new CaseVerification.Checkpoint(checkpoint.event().day(), checkpoint.event().periodStart(),
                        checkpoint.event().periodEnd(), h.headSequence(), h.headHash(), checkpoint.event().merkleRoot())))
                .orElse(null);
        return Optional.of(CaseVerification.of(caseId, verdict, compared, clock.instant()));
    }

    /**
     * A break found here is listed like one found by a command, so that the case accepts no further command; a case
     * whose events were recorded before chaining ({@code UNHASHED}) is not broken by anyone and stays usable.
     */
    private void listIfBroken(String caseId, ChainVerdict verdict) {
        if (!verdict.isValid() && verdict.breakAt().kind() != BreakKind.UNHASHED) {
            brokenHistories.detected(caseId, verdict.breakAt().sequence(), verdict.breakAt().kind().name(),
                    "verification");
        }
    }

    /**
     * The head anchored when the case last changed (command side, table {@code case_head}). Read before the events,
     * so that a command committed in between adds events after it rather than making the store look shortened.
     */
    private Optional<CaseHead> anchoredHead(String caseId) {
        List<?> rows = entityManager.createNativeQuery(
                        "select head_sequence, head_hash from case_head where complaint_id = :caseId")
                .setParameter("caseId", caseId)
                .getResultList();
        return rows.stream().findFirst().map(row -> (Object[]) row)
                .map(row -> new CaseHead(caseId, ((Number) row[0]).longValue(), (String) row[1]));
    }

    @QueryHandler
    public Optional<CaseBundle> export(Export export) {
        requireExporter(export.exporter());
        List<ReadEvent> events = read(export.caseId());
        if (events.isEmpty()) {
            return Optional.empty();
        }
        List<CaseBundle.BundledEvent> bundled = new ArrayList<>(events.size());
        JsonNode policy = null;
        for (ReadEvent event : events) {
            JsonNode payload = json(event.link().event().payload());
            if (policy == null && payload != null && CASE_REGISTERED_TYPE.equals(event.link().event().payloadType())) {
                policy = payload.get("policy");
            }
            bundled.add(CaseBundle.BundledEvent.of(event.link(), event.metadata(),
                    payload == null ? null : personalData.readable(payload.deepCopy())));
        }
        ChainLink last = events.get(events.size() - 1).link();
        CaseBundle.Manifest manifest = new CaseBundle.Manifest(CaseBundle.FORMAT_VERSION, export.caseId(),
                clock.instant().toString(), export.exporter().userId(), events.size(), last.event().sequence(),
                last.eventHash(), CanonicalEventForm.HASH_ALGORITHM,
                CanonicalEventForm.VERSION + ": " + CanonicalEventForm.DESCRIPTION, MerkleTree.DESCRIPTION);
        List<CaseBundle.BundledCheckpoint> checkpoints = checkpoints(export.caseId()).stream()
                .flatMap(checkpoint -> bundled(checkpoint, export.caseId()).stream())
                .toList();
        return Optional.of(new CaseBundle(manifest, policy, bundled, checkpoints));
    }

    /**
     * Writes the export of every case registered from {@code from} to {@code to} (UTC days, both included), one JSON
     * bundle a line, reading a page of case ids and one case at a time.
     */
    public void exportRegistered(LocalDate from, LocalDate to, Actor exporter, OutputStream out) throws IOException {
        requireExporter(exporter);
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String after = "";
        while (true) {
            List<String> ids = entityManager.createQuery("select c.complaintId from CaseSummary c"
                            + " where c.registeredAt >= :start and c.registeredAt < :end and c.complaintId > :after"
                            + " order by c.complaintId", String.class)
                    .setParameter("start", start)
                    .setParameter("end", end)
                    .setParameter("after", after)
                    .setMaxResults(EXPORT_PAGE)
                    .getResultList();
            for (String id : ids) {
                Optional<CaseBundle> bundle = export(new Export(id, exporter));
                if (bundle.isPresent()) {
                    JSON.writeValue(out, bundle.get());
                    out.write('\n');
                    out.flush();
                }
            }
            if (ids.size() < EXPORT_PAGE) {
                return;
            }
            after = ids.get(ids.size() - 1);
            entityManager.clear();
        }
    }

    private Optional<CaseBundle.BundledCheckpoint> bundled(StoredCheckpoint checkpoint, String caseId) {
        List<CaseHead> leaves = checkpoint.leaves();
        for (int i = 0; i < leaves.size(); i++) {
            if (leaves.get(i).caseId().equals(caseId)) {
                IntegrityEvent event = checkpoint.event();
                return Optional.of(new CaseBundle.BundledCheckpoint(event.day().toString(), event.zone(),
                        event.merkleRoot(), leaves.size(), event.recordedAt().toString(),
                        checkpoint.link().event().eventId(), checkpoint.link().eventHash(), leaves.get(i),
                        MerkleTree.proof(leaves, i)));
            }
        }
        return Optional.empty();
    }

    private List<ReadEvent> read(String aggregateId) {
        List<ReadEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            events.add(new ReadEvent(ChainedEvents.readBack(message, eventSerializer), ChainedEvents.recordedMetadata(message)));
        }
        return events;
    }

    /** The checkpoints covering the case, oldest first. */
    private List<StoredCheckpoint> checkpoints(String caseId) {
        List<String> ids = entityManager.createQuery("select e.checkpointId from CheckpointIndexEntry e"
                        + " where e.caseId = :caseId order by e.day, e.periodStart nulls first", String.class)
                .setParameter("caseId", caseId)
                .getResultList();
        List<StoredCheckpoint> checkpoints = new ArrayList<>(ids.size());
        for (String id : ids) {
            DomainEventStream stream = eventStore.readEvents(id, 0);
            if (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                ChainLink link = ChainedEvents.readBack(message, eventSerializer);
                IntegrityEvent event = (IntegrityEvent) message.getPayload();
                boolean intact = HashChain.verify(List.of(link), Optional.empty()).isValid()
                        && MerkleTree.root(leavesOf(event)).equals(event.merkleRoot());
                checkpoints.add(new StoredCheckpoint(event, link, intact));
            }
        }
        return checkpoints;
    }

    private static JsonNode json(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Refused here, not only at the HTTP edge: an export carries every event with the customer's personal data. */
    private static void requireExporter(Actor exporter) {
        if (exporter == null || (exporter.role() != Role.COMPLIANCE && exporter.role() != Role.REGULATOR)) {
            throw new AccessDeniedException((exporter == null ? "an anonymous requester" : "role " + exporter.role())
                    + " may not export a case: exports are for compliance officers and the regulator");
        }
    }
}
