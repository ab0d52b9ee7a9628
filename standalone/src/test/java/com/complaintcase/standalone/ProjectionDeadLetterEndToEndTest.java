package com.complaintcase.standalone;

import com.complaintcase.events.complaint.HandlerAssigned;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.Ordered;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static com.complaintcase.standalone.CommandBodies.assignmentTo;
import static com.complaintcase.standalone.ProblemAssertions.assertInvalid;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection that fails on an event parks it, and every later event of the same case, instead of dropping it; the
 * other cases go on. The failure is a bug put into the cases projection by this test ({@link ProjectionBug}, the
 * first handler of the processor): it fails on the assignment of the cases it is told to, until it is "fixed". The
 * real application, its pooled processors and its database; the parked events are listed, retried and evicted over
 * HTTP. The tests run in order on one application.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionDeadLetterEndToEndTest {

    private static final String DEAD_LETTERS = "/api/admin/projections/cases/dead-letters";
    private static final Duration REPLAY_TIME = Duration.ofSeconds(20);

    /** Fails on the assignment of the cases in {@link #failingCases}, with personal data in its message. */
    @ProcessingGroup("cases")
    @org.springframework.core.annotation.Order(Ordered.HIGHEST_PRECEDENCE)
    static class ProjectionBug {

        static final Set<String> failingCases = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(HandlerAssigned event) {
            if (failingCases.contains(event.complaintId().value())) {
                throw new IllegalStateException("cannot project the assignment for customer Jane Roe");
            }
        }
    }

    @TempDir
    static Path dataDir;

    private static final MutableClock clock = new MutableClock();
    private static RunningApplication app;
    private static Api api;
    private static CaseSteps steps;
    private static String healthy;
    private static String failing;

    @BeforeAll
    static void startTheApplicationWithABugInTheCasesProjection() {
        app = RunningApplication.start(dataDir, clock, List.of(ProjectionBug.class));
        api = app.api();
        steps = new CaseSteps(api, clock);
    }

    @AfterAll
    static void stopTheApplication() {
        ProjectionBug.failingCases.clear();
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void a_failing_event_parks_its_case_and_later_events_while_other_cases_go_on() {
        healthy = steps.register("intake1", aRegistration().withNewId());
        failing = steps.register("intake1", aRegistration().withNewId());
        steps.accept(healthy, "BRANCH");
        steps.accept(failing, "BRANCH");
        long beforeTheFailure = steps.version(failing);
        steps.awaitCase("supervisor1", failing);
        ProjectionBug.failingCases.add(failing);

        steps.step("supervisor1", failing, "assign", assignmentTo("handler1"));
        steps.step("supervisor1", healthy, "assign", assignmentTo("handler1"));
        steps.contact("handler1", failing);
        steps.contact("handler1", healthy);

        assertThat(steps.awaitCase("supervisor1", healthy).path("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode parked = Eventually.await("the failing case's events after the failure are parked",
                () -> okJson(api.as("supervisor1").get(DEAD_LETTERS)),
                list -> lettersOf(list, failing).size() >= 2
                        && lettersOf(list, failing).get(lettersOf(list, failing).size() - 1)
                        .path("eventSequence").asLong() == steps.version(failing));
        assertThat(parked.path("sequences").asLong()).as("%s", parked).isEqualTo(1);
        List<JsonNode> letters = lettersOf(parked, failing);
        assertThat(parked.path("letters").asLong()).isEqualTo(letters.size());

        JsonNode first = letters.get(0);
        assertThat(first.path("eventType").asText()).isEqualTo("HandlerAssigned");
        assertThat(first.path("eventSequence").asLong()).isEqualTo(beforeTheFailure + 1);
        assertThat(first.path("waiting").asBoolean()).isFalse();
        assertThat(first.path("errorClass").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(first.path("errorMessage").asText())
                .startsWith("IllegalStateException at " + ProjectionBug.class.getName() + ".on:")
                .doesNotContain("Jane Roe");
        assertThat(first.path("retries").asLong()).isZero();
        assertThat(first.hasNonNull("enqueuedAt")).as("%s", first).isTrue();
        for (int i = 1; i < letters.size(); i++) {
            JsonNode later = letters.get(i);
            assertThat(later.path("waiting").asBoolean()).as("%s", later).isTrue();
            assertThat(later.path("errorClass").isNull()).as("%s", later).isTrue();
            assertThat(later.path("eventSequence").asLong()).isEqualTo(beforeTheFailure + 1 + i);
        }
        assertThat(letters).extracting(letter -> letter.path("eventType").asText()).contains("CustomerContacted");
        assertThat(letters).allSatisfy(letter -> assertThat(letter.path("globalPosition").asLong()).isPositive());

        JsonNode view = okJson(api.as("supervisor1").get("/api/cases/" + failing));
        assertThat(view.path("version").asLong()).as("nothing after the failing event is applied").isEqualTo(beforeTheFailure);
        assertThat(view.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(okJson(api.as("supervisor1").get("/api/admin/projections/metrics/dead-letters")).path("letters").asLong())
                .as("the metrics projection has no such bug").isZero();

        JsonNode gauge = okJson(api.as("supervisor1").get("/actuator/metrics/complaints.dead.letters?tag=processor:cases"));
        assertThat(gauge.path("measurements").get(0).path("value").asDouble()).isEqualTo(letters.size());
        JsonNode health = okJson(api.as("compliance1").get("/actuator/health"));
        assertThat(health.path("status").asText()).as("parked events do not make the service unhealthy").isEqualTo("UP");
        assertThat(health.path("components").path("deadLetters").path("details").path("cases").asLong())
                .as("%s", health).isEqualTo(letters.size());
    }

    @Test
    @Order(2)
    void a_retry_after_the_fix_brings_the_case_to_the_view_a_rebuild_gives() {
        for (String user : List.of("handler1", "analyst1")) {
            assertProblem(api.as(user).get(DEAD_LETTERS), 403, "ROLE_NOT_ALLOWED");
            assertProblem(api.as(user).post(DEAD_LETTERS + "/retry", null), 403, "ROLE_NOT_ALLOWED");
            assertProblem(api.as(user).post(DEAD_LETTERS + "/" + failing + "/retry", null), 403, "ROLE_NOT_ALLOWED");
        }
        JsonNode stillFailing = okJson(api.as("supervisor1").post(DEAD_LETTERS + "/" + failing + "/retry", null));
        assertThat(stillFailing.path("recovered").asLong()).as("%s", stillFailing).isZero();
        assertThat(stillFailing.path("sequencesStillParked").asLong()).isEqualTo(1);
        assertThat(lettersOf(okJson(api.as("supervisor1").get(DEAD_LETTERS)), failing).get(0).path("retries").asLong())
                .isEqualTo(1);

        ProjectionBug.failingCases.remove(failing);
        JsonNode retried = okJson(api.as("compliance1").post(DEAD_LETTERS + "/retry", null));

        assertThat(retried.path("recovered").asLong()).as("%s", retried).isEqualTo(1);
        assertThat(retried.path("lettersStillParked").asLong()).isZero();
        assertThat(okJson(api.as("supervisor1").get(DEAD_LETTERS)).path("letters").asLong()).isZero();
        Map<String, JsonNode> retriedViews = Map.of(
                healthy, steps.awaitCase("supervisor1", healthy), failing, steps.awaitCase("supervisor1", failing));
        assertThat(retriedViews.get(failing).path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(retriedViews.get(failing).path("handlerId").asText()).isEqualTo("handler1");

        ApiReply replay = api.as("compliance1").post("/api/admin/projections/cases/replay", null);
        assertThat(replay.status()).as("%s", replay).isEqualTo(202);
        Eventually.await("the replay of cases completes", REPLAY_TIME,
                () -> okJson(api.as("compliance1").get("/api/admin/projections/cases")),
                progress -> progress.path("state").asText().equals("COMPLETED"));
        Map<String, JsonNode> rebuiltViews = Eventually.await("the rebuilt views", () -> Map.of(
                        healthy, okJson(api.as("supervisor1").get("/api/cases/" + healthy)),
                        failing, okJson(api.as("supervisor1").get("/api/cases/" + failing))),
                retriedViews::equals);
        assertThat(rebuiltViews).isEqualTo(retriedViews);
        assertThat(okJson(api.as("supervisor1").get(DEAD_LETTERS)).path("letters").asLong()).isZero();
    }

    @Test
    @Order(3)
    void evicting_a_parked_case_takes_a_reason_and_records_who_when_why_and_which_events_were_never_applied() {
        String evicted = steps.register("intake1", aRegistration().withNewId());
        steps.accept(evicted, "BRANCH");
        long beforeTheFailure = steps.version(evicted);
        steps.awaitCase("supervisor1", evicted);
        ProjectionBug.failingCases.add(evicted);
        steps.step("supervisor1", evicted, "assign", assignmentTo("handler2"));
        Eventually.await("the assignment is parked", () -> okJson(api.as("supervisor1").get(DEAD_LETTERS)),
                list -> lettersOf(list, evicted).size() == steps.version(evicted) - beforeTheFailure);
        String eviction = DEAD_LETTERS + "/" + evicted + "/eviction";
        String reason = "{\"reason\": \"assignment event of a withdrawn pilot, agreed in incident INC-42\"}";

        for (String user : List.of("handler1", "analyst1", "regulator1")) {
            assertProblem(api.as(user).post(eviction, reason), 403, "ROLE_NOT_ALLOWED");
        }
        assertInvalid(api.as("compliance1").post(eviction, "{}"), "reason");
        assertInvalid(api.as("compliance1").post(eviction, "{\"reason\": \"   \"}"), "reason");
        assertProblem(api.as("compliance1").post("/api/admin/projections/no-such/dead-letters/" + evicted + "/eviction",
                reason), 404, "UNKNOWN_PROJECTION");
        assertProblem(api.as("compliance1").post(DEAD_LETTERS + "/" + healthy + "/eviction", reason), 404,
                "NO_DEAD_LETTER");
        assertProblem(api.as("compliance1").post(DEAD_LETTERS + "/" + healthy + "/retry", null), 404, "NO_DEAD_LETTER");
        assertThat(lettersOf(okJson(api.as("supervisor1").get(DEAD_LETTERS)), evicted))
                .as("a refused eviction evicts nothing").isNotEmpty();

        JsonNode recorded = okJson(api.as("compliance1").post(eviction, reason));

        assertThat(recorded.path("projection").asText()).isEqualTo("cases");
        assertThat(recorded.path("sequenceId").asText()).isEqualTo(evicted);
        assertThat(recorded.path("evictedBy").asText()).isEqualTo("compliance1");
        assertThat(recorded.path("role").asText()).isEqualTo("COMPLIANCE");
        assertThat(recorded.path("reason").asText()).isEqualTo("assignment event of a withdrawn pilot, agreed in incident INC-42");
        assertThat(recorded.hasNonNull("evictedAt")).isTrue();
        assertThat(recorded.path("events").get(0).path("eventType").asText()).isEqualTo("HandlerAssigned");
        assertThat(recorded.path("events").get(0).path("eventSequence").asLong()).isEqualTo(beforeTheFailure + 1);
        assertThat(recorded.path("events").size()).isEqualTo((int) (steps.version(evicted) - beforeTheFailure));
        assertThat(lettersOf(okJson(api.as("supervisor1").get(DEAD_LETTERS)), evicted)).isEmpty();
        JsonNode evictions = okJson(api.as("supervisor1").get(DEAD_LETTERS + "/evictions"));
        assertThat(evictions.get(0)).isEqualTo(recorded);
        assertThat(okJson(api.as("supervisor1").get("/api/cases/" + evicted)).path("version").asLong())
                .as("the evicted events were never applied").isEqualTo(beforeTheFailure);
        ProjectionBug.failingCases.remove(evicted);
    }

    @Test
    @Order(4)
    void every_streaming_processor_but_the_returns_facts_parks_its_failures_and_the_command_sides_processors_fail_the_command_instead() {
        EventProcessingConfiguration processing = app.bean(EventProcessingConfiguration.class);

        assertThat(processing.eventProcessors()).containsKeys("cases", "metrics", "integrity-checkpoints",
                "complaint-lookup", "integrity-days");
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor && !name.equals("returns")) {
                assertThat(processing.deadLetterQueue(name)).as("dead-letter queue of %s", name).isPresent();
            }
        });
        // the returns' facts are complete up to their token (ADR 0014): a failure stops them instead of being parked
        assertThat(processing.deadLetterQueue("returns")).isEmpty();
        assertThat(processing.listenerInvocationErrorHandler("returns")).isInstanceOf(PropagatingErrorHandler.class);
        assertThat(processing.deadLetterQueue("complaint-lookup")).isEmpty();
        assertThat(processing.deadLetterQueue("integrity-days")).isEmpty();
    }

    private static List<JsonNode> lettersOf(JsonNode list, String sequenceId) {
        List<JsonNode> letters = new ArrayList<>();
        list.path("deadLetters").forEach(letter -> {
            if (letter.path("sequenceId").asText().equals(sequenceId)) {
                letters.add(letter);
            }
        });
        return letters;
    }

    private static JsonNode okJson(ApiReply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }
}
