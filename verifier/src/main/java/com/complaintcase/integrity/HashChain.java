package com.complaintcase.integrity;

import java.util.List;
import java.util.Optional;

/**
 * Checks one case's events, as read back from the store in sequence order, against the hashes recorded when they
 * were appended, and against the latest checkpoint covering the case. Both the query side and the offline verifier
 * use this, so a case is judged the same way online and offline.
 */
public final class HashChain {

    private HashChain() {
    }

    /** The hash to record for {@code event} appended after an event whose hash is {@code previousHash}. */
    public static String hashOf(String previousHash, StoredEvent event) {
        return CanonicalEventForm.hash(previousHash, event);
    }

    public static ChainVerdict verify(List<ChainLink> links, Optional<CaseHead> checkpoint) {
        return walk(links, 0, CanonicalEventForm.GENESIS, checkpoint);
    }

    /**
     * Checks a case's newest events only, e.g. those after a snapshot: each must hash to its recorded hash and follow
     * the one before it; the first one's predecessor is taken as it recorded it.
     */
    public static ChainVerdict verifyTail(List<ChainLink> tail) {
        if (tail.isEmpty()) {
            return ChainVerdict.valid(0, -1, null);
        }
        ChainLink first = tail.get(0);
        String previous = first.previousEventHash() == null ? "" : first.previousEventHash();
        return walk(tail, first.event().sequence(), previous, Optional.empty());
    }

    /**
     * Compares a verified chain with the head anchored when its case last changed: the store must still hold that
     * event ({@code TRUNCATED} when it ends before it, {@code HEAD_MISMATCH} when another event is at its sequence).
     * Events after the anchored sequence are accepted: they may have been appended after the anchor was read.
     */
    public static ChainVerdict againstAnchor(ChainVerdict verdict, List<ChainLink> links, CaseHead anchor) {
        if (!verdict.isValid()) {
            return verdict;
        }
        if (anchor.headSequence() > verdict.headSequence()) {
            return verdict.brokenAt(verdict.headSequence() + 1, BreakKind.TRUNCATED, "the case's head was anchored at "
                    + "sequence " + anchor.headSequence() + ", the store ends at " + verdict.headSequence());
        }
        String stored = links.stream().filter(link -> link.event().sequence() == anchor.headSequence())
                .map(ChainLink::eventHash).findFirst().orElse(null);
        if (stored != null && !anchor.headHash().equals(stored)) {
            return verdict.brokenAt(anchor.headSequence(), BreakKind.HEAD_MISMATCH,
                    "the case's head was anchored with hash " + anchor.headHash() + ", the store holds " + stored);
        }
        return verdict;
    }

    private static ChainVerdict walk(List<ChainLink> links, long first, String start, Optional<CaseHead> checkpoint) {
        String running = start;
        long expected = first;
        for (int i = 0; i < links.size(); i++) {
            ChainLink link = links.get(i);
            StoredEvent event = link.event();
            ChainVerdict sofar = checked(i, expected - 1, i == 0 ? null : running);
            if (link.eventHash() == null) {
                return sofar.brokenAt(event.sequence(), BreakKind.UNHASHED, "no eventHash in the event's metadata");
            }
            if (event.sequence() > expected) {
                return sofar.brokenAt(expected, BreakKind.MISSING_EVENT,
                        "sequence " + event.sequence() + " follows " + (expected - 1));
            }
            if (event.sequence() < expected) {
                return sofar.brokenAt(event.sequence(), BreakKind.REORDERED,
                        "sequence " + event.sequence() + " appears again after " + (expected - 1));
            }
            String previous = link.previousEventHash() == null ? "" : link.previousEventHash();
            if (!CanonicalEventForm.hash(previous, event).equals(link.eventHash())) {
                Optional<Long> recordedAt = recordedSequence(link, previous, links.size());
                if (recordedAt.isPresent()) {
                    return sofar.brokenAt(event.sequence(), BreakKind.REORDERED,
                            "event " + event.eventId() + " was recorded at sequence " + recordedAt.get());
                }
                return sofar.brokenAt(event.sequence(), BreakKind.PAYLOAD_ALTERED,
                        "event " + event.eventId() + " does not hash to its recorded hash");
            }
            if (!previous.equals(running)) {
                if (recordedLater(links, i, previous)) {
                    return sofar.brokenAt(event.sequence(), BreakKind.REORDERED,
                            "event " + event.eventId() + " was recorded after an event that now comes later");
                }
                return sofar.brokenAt(event.sequence(), BreakKind.LINK_BROKEN,
                        "event " + event.eventId() + " does not follow the event before it");
            }
            running = link.eventHash();
            expected++;
        }
        ChainVerdict verdict = checked(links.size(), expected - 1, links.isEmpty() ? null : running);
        return checkpoint.map(head -> againstCheckpoint(verdict, links, head)).orElse(verdict);
    }

    private static ChainVerdict checked(long count, long headSequence, String headHash) {
        return ChainVerdict.valid(count, headSequence, headHash);
    }

    private static ChainVerdict againstCheckpoint(ChainVerdict verdict, List<ChainLink> links, CaseHead head) {
        if (head.headSequence() > verdict.headSequence()) {
            return verdict.brokenAt(verdict.headSequence() + 1, BreakKind.TRUNCATED, "a checkpoint recorded the case up to "
                    + "sequence " + head.headSequence() + ", the store ends at " + verdict.headSequence());
        }
        String recorded = links.get((int) head.headSequence()).eventHash();
        if (!head.headHash().equals(recorded)) {
            return verdict.brokenAt(head.headSequence(), BreakKind.CHECKPOINT_MISMATCH,
                    "the checkpoint recorded hash " + head.headHash() + " for this sequence, the store holds " + recorded);
        }
        return verdict;
    }

    /** Whether the event hashes to its recorded hash at another position of the stream. */
    private static Optional<Long> recordedSequence(ChainLink link, String previous, int streamLength) {
        long upTo = Math.max(streamLength, link.event().sequence()) + 1;
        for (long other = 0; other <= upTo; other++) {
            if (other != link.event().sequence()
                    && CanonicalEventForm.hash(previous, link.event().atSequence(other)).equals(link.eventHash())) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    private static boolean recordedLater(List<ChainLink> links, int index, String previous) {
        for (int j = index + 1; j < links.size(); j++) {
            if (previous.equals(links.get(j).eventHash())) {
                return true;
            }
        }
        return false;
    }
}
