package com.complaintcase.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalEventFormTest {

    static StoredEvent contact(long sequence, String payload) {
        return new StoredEvent("e-1", "CMP-1", sequence, Instant.parse("2026-11-22T09:15:00.120987654Z"),
                "com.complaintcase.events.complaint.CustomerContacted", null,
                payload.getBytes(StandardCharsets.UTF_8), "handler1", "HANDLER", "corr-1", "cause-1");
    }

    /** The vector was computed by an independent implementation of ADR 0010 (a few lines of Python). */
    @Test
    void the_hash_of_a_known_event_matches_an_independent_implementation_of_the_form() {
        assertThat(CanonicalEventForm.hash(CanonicalEventForm.GENESIS, contact(3, "{\"a\":1}")))
                .isEqualTo("06b8852b849a36d68f68eba5d95b2a79413819da813c0579b380dcb941e4931d");
    }

    @Test
    void the_timestamp_is_truncated_to_milliseconds_with_three_fraction_digits_always() {
        assertThat(CanonicalEventForm.timestamp(Instant.parse("2026-11-22T09:15:00.120987654Z")))
                .isEqualTo("2026-11-22T09:15:00.120Z");
        assertThat(CanonicalEventForm.timestamp(Instant.parse("2026-11-22T09:15:00Z")))
                .isEqualTo("2026-11-22T09:15:00.000Z");
    }

    @Test
    void a_timestamp_stored_with_milliseconds_only_hashes_the_same_as_the_precise_one() {
        StoredEvent precise = contact(3, "{\"a\":1}");
        StoredEvent millis = new StoredEvent("e-1", "CMP-1", 3, Instant.parse("2026-11-22T09:15:00.120Z"),
                precise.payloadType(), "", precise.payload(), "handler1", "HANDLER", "corr-1", "cause-1");
        assertThat(CanonicalEventForm.hash("x", millis)).isEqualTo(CanonicalEventForm.hash("x", precise));
    }

    @Test
    void every_field_changes_the_hash() {
        String base = CanonicalEventForm.hash("p", contact(3, "{\"a\":1}"));
        assertThat(CanonicalEventForm.hash("q", contact(3, "{\"a\":1}"))).isNotEqualTo(base);
        assertThat(CanonicalEventForm.hash("p", contact(4, "{\"a\":1}"))).isNotEqualTo(base);
        assertThat(CanonicalEventForm.hash("p", contact(3, "{\"a\":2}"))).isNotEqualTo(base);
        StoredEvent e = contact(3, "{\"a\":1}");
        StoredEvent otherUser = new StoredEvent(e.eventId(), e.aggregateId(), 3, e.timestamp(), e.payloadType(),
                null, e.payload(), "handler2", "HANDLER", "corr-1", "cause-1");
        assertThat(CanonicalEventForm.hash("p", otherUser)).isNotEqualTo(base);
    }

    @Test
    void fields_are_length_prefixed_so_moving_a_boundary_changes_the_hash() {
        StoredEvent a = new StoredEvent("e-1", "CMP-1", 0, Instant.EPOCH, "T", null, new byte[0], "ab", "c", null, null);
        StoredEvent b = new StoredEvent("e-1", "CMP-1", 0, Instant.EPOCH, "T", null, new byte[0], "a", "bc", null, null);
        assertThat(CanonicalEventForm.hash("", a)).isNotEqualTo(CanonicalEventForm.hash("", b));
    }
}
