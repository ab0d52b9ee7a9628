package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --demo-data}: the workload's cases through the real command path, and bulk copies through the event store. */
class DemoDataEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void demo_data_takes_cases_through_their_lives_and_bulk_copies_are_chained_cases_of_the_past() {
        String lastCopy;
        try (RunningApplication app = RunningApplication.start(dataDir,
                "--demo-data=30", "--demo-data-mode=bulk", "--demo-templates=10", "--demo-seed=7")) {
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            assertThat(cases(jdbc)).isEqualTo(30);
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%ComplaintClosed'",
                    Integer.class)).isPositive();
            lastCopy = jdbc.queryForObject("select aggregate_identifier from domain_event_entry where type = 'Complaint'"
                    + " and sequence_number = 0 order by global_index desc limit 1", String.class);

            JsonNode verification = app.api().as("compliance1").get("/api/cases/" + lastCopy + "/verification").json();
            assertThat(verification.path("status").asText()).isEqualTo("VALID");
            JsonNode copy = Eventually.await("the copy in the case view",
                    () -> app.api().as("supervisor1").get("/api/cases/" + lastCopy).json(),
                    view -> view.hasNonNull("registeredAt"));
            assertThat(Instant.parse(copy.path("registeredAt").asText())).isBefore(Instant.now().minus(Duration.ofDays(1)));
        }
        try (RunningApplication again = RunningApplication.start(dataDir, "--demo-data=50", "--demo-templates=10")) {
            assertThat(cases(again.bean(JdbcTemplate.class))).as("commands mode refuses a store with cases").isEqualTo(30);
        }
    }

    private static Integer cases(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where type = 'Complaint' and sequence_number = 0",
                Integer.class);
    }
}
