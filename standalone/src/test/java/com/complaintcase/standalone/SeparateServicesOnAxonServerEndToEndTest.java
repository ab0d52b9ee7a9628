package com.complaintcase.standalone;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment with Axon Server (profile {@code axonserver}): commands routed, events stored and streamed, queries
 * answered through the Axon Server at {@code AXON_SERVER_ADDRESS} (host:port of its gRPC port); PostgreSQL keeps the
 * read models, tokens, lookup and deadlines. Runs only when that variable is set:
 * {@code AXON_SERVER_ADDRESS=localhost:8124 ./mvnw -B verify -pl standalone -am -Dgroups=axonserver -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("axonserver")
@EnabledIfEnvironmentVariable(named = "AXON_SERVER_ADDRESS", matches = ".+",
        disabledReason = "no Axon Server: set AXON_SERVER_ADDRESS=host:port (gRPC, e.g. localhost:8124) to run the Axon Server group")
class SeparateServicesOnAxonServerEndToEndTest extends SeparateServicesScenario {

    @Override
    protected List<String> topology() {
        return List.of(
                "--spring.profiles.active=axonserver",
                "--axon.axonserver.servers=" + System.getenv("AXON_SERVER_ADDRESS"));
    }

    @Test
    @Order(7)
    void the_events_are_in_axon_server_not_in_postgresql_and_the_tokens_are_in_postgresql() {
        assertThat(strings("select count(*) from domain_event_entry")).containsExactly("0");
        for (String id : caseIds()) {
            ApiReply history = querySide.api().as("supervisor1").get("/api/cases/" + id + "/history");
            assertThat(history.status()).as("%s", history).isEqualTo(200);
            assertThat(history.json().get(0).path("type").asText()).as("the history, read from Axon Server: %s", history)
                    .isEqualTo("ComplaintRegistered");
        }
        // "__config" is the token store's own identity row, which the processors report to Axon Server
        assertThat(strings("select distinct processor_name from token_entry where processor_name <> '__config' order by 1"))
                .containsExactly("cases", "integrity-checkpoints", "metrics", "returns", "statistics");
    }
}
