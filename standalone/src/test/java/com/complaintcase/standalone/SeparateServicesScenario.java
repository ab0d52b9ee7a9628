package com.complaintcase.standalone;

import com.complaintcase.verifier.Verifier;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.complaintcase.standalone.CommandBodies.acceptedReview;
import static com.complaintcase.standalone.CommandBodies.assignmentTo;
import static com.complaintcase.standalone.CommandBodies.contactByPhone;
import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.CommandBodies.resolutionWithoutCompensation;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production mode end to end: the command side and the query side as two services (two Spring applications, two
 * ports) on one real PostgreSQL (embedded binaries, migrated by Flyway, checked by Hibernate), talking only through
 * what they share: the event stream and Axon's buses. A case is registered and handled over HTTP on the command side
 * and read on the query side; the query side is stopped, misses events, and catches up when restarted; a replay
 * rebuilds the same view. Each subclass is one topology (events in PostgreSQL, or in Axon Server). The tests run in
 * order, on one database per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SeparateServicesScenario {

    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    private EmbeddedPostgres postgres;
    private String jdbcUrl;
    protected RunningService commandSide;
    protected RunningService querySide;
    private CaseSteps steps;
    private final List<String> caseIds = new ArrayList<>();

    /** The arguments that choose the topology, given to both services. */
    protected abstract List<String> topology();

    @BeforeAll
    void startDatabaseAndServices() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        commandSide = RunningService.commandSide(jdbcUrl, topology());
        querySide = RunningService.querySide(jdbcUrl, topology());
        steps = new CaseSteps(commandSide.api(), new MutableClock());
    }

    @AfterAll
    void stopServicesAndDatabase() throws IOException {
        closeQuietly(querySide);
        closeQuietly(commandSide);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void flyway_owns_the_schema_and_hibernate_only_validates_it() {
        assertThat(commandSide.property("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(querySide.property("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(strings("select version from flyway_schema_history where success order by installed_rank"))
                .startsWith("1", "2", "3");
    }

    @Test
    @Order(2)
    void a_case_registered_and_handled_on_the_command_side_is_read_on_the_query_side() {
        String id = steps.register("intake1", aRegistration().withNewId());
        steps.step("supervisor1", id, "review", acceptedReview("BRANCH"));
        steps.step("supervisor1", id, "assign", assignmentTo("handler1"));
        caseIds.add(id);

        JsonNode view = awaitCaseAtLatestVersion(id);
        assertThat(view.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(view.path("handlerId").asText()).isEqualTo("handler1");
        assertThat(commandSide.api().as("supervisor1").get("/api/cases/" + id).status())
                .as("the command side does not answer queries").isIn(401, 403, 404, 405);
    }

    @Test
    @Order(3)
    void the_query_side_stopped_and_restarted_loses_nothing_and_catches_up_with_what_it_missed() {
        querySide.close();
        String missed = steps.register("intake1", aRegistration().withNewId());
        steps.step("supervisor1", missed, "review", acceptedReview("BRANCH"));
        steps.step("supervisor1", caseIds.get(0), "assign", assignmentTo("handler2"));
        caseIds.add(missed);

        querySide = RunningService.querySide(jdbcUrl, topology());

        assertThat(awaitCaseAtLatestVersion(missed).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(awaitCaseAtLatestVersion(caseIds.get(0)).path("handlerId").asText()).isEqualTo("handler2");
    }

    @Test
    @Order(4)
    void replaying_the_cases_projection_rebuilds_the_same_views_and_its_log_lines_carry_the_requests_correlation_id(
            CapturedOutput output) {
        List<JsonNode> before = caseIds.stream().map(this::awaitCaseAtLatestVersion).toList();

        String correlationId = "replay-" + UUID.randomUUID();
        ApiReply started = querySide.api().as("compliance1").correlationId(correlationId)
                .post("/api/admin/projections/cases/replay", null);
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        assertThat(output.getOut()).as("JSON log lines (ECS) written while the request was handled")
                .contains("\"correlationId\":\"" + correlationId + "\"");
        Eventually.await("the replay of cases reports COMPLETED", CATCH_UP,
                () -> querySide.api().as("compliance1").get("/api/admin/projections/cases").json(),
                progress -> progress.path("state").asText().equals("COMPLETED"));

        List<JsonNode> after = caseIds.stream().map(this::awaitCaseAtLatestVersion).toList();
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(5)
    void a_refused_command_is_answered_with_its_problem_and_code_as_it_is_on_the_local_bus() {
        String id = steps.register("intake1", aRegistration().withNewId());
        steps.acceptAndAssign(id, "BRANCH", "handler1");
        steps.contact("handler1", id);
        caseIds.add(id);
        Api api = commandSide.api();

        assertProblem(api.as("handler2").command(id, "contacts", contactByPhone()), 403, "NOT_ASSIGNED_HANDLER");
        assertProblem(api.as("supervisor1").command(id, "assign", assignmentTo("handler1")), 409, "HANDLER_ALREADY_ASSIGNED");
        assertProblem(api.as("handler1").command(id, "resolution", resolutionWithoutCompensation()), 422, "FINDINGS_REQUIRED");
        assertProblem(api.as("handler1").ifMatch(0).command(id, "evidence", evidence()), 412, "VERSION_MISMATCH");
        assertProblem(api.as("handler1").command(UUID.randomUUID().toString(), "evidence", evidence()), 404, "COMPLAINT_NOT_FOUND");
    }

    @Test
    @Order(6)
    void both_services_report_readiness_and_liveness_and_publish_command_and_lag_metrics() {
        for (RunningService service : List.of(commandSide, querySide)) {
            for (String probe : List.of("readiness", "liveness")) {
                ApiReply reply = service.api().anonymous().get("/actuator/health/" + probe);
                assertThat(reply.status()).as("%s", reply).isEqualTo(200);
                assertThat(reply.json().path("status").asText()).isEqualTo("UP");
            }
        }
        ApiReply commandMetrics = commandSide.api().anonymous().get("/actuator/prometheus", "text/plain");
        assertThat(commandMetrics.status()).as("%s", commandMetrics).isEqualTo(200);
        assertThat(commandMetrics.body())
                .contains("complaints_commands_seconds_count{application=\"complaint-command-side\",command=\"RegisterComplaint\"");
        ApiReply queryMetrics = querySide.api().anonymous().get("/actuator/prometheus", "text/plain");
        assertThat(queryMetrics.status()).as("%s", queryMetrics).isEqualTo(200);
        assertThat(queryMetrics.body())
                .contains("complaints_processor_lag_events{application=\"complaint-query-side\",processor=\"cases\"}")
                .contains("complaints_processor_lag_events{application=\"complaint-query-side\",processor=\"metrics\"}");
    }

    @Test
    @Order(6)
    void a_case_history_read_back_from_this_event_store_verifies_online_and_its_export_offline() throws IOException {
        String id = caseIds.get(0);
        long version = steps.version(id);

        JsonNode verification = querySide.api().as("compliance1").get("/api/cases/" + id + "/verification").json();
        assertThat(verification.path("status").asText()).as("%s", verification).isEqualTo("VALID");
        assertThat(verification.path("headSequence").asLong()).isEqualTo(version);

        ApiReply export = querySide.api().as("regulator1").get("/api/cases/" + id + "/export");
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        Path bundle = Files.createTempFile("export-" + id, ".json");
        try {
            Files.writeString(bundle, export.body());
            IntegrityProbe.Offline offline = IntegrityProbe.runVerifier(bundle);
            assertThat(offline.exitCode()).as(offline.output()).isEqualTo(Verifier.VALID);
        } finally {
            Files.deleteIfExists(bundle);
        }
    }

    /** The case as the query side shows it, once it shows the latest version the command side answered. */
    protected JsonNode awaitCaseAtLatestVersion(String complaintId) {
        long expected = steps.version(complaintId);
        return Eventually.await("case " + complaintId + " on the query side at version " + expected, CATCH_UP,
                () -> querySide.api().as("supervisor1").get("/api/cases/" + complaintId),
                reply -> reply.status() == 200 && reply.json().path("version").asLong() == expected).json();
    }

    protected List<String> caseIds() {
        return caseIds;
    }

    /** The first column of every row {@code sql} selects, as text. */
    protected List<String> strings(String sql) {
        try (Connection connection = database().getConnection();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private DataSource database() {
        return postgres.getPostgresDatabase();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
