package com.complaintcase.platform.messaging;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RandomIdentifiersTest {

    @Test
    void axon_takes_its_message_identifiers_from_the_per_thread_generators() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(RandomIdentifiers.class);
    }

    @Test
    void identifiers_are_random_version_4_uuids_and_never_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String identifier = IdentifierFactory.getInstance().generateIdentifier();
            UUID uuid = UUID.fromString(identifier);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(identifier);
            assertThat(seen.add(identifier)).isTrue();
        }
    }
}
