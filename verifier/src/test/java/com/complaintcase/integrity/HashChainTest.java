package com.complaintcase.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    private static StoredEvent event(long sequence, String payload) {
        return new StoredEvent("e-" + sequence, "CMP-1", sequence, Instant.parse("2026-11-22T09:00:00Z").plusSeconds(sequence),
                "T", null, payload.getBytes(StandardCharsets.UTF_8), "u", "HANDLER", "c", "x");
    }

    /** Five events, hashed as the command side hashes them when they are appended. */
    private static List<ChainLink> chain(int length) {
        List<ChainLink> links = new ArrayList<>();
        String previous = CanonicalEventForm.GENESIS;
        for (int i = 0; i < length; i++) {
            StoredEvent event = event(i, "{\"n\":" + i + "}");
            String hash = HashChain.hashOf(previous, event);
            links.add(new ChainLink(event, hash, previous));
            previous = hash;
        }
        return links;
    }

    private static ChainLink withEvent(ChainLink link, StoredEvent event) {
        return new ChainLink(event, link.eventHash(), link.previousEventHash());
    }

    @Test
    void an_untouched_chain_is_valid_with_its_head() {
        List<ChainLink> links = chain(5);
        ChainVerdict verdict = HashChain.verify(links, Optional.empty());
        assertThat(verdict.isValid()).isTrue();
        assertThat(verdict.eventsChecked()).isEqualTo(5);
        assertThat(verdict.headSequence()).isEqualTo(4);
        assertThat(verdict.headHash()).isEqualTo(links.get(4).eventHash());
    }

    @Test
    void an_altered_payload_breaks_the_chain_at_that_event() {
        List<ChainLink> links = chain(5);
        links.set(2, withEvent(links.get(2), event(2, "{\"n\":99}")));
        ChainVerdict verdict = HashChain.verify(links, Optional.empty());
        assertThat(verdict.breakAt().kind()).isEqualTo(BreakKind.PAYLOAD_ALTERED);
        assertThat(verdict.breakAt().sequence()).isEqualTo(2);
        assertThat(verdict.eventsChecked()).isEqualTo(2);
    }

    @Test
    void a_removed_middle_event_is_a_missing_event() {
        List<ChainLink> links = chain(5);
        links.remove(2);
        ChainVerdict verdict = HashChain.verify(links, Optional.empty());
        assertThat(verdict.breakAt().kind()).isEqualTo(BreakKind.MISSING_EVENT);
        assertThat(verdict.breakAt().sequence()).isEqualTo(2);
    }

    @Test
    void two_events_that_swapped_positions_are_reordered() {
        List<ChainLink> links = chain(5);
        ChainLink second = links.get(2);
        ChainLink third = links.get(3);
        links.set(2, withEvent(third, third.event().atSequence(2)));
        links.set(3, withEvent(second, second.event().atSequence(3)));
        ChainVerdict verdict = HashChain.verify(links, Optional.empty());
        assertThat(verdict.breakAt().kind()).isEqualTo(BreakKind.REORDERED);
        assertThat(verdict.breakAt().sequence()).isEqualTo(2);
    }

    @Test
    void an_event_without_a_recorded_hash_is_unhashed() {
        List<ChainLink> links = chain(3);
        links.set(1, new ChainLink(links.get(1).event(), null, null));
        assertThat(HashChain.verify(links, Optional.empty()).breakAt().kind()).isEqualTo(BreakKind.UNHASHED);
    }

    @Test
    void an_event_rehashed_by_whoever_replaced_it_does_not_follow_its_predecessor() {
        List<ChainLink> links = chain(4);
        StoredEvent forged = event(2, "{\"n\":\"forged\"}");
        links.set(2, new ChainLink(forged, HashChain.hashOf("f".repeat(64), forged), "f".repeat(64)));
        assertThat(HashChain.verify(links, Optional.empty()).breakAt().kind()).isEqualTo(BreakKind.LINK_BROKEN);
    }

    @Test
    void a_case_ending_before_its_checkpointed_head_is_truncated() {
        List<ChainLink> links = chain(5);
        CaseHead checkpointed = new CaseHead("CMP-1", 4, links.get(4).eventHash());
        assertThat(HashChain.verify(links, Optional.of(checkpointed)).isValid()).isTrue();
        ChainVerdict verdict = HashChain.verify(links.subList(0, 3), Optional.of(checkpointed));
        assertThat(verdict.breakAt().kind()).isEqualTo(BreakKind.TRUNCATED);
        assertThat(verdict.breakAt().sequence()).isEqualTo(3);
    }

    @Test
    void a_head_that_is_not_the_checkpointed_one_is_a_checkpoint_mismatch() {
        List<ChainLink> links = chain(5);
        CaseHead checkpointed = new CaseHead("CMP-1", 3, "a".repeat(64));
        assertThat(HashChain.verify(links, Optional.of(checkpointed)).breakAt().kind())
                .isEqualTo(BreakKind.CHECKPOINT_MISMATCH);
    }
}
