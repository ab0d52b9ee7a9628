package com.complaintcase.verifier;

import com.complaintcase.integrity.BreakKind;
import com.complaintcase.integrity.CaseBundle;
import com.complaintcase.integrity.CaseHead;
import com.complaintcase.integrity.ChainLink;
import com.complaintcase.integrity.ChainVerdict;
import com.complaintcase.integrity.HashChain;
import com.complaintcase.integrity.MerkleTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Checks one regulator export: its checkpoints' proofs, its events' chain, and that its manifest tells the truth. */
public final class BundleCheck {

    /** How a personal-data value stored encrypted begins (ADR 0008). */
    static final String ENCRYPTED = "pd1:";

    private final ObjectMapper json;

    public BundleCheck(ObjectMapper json) {
        this.json = json;
    }

    public record Result(String caseId, ChainVerdict verdict, int checkpointsChecked) {
    }

    public Result check(CaseBundle bundle) {
        String caseId = bundle.manifest().caseId();
        List<ChainLink> links = new ArrayList<>(bundle.events().size());
        for (CaseBundle.BundledEvent event : bundle.events()) {
            ChainLink link = event.toLink();
            if (!readableMatchesHashed(event, link)) {
                ChainVerdict sofar = ChainVerdict.valid(links.size(), event.sequence() - 1, null);
                return new Result(caseId, sofar.brokenAt(event.sequence(), BreakKind.PAYLOAD_ALTERED,
                        "the readable payload differs from the stored bytes"), 0);
            }
            links.add(link);
        }
        for (CaseBundle.BundledCheckpoint checkpoint : bundle.checkpoints()) {
            Optional<String> invalid = invalid(checkpoint, caseId);
            if (invalid.isPresent()) {
                ChainVerdict verdict = ChainVerdict.valid(0, -1, null)
                        .brokenAt(checkpoint.head() == null ? 0 : checkpoint.head().headSequence(),
                                BreakKind.CHECKPOINT_INVALID, "checkpoint of " + checkpoint.day() + ": " + invalid.get());
                return new Result(caseId, verdict, 0);
            }
        }
        Optional<CaseHead> latest = bundle.checkpoints().stream()
                .max(Comparator.comparing(CaseBundle.BundledCheckpoint::day))
                .map(CaseBundle.BundledCheckpoint::head);
        ChainVerdict verdict = HashChain.verify(links, latest);
        if (verdict.isValid()) {
            verdict = againstManifest(verdict, bundle.manifest());
        }
        return new Result(caseId, verdict, bundle.checkpoints().size());
    }

    private boolean readableMatchesHashed(CaseBundle.BundledEvent event, ChainLink link) {
        if (event.payload() == null) {
            return true;
        }
        try {
            JsonNode stored = json.readTree(link.event().payload());
            return sameFacts(stored, event.payload());
        } catch (IOException storedIsNotJson) {
            return true;
        }
    }

    /**
     * The readable payload says what the stored bytes say, but for personal data: a value stored encrypted
     * ({@value #ENCRYPTED}...) is shown decrypted, or as erased once its key was destroyed; its ciphertext is what
     * the hash covers, and only the bank's key can tie the two together.
     */
    private static boolean sameFacts(JsonNode stored, JsonNode readable) {
        if (stored.isTextual() && stored.asText().startsWith(ENCRYPTED)) {
            return readable.isTextual();
        }
        if (stored.isObject() && readable.isObject()) {
            if (stored.size() != readable.size()) {
                return false;
            }
            for (var fields = stored.fields(); fields.hasNext(); ) {
                var field = fields.next();
                JsonNode other = readable.get(field.getKey());
                if (other == null || !sameFacts(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (stored.isArray() && readable.isArray()) {
            if (stored.size() != readable.size()) {
                return false;
            }
            for (int i = 0; i < stored.size(); i++) {
                if (!sameFacts(stored.get(i), readable.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return stored.equals(readable);
    }

    private static Optional<String> invalid(CaseBundle.BundledCheckpoint checkpoint, String caseId) {
        if (checkpoint.head() == null || checkpoint.proof() == null || checkpoint.merkleRoot() == null) {
            return Optional.of("incomplete");
        }
        if (!caseId.equals(checkpoint.head().caseId())) {
            return Optional.of("it is about case " + checkpoint.head().caseId());
        }
        if (!MerkleTree.proves(checkpoint.head(), checkpoint.proof(), checkpoint.merkleRoot())) {
            return Optional.of("the proof does not lead to root " + checkpoint.merkleRoot());
        }
        return Optional.empty();
    }

    private static ChainVerdict againstManifest(ChainVerdict verdict, CaseBundle.Manifest manifest) {
        if (manifest.eventCount() != verdict.eventsChecked()) {
            return verdict.brokenAt(verdict.headSequence() + 1, BreakKind.TRUNCATED,
                    "the manifest counts " + manifest.eventCount() + " events, the bundle holds " + verdict.eventsChecked());
        }
        if (manifest.headHash() != null && !manifest.headHash().equals(verdict.headHash())) {
            return verdict.brokenAt(verdict.headSequence(), BreakKind.CHECKPOINT_MISMATCH,
                    "the manifest's head hash is " + manifest.headHash());
        }
        return verdict;
    }
}
