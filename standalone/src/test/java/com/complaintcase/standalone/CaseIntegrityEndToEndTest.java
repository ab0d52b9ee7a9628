package com.complaintcase.standalone;

import com.complaintcase.verifier.Verifier;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.Given.ok;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tamper evidence of case histories (docs/adr/0010), end to end: cases recorded over the API, their rows in the H2
 * event store then altered directly with JDBC, and each alteration found by {@code GET /api/cases/{id}/verification}
 * and by the offline verifier on the case's export. The head cache holds a single aggregate, so a command's first
 * event mostly finds its predecessor's hash in the event store, as after a restart.
 */
class CaseIntegrityEndToEndTest {

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
        app = RunningApplication.start(dataDir, clock, "--complaints.integrity.head-cache-size=1");
        api = app.api();
        given = new Given(api);
        probe = new IntegrityProbe(app, exports);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void an_untouched_case_verifies_online_and_offline() {
        String id = given.aCaseReadyForResolution();
        List<String> hashes = app.events(id).stream().map(e -> (String) e.getMetaData().get("eventHash")).toList();

        JsonNode verification = probe.verification(id);
        assertThat(verification.path("status").asText()).isEqualTo("VALID");
        assertThat(verification.path("eventsChecked").asLong()).isEqualTo(hashes.size());
        assertThat(verification.path("headHash").asText()).isEqualTo(hashes.get(hashes.size() - 1));
        assertThat(verification.path("breakAt").isNull()).isTrue();

        IntegrityProbe.Offline offline = probe.verifyExport(id);
        assertThat(offline.exitCode()).as(offline.output()).isEqualTo(Verifier.VALID);
        assertThat(offline.output()).contains("case " + id + ": VALID (" + hashes.size() + " events");
    }

    @Test
    void every_event_carries_its_hash_and_its_predecessors() {
        String id = given.aCaseHandledBy("handler1");
        List<String> previous = app.events(id).stream().map(e -> (String) e.getMetaData().get("previousEventHash")).toList();
        List<String> hashes = app.events(id).stream().map(e -> (String) e.getMetaData().get("eventHash")).toList();
        assertThat(previous.get(0)).isEqualTo("0".repeat(64));
        for (int i = 1; i < hashes.size(); i++) {
            assertThat(previous.get(i)).as("previous of %d", i).isEqualTo(hashes.get(i - 1));
        }
        assertThat(hashes).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
    }

    @Test
    void an_altered_payload_is_found() {
        String id = given.aCaseReadyForResolution();
        byte[] payload = probe.storedPayload(id, 2);
        String altered = new String(payload, StandardCharsets.UTF_8).replaceFirst("\"complaintId\"", "\"complaintId\" ");
        probe.tamper("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 2",
                altered.getBytes(StandardCharsets.UTF_8), id);

        probe.assertBrokenAt(id, 2, "PAYLOAD_ALTERED");
    }

    @Test
    void a_deleted_middle_event_is_found() {
        String id = given.aCaseReadyForResolution();
        probe.tamper("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 3", id);

        probe.assertBrokenAt(id, 3, "MISSING_EVENT");
    }

    @Test
    void two_events_that_swapped_places_are_found() {
        String id = given.aCaseReadyForResolution();
        probe.tamper("update domain_event_entry set sequence_number = -1 where aggregate_identifier = ? and sequence_number = 2", id);
        probe.tamper("update domain_event_entry set sequence_number = 2 where aggregate_identifier = ? and sequence_number = 3", id);
        probe.tamper("update domain_event_entry set sequence_number = 3 where aggregate_identifier = ? and sequence_number = -1", id);

        probe.assertBrokenAt(id, 2, "REORDERED");
    }

    @Test
    void the_export_of_a_200_event_case_verifies_offline() throws IOException {
        String id = given.aCaseHandledBy("handler1");
        while (app.eventCount(id) < 200) {
            ok(api.as("handler1").command(id, "evidence", evidence()));
        }
        assertThat(probe.verification(id).path("status").asText()).isEqualTo("VALID");
        Path bundle = probe.exportOf(id);
        long started = System.nanoTime();
        IntegrityProbe.Offline offline = IntegrityProbe.runVerifier(bundle);
        long firstRun = System.nanoTime() - started;
        started = System.nanoTime();
        IntegrityProbe.runVerifier(bundle);
        long secondRun = System.nanoTime() - started;
        assertThat(offline.exitCode()).as(offline.output()).isEqualTo(Verifier.VALID);
        assertThat(offline.output()).contains("VALID (200 events");
        System.out.printf("offline verification of a 200-event export (%d bytes): first run %d ms, second run %d ms%n",
                Files.size(bundle), firstRun / 1_000_000, secondRun / 1_000_000);
    }

    @Test
    void the_bulk_export_streams_one_bundle_a_line_for_the_cases_registered_in_the_range() throws IOException {
        String id = given.aCaseHandledBy("handler1");
        String today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        String range = "/api/exports/cases?from=" + today + "&to=" + today;
        ApiReply reply = Eventually.await("the case is in the read model the export lists cases from",
                () -> api.as("regulator1").get(range, "application/x-ndjson"),
                r -> r.status() != 200 || r.body().contains("\"caseId\":\"" + id + "\""));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(reply.body().lines()).allMatch(line -> line.startsWith("{\"manifest\":"));
        Path file = probe.written("bulk", reply.body());
        IntegrityProbe.Offline offline = IntegrityProbe.runVerifier(file);
        assertThat(offline.output()).contains("case " + id + ": VALID");

        ApiReply none = api.as("compliance1").get("/api/exports/cases?from=2001-01-01&to=2001-01-31", "application/x-ndjson");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).isEmpty();
    }

    @Test
    void a_reversed_date_range_is_refused() {
        assertProblem(api.as("compliance1").get("/api/exports/cases?from=2026-02-01&to=2026-01-01"), 400, "INVALID_DATE_RANGE");
    }

    @Test
    void an_unknown_case_has_nothing_to_verify_or_export() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(api.as("compliance1").get("/api/cases/" + unknown + "/verification"), 404, "COMPLAINT_NOT_FOUND");
        assertProblem(api.as("regulator1").get("/api/cases/" + unknown + "/export"), 404, "COMPLAINT_NOT_FOUND");
    }

    @Test
    void compliance_the_regulator_and_supervisors_verify_others_are_refused() {
        String id = given.aRegisteredCase();
        for (String user : List.of("compliance1", "regulator1", "supervisor1")) {
            assertThat(api.as(user).get("/api/cases/" + id + "/verification").status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("intake1", "handler1", "analyst1")) {
            assertThat(api.as(user).get("/api/cases/" + id + "/verification").status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void only_compliance_and_the_regulator_export() {
        String id = given.aRegisteredCase();
        for (String user : List.of("compliance1", "regulator1")) {
            assertThat(api.as(user).get("/api/cases/" + id + "/export").status()).as(user).isEqualTo(200);
            assertThat(api.as(user).get("/api/exports/cases?from=2001-01-01&to=2001-01-01", "application/x-ndjson")
                    .status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("supervisor1", "intake1", "handler1", "analyst1")) {
            assertThat(api.as(user).get("/api/cases/" + id + "/export").status()).as(user).isEqualTo(403);
            assertThat(api.as(user).get("/api/exports/cases?from=2001-01-01&to=2001-01-01", "application/x-ndjson")
                    .status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void the_export_carries_the_policy_pack_and_describes_its_hashing() {
        String id = given.aRegisteredCase();
        JsonNode bundle = api.as("regulator1").get("/api/cases/" + id + "/export").json();
        assertThat(bundle.path("manifest").path("generatedBy").asText()).isEqualTo("regulator1");
        assertThat(bundle.path("manifest").path("hashAlgorithm").asText()).isEqualTo("SHA-256");
        assertThat(bundle.path("manifest").path("eventCount").asLong()).isEqualTo(app.eventCount(id));
        assertThat(bundle.path("policy").path("name").asText()).isNotBlank();
        JsonNode first = bundle.path("events").get(0);
        assertThat(first.path("payload").path("complaintId").asText()).isEqualTo(id);
        assertThat(first.path("payloadBase64").asText()).isNotBlank();
        assertThat(first.path("metadata").path("userId").asText()).isEqualTo("intake1");
    }
}
