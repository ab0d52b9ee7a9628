package com.complaintcase.integrity;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The regulator export of one case: everything needed to check its history without the bank's systems. Written by
 * the query side, read by the offline verifier; both use these records, so the format has one definition.
 */
public record CaseBundle(Manifest manifest, JsonNode policy, List<BundledEvent> events,
                         List<BundledCheckpoint> checkpoints) {

    public static final String FORMAT_VERSION = "1";

    public CaseBundle {
        events = events == null ? List.of() : List.copyOf(events);
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** {@code generatedAt}: ISO-8601 instant. */
    public record Manifest(String formatVersion, String caseId, String generatedAt, String generatedBy,
                           long eventCount, long headSequence, String headHash, String hashAlgorithm,
                           String canonicalForm, String merkleTree) {
    }

    /**
     * One event: {@code payload} is the stored payload as JSON for reading, {@code payloadBase64} the exact stored
     * bytes that were hashed; {@code timestamp} as the canonical form writes it.
     */
    public record BundledEvent(long sequence, String eventId, String aggregateId, String timestamp,
                               String payloadType, String payloadRevision, Map<String, Object> metadata,
                               JsonNode payload, String payloadBase64, String eventHash, String previousEventHash) {

        public static BundledEvent of(ChainLink link, Map<String, Object> metadata, JsonNode payload) {
            StoredEvent event = link.event();
            return new BundledEvent(event.sequence(), event.eventId(), event.aggregateId(),
                    CanonicalEventForm.timestamp(event.timestamp()), event.payloadType(), event.payloadRevision(),
                    metadata, payload, Base64.getEncoder().encodeToString(event.payload()), link.eventHash(),
                    link.previousEventHash());
        }

        public ChainLink toLink() {
            Map<String, Object> meta = metadata == null ? Map.of() : metadata;
            return new ChainLink(new StoredEvent(eventId, aggregateId, sequence, Instant.parse(timestamp), payloadType,
                    payloadRevision, Base64.getDecoder().decode(payloadBase64), text(meta.get("userId")),
                    text(meta.get("role")), text(meta.get("correlationId")), text(meta.get("causationId"))),
                    eventHash, previousEventHash);
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    /**
     * A daily checkpoint covering the case: the day (in {@code zone}), the tree's root over all cases changed that
     * day, this case's head in it and the proof from that head to the root.
     */
    public record BundledCheckpoint(String day, String zone, String merkleRoot, int caseCount, String recordedAt,
                                    String checkpointEventId, String checkpointEventHash, CaseHead head,
                                    List<MerkleTree.ProofStep> proof) {
    }
}
