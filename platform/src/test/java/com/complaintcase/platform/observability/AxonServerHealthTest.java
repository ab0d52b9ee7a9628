package com.complaintcase.platform.observability;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** Up only while connected; the connected case runs against a real Axon Server in the {@code axonserver} group. */
class AxonServerHealthTest {

    private final AxonServerConnectionManager connections = AxonServerConnectionManager.builder()
            .axonServerConfiguration(AxonServerConfiguration.builder().servers("localhost:1").build())
            .build();

    @AfterEach
    void disconnect() {
        connections.shutdown();
    }

    @Test
    void without_a_connection_to_axon_server_the_service_is_down_and_says_for_which_context() {
        Health health = new AxonServerHealth(connections).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("context", "default").containsEntry("connected", false);
    }
}
