package com.complaintcase.standalone;

import com.complaintcase.platform.integrity.BrokenHistories;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.Given.ok;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken histories (docs/adr/0010), end to end: rows of the event store altered or deleted directly with SQL, as
 * whoever tampers would, no checkpoint ever recorded; the break is found at once, the case accepts no further command,
 * and compliance sees it listed and counted.
 */
class BrokenHistoryEndToEndTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path exports;

    private static final MutableClock clock = new MutableClock();
    private static RunningApplication app;
    private static Api api;
    private static Given given;
    private static IntegrityProbe probe;

    @BeforeAll
    static void start() {
        app = RunningApplication.start(dataDir, clock);
        api = app.api();
        given = new Given(api);
        probe = new IntegrityProbe(app, exports);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_deleted_newest_event_is_truncated_at_once_without_a_checkpoint() {
        String id = given.aCaseHandledBy("handler1");
        int events = app.eventCount(id);
        probe.tamper("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = ?", id, events - 1);

        JsonNode verification = probe.verification(id);
        assertThat(verification.path("status").asText()).as("%s", verification).isEqualTo("BROKEN");
        assertThat(verification.path("breakAt").path("kind").asText()).as("%s", verification).isEqualTo("TRUNCATED");
        assertThat(verification.path("breakAt").path("sequence").asLong()).isEqualTo(events - 1);
        assertThat(verification.path("checkpoint").isNull()).as("no checkpoint was recorded").isTrue();
    }

    @Test
    void a_command_on_a_case_whose_newest_event_was_deleted_is_refused_and_does_not_reuse_its_sequence_number() {
        String id = given.aCaseHandledBy("handler1");
        int events = app.eventCount(id);
        String deletedEventId = app.events(id).get(events - 1).getIdentifier();
        probe.tamper("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = ?", id, events - 1);

        assertProblem(api.as("handler1").command(id, "evidence", evidence()), 409, "HISTORY_BROKEN")
                .withDetailContaining("TRUNCATED");
        assertThat(app.eventCount(id)).as("nothing appended at the deleted sequence number").isEqualTo(events - 1);
        assertThat(app.events(id)).noneMatch(event -> event.getIdentifier().equals(deletedEventId));
    }

    @Test
    void a_command_on_a_case_with_an_altered_payload_is_refused_listed_for_compliance_and_counted() {
        String id = given.aCaseHandledBy("handler1");
        ok(api.as("handler1").command(id, "evidence", evidence()));
        double refusedBefore = counted(BrokenHistories.REFUSED);
        byte[] payload = probe.storedPayload(id, 2);
        String altered = new String(payload, StandardCharsets.UTF_8).replaceFirst("\"complaintId\"", "\"complaintId\" ");
        probe.tamper("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 2",
                altered.getBytes(StandardCharsets.UTF_8), id);

        assertProblem(api.as("handler1").command(id, "evidence", evidence()), 409, "HISTORY_BROKEN")
                .withDetailContaining("PAYLOAD_ALTERED");

        JsonNode listed = brokenCase(id);
        assertThat(listed).as("listed for compliance").isNotNull();
        assertThat(listed.path("kind").asText()).isEqualTo("PAYLOAD_ALTERED");
        assertThat(listed.path("sequence").asLong()).isEqualTo(2);
        assertThat(listed.path("detectedBy").asText()).isEqualTo("command");
        assertThat(counted(BrokenHistories.REFUSED)).isEqualTo(refusedBefore + 1);
        assertThat(app.bean(MeterRegistry.class).get(BrokenHistories.BROKEN_CASES).gauge().value()).isGreaterThanOrEqualTo(1);

        assertProblem(api.as("handler1").command(id, "evidence", evidence()), 409, "HISTORY_BROKEN");
        assertThat(counted(BrokenHistories.REFUSED)).as("every refused command counts").isEqualTo(refusedBefore + 2);
    }

    @Test
    void a_case_found_broken_by_its_verification_accepts_no_command() {
        String id = given.aCaseHandledBy("handler1");
        probe.tamper("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 1", id);
        assertThat(probe.verification(id).path("breakAt").path("kind").asText()).isEqualTo("MISSING_EVENT");
        assertThat(brokenCase(id).path("detectedBy").asText()).isEqualTo("verification");

        assertProblem(api.as("handler1").command(id, "evidence", evidence()), 409, "HISTORY_BROKEN");
    }

    @Test
    void an_intact_case_accepts_commands_and_is_not_listed() {
        String id = given.aCaseHandledBy("handler1");
        ok(api.as("handler1").command(id, "evidence", evidence()));
        ok(api.as("handler1").command(id, "evidence", evidence()));

        assertThat(probe.verification(id).path("status").asText()).isEqualTo("VALID");
        assertThat(brokenCase(id)).isNull();
    }

    private static JsonNode brokenCase(String id) {
        ApiReply reply = api.as("compliance1").get("/api/admin/integrity/broken-cases");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        for (JsonNode listed : reply.json().path("cases")) {
            if (listed.path("caseId").asText().equals(id)) {
                return listed;
            }
        }
        return null;
    }

    private static double counted(String counter) {
        return app.bean(MeterRegistry.class).get(counter).counter().count();
    }
}
