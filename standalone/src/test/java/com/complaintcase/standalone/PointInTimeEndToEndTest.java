package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.complaintcase.standalone.CommandBodies.closing;
import static com.complaintcase.standalone.CommandBodies.feedback;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/cases/{id}?asOf=}: one case seen at three instants of its life (after registration,
 * after assignment, after closure), hours apart on the test's clock. At each instant the test also
 * captured the live view; the past view asked for later must be that same view.
 * <p>
 * The semantics asserted: a past view is rebuilt from the events recorded up to and including
 * {@code asOf}; deadline states are read at {@code asOf}; {@code lastChangedAt} is the time of the
 * last event recorded by then (not {@code asOf}); the only field a past view adds to the live view is
 * {@code asOf}, echoing the instant asked for. A live view has no {@code asOf}.
 */
class PointInTimeEndToEndTest {

    private static final Duration FIRST_CONTACT_LIMIT = Duration.ofHours(48);

    @TempDir
    static Path dataDir;

    private static final MutableClock clock = new MutableClock();
    private static RunningApplication app;
    private static Api api;
    private static CaseSteps steps;

    private static String caseId;
    private static Instant beforeRegistration;
    private static Instant afterRegistration;
    private static Instant afterAssignment;
    private static Instant afterClosure;
    private static JsonNode liveAfterRegistration;
    private static JsonNode liveAfterAssignment;
    private static JsonNode liveAfterClosure;
    /** A second case, never contacted, and the moment the clock left it 50 hours after its registration. */
    private static String neglectedId;

    @BeforeAll
    static void liveTheCaseAndCaptureItsViews() {
        app = RunningApplication.start(dataDir, clock);
        api = app.api();
        steps = new CaseSteps(api, clock);

        beforeRegistration = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        caseId = steps.register("intake1", aRegistration().withNewId()
                .receivedAt(clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS)));
        steps.awaitProjectionsCaughtUp();
        liveAfterRegistration = steps.awaitCase("compliance1", caseId);
        afterRegistration = clock.instant();

        clock.advance(Duration.ofHours(1));
        steps.acceptAndAssign(caseId, "BRANCH", "handler1");
        steps.awaitProjectionsCaughtUp();
        liveAfterAssignment = steps.awaitCase("compliance1", caseId);
        afterAssignment = clock.instant();

        clock.advance(Duration.ofHours(3));
        steps.resolve("handler1", caseId);
        steps.step("handler1", caseId, "feedback", feedback(4));
        steps.step("handler1", caseId, "close", closing());
        steps.awaitProjectionsCaughtUp();
        liveAfterClosure = steps.awaitCase("compliance1", caseId);
        afterClosure = clock.instant();

        clock.advance(Duration.ofHours(2));
        neglectedId = steps.register("intake1", aRegistration().withNewId()
                .receivedAt(clock.instant().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS)));
        clock.advance(Duration.ofHours(50));
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void as_of_just_after_registration_the_case_is_registered_at_version_0_with_its_clocks_running() {
        JsonNode view = asOf(caseId, afterRegistration);

        assertThat(view.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(view.path("version").asLong()).isZero();
        assertThat(view.path("level").asText()).isEqualTo("BRANCH");
        assertThat(view.path("handlerId").isMissingNode() || view.path("handlerId").isNull()).as("%s", view).isTrue();
        Instant registeredAt = instant(view.path("registeredAt"));
        assertThat(deadline(view, "ENTRY").path("state").asText()).isEqualTo("MET");
        assertThat(deadline(view, "FIRST_CONTACT").path("state").asText()).isEqualTo("RUNNING");
        assertThat(instant(deadline(view, "FIRST_CONTACT").path("dueAt"))).isEqualTo(registeredAt.plus(FIRST_CONTACT_LIMIT));
        assertThat(deadline(view, "RESOLUTION").path("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void as_of_just_after_assignment_the_case_is_assigned_to_its_handler_at_version_2_with_first_contact_still_running() {
        JsonNode view = asOf(caseId, afterAssignment);

        assertThat(view.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(view.path("handlerId").asText()).isEqualTo("handler1");
        assertThat(view.path("businessLine").asText()).isEqualTo("Retail cards");
        assertThat(view.path("version").asLong()).isEqualTo(2);
        assertThat(deadline(view, "FIRST_CONTACT").path("state").asText()).isEqualTo("RUNNING");
        assertThat(deadline(view, "RESOLUTION").path("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void as_of_just_after_closure_the_case_is_closed_with_every_deadline_met_and_the_customers_score() {
        JsonNode view = asOf(caseId, afterClosure);

        assertThat(view.path("status").asText()).isEqualTo("CLOSED");
        // registered, reviewed, assigned, contacted + DeadlineMet, findings, proposed + DeadlineMet (branch reply)
        // + DeadlineMet (resolution), accepted, feedback, closed
        assertThat(view.path("version").asLong()).isEqualTo(steps.version(caseId)).isEqualTo(11);
        assertThat(view.path("handlerId").asText()).isEqualTo("handler1");
        assertThat(view.path("satisfactionScore").asInt()).isEqualTo(4);
        assertThat(view.hasNonNull("closedAt")).isTrue();
        assertThat(view.hasNonNull("resolvedAt")).isTrue();
        for (String name : List.of("ENTRY", "FIRST_CONTACT", "RESOLUTION")) {
            JsonNode deadline = deadline(view, name);
            assertThat(deadline.path("state").asText()).as("%s", deadline).isEqualTo("MET");
            assertThat(instant(deadline.path("metAt"))).as("%s", deadline).isBefore(instant(deadline.path("dueAt")));
        }
    }

    @Test
    void each_past_view_is_the_live_view_captured_at_that_moment_plus_the_asOf_instant_asked_for() {
        assertSameAsLive(afterRegistration, liveAfterRegistration);
        assertSameAsLive(afterAssignment, liveAfterAssignment);
        assertSameAsLive(afterClosure, liveAfterClosure);
    }

    @Test
    void the_live_view_the_past_view_and_the_history_agree_on_the_instant_of_registration() {
        Instant inHistory = instant(historyEntry(0).path("payload").path("registeredAt"));
        assertThat(instant(asOf(caseId, afterClosure).path("registeredAt"))).as("past view").isEqualTo(inHistory);
        assertThat(instant(liveAfterClosure.path("registeredAt"))).as("live view").isEqualTo(inHistory);
    }

    @Test
    void a_view_as_of_an_instant_before_the_registration_is_404_complaint_not_found() {
        assertProblem(api.as("regulator1").get("/api/cases/" + caseId + "?asOf=" + beforeRegistration),
                404, "COMPLAINT_NOT_FOUND");
    }

    @Test
    void a_past_view_includes_an_event_recorded_exactly_at_asOf_and_none_recorded_after_it() {
        JsonNode assignment = historyEntry(2);
        assertThat(assignment.path("type").asText()).isEqualTo("HandlerAssigned");
        Instant assignedAt = instant(assignment.path("recordedAt"));

        JsonNode atTheEvent = asOf(caseId, assignedAt);
        assertThat(atTheEvent.path("version").asLong()).isEqualTo(2);
        assertThat(atTheEvent.path("status").asText()).isEqualTo("ASSIGNED");

        JsonNode justBefore = asOf(caseId, assignedAt.minusNanos(1000));
        assertThat(justBefore.path("version").asLong()).isEqualTo(1);
        assertThat(justBefore.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(justBefore.path("handlerId").isMissingNode() || justBefore.path("handlerId").isNull()).isTrue();
    }

    @Test
    void last_changed_at_of_a_past_view_is_the_time_of_the_last_event_recorded_by_then_not_the_asOf_instant() {
        JsonNode view = asOf(caseId, afterAssignment);
        assertThat(instant(view.path("lastChangedAt"))).isEqualTo(instant(historyEntry(2).path("recordedAt")))
                .isBefore(afterAssignment);
        assertThat(instant(view.path("asOf"))).isEqualTo(afterAssignment);
    }

    /**
     * The neglected case's deadline does not fire in this test: only the application's clock was moved
     * 50 hours on, and the deadline store polls on real time. The breach is what the view reads at the
     * instant asked for (a running clock past its due time shows as breached).
     */
    @Test
    void a_past_view_reads_its_deadlines_at_that_instant_so_a_limit_passed_by_then_shows_as_breached() {
        JsonNode live = okJson(api.as("supervisor1").get("/api/cases/" + neglectedId));
        assertThat(deadline(live, "FIRST_CONTACT").path("state").asText()).as("now, 50 h on").isEqualTo("BREACHED");
        Instant dueAt = instant(asOf(neglectedId, clock.instant()).path("registeredAt")).plus(FIRST_CONTACT_LIMIT);

        JsonNode beforeDue = deadline(asOf(neglectedId, dueAt.minus(Duration.ofHours(1))), "FIRST_CONTACT");
        assertThat(beforeDue.path("state").asText()).isEqualTo("RUNNING");
        assertThat(beforeDue.path("breachedAt").isNull()).isTrue();

        JsonNode afterDue = deadline(asOf(neglectedId, dueAt.plus(Duration.ofHours(1))), "FIRST_CONTACT");
        assertThat(afterDue.path("state").asText()).isEqualTo("BREACHED");
        assertThat(instant(afterDue.path("breachedAt"))).isEqualTo(dueAt);
        assertThat(instant(afterDue.path("dueAt"))).isEqualTo(dueAt);
    }

    @Test
    void a_past_view_hides_personal_data_from_an_analyst_as_the_live_view_does() {
        ApiReply reply = api.as("analyst1").get("/api/cases/" + caseId + "?asOf=" + afterAssignment);
        JsonNode view = okJson(reply);
        assertThat(view.path("personalDataRedacted").asBoolean()).as("%s", reply).isTrue();
        assertThat(view.path("customer").path("name").isMissingNode() || view.path("customer").path("name").isNull())
                .as("%s", reply).isTrue();
        assertThat(reply.body()).doesNotContain("Li Wei", "li.wei@example.com", "+86 138 0000 0000",
                "The annual card fee was deducted twice this month.");
        assertThat(view.path("version").asLong()).isEqualTo(2);
    }

    // ---- helpers ----

    private static void assertSameAsLive(Instant at, JsonNode live) {
        JsonNode past = asOf(caseId, at);
        assertThat(live.has("asOf")).as("a live view has no asOf: %s", live).isFalse();
        assertThat(instant(past.path("asOf"))).as("asOf of %s", past).isEqualTo(at);
        ObjectNode withoutAsOf = past.deepCopy();
        withoutAsOf.remove("asOf");
        assertThat(withoutAsOf).as("the view as of %s", at).isEqualTo(live);
    }

    @Test
    void the_counting_class_is_on_the_case_view_and_in_the_daily_statistics_of_the_registration_day() {
        // the neglected case is the same customer's about the same matter as the closed one: a repeat complaint
        JsonNode neglected = Eventually.await("the neglected case in the statistics",
                () -> okJson(api.as("analyst1").get("/api/cases/" + neglectedId)),
                view -> view.hasNonNull("countingClass"));
        Instant registeredAt = instant(neglected.path("registeredAt"));
        assertThat(neglected.path("countingClass").asText()).isEqualTo("COMPLAINT");
        assertThat(asOf(neglectedId, registeredAt.plus(Duration.ofMinutes(1))).path("countingClass").asText())
                .isEqualTo("COMPLAINT");
        assertThat(okJson(api.as("analyst1").get("/api/cases/" + caseId)).path("countingClass").asText())
                .as("handled and resolved at the branch").isEqualTo("NOT_COUNTED");
        assertThat(asOf(caseId, afterRegistration).path("countingClass").asText()).isEqualTo("NOT_COUNTED");
        steps.awaitProjectionsCaughtUp();

        LocalDate registrationDay = LocalDate.ofInstant(registeredAt, ZoneOffset.UTC);
        JsonNode day = okJson(api.as("analyst1").get("/api/statistics/daily?date=" + registrationDay
                + "&groupBy=channel&drill=TOTAL&figure=complaint"));
        assertThat(day.path("zone").asText()).isEqualTo("UTC");
        assertThat(day.path("groupBy").asText()).isEqualTo("channel");
        assertThat(day.path("asOf").isTextual()).isTrue();
        assertThat(day.path("totals").path("complaint").asLong()).isPositive();
        assertThat(day.path("totals").path("byResponsibility").path("UNDETERMINED").asLong()).isPositive();
        assertThat(day.path("drill").path("complaintIds").toString()).contains(neglectedId).doesNotContain(caseId);
        JsonNode repeats = okJson(api.as("compliance1").get("/api/metrics/rates?from=" + registrationDay + "&to="
                + registrationDay + "&drill=TOTAL&figure=repeat"));
        assertThat(repeats.path("overall").path("repeat").asLong()).isPositive();
        assertThat(repeats.path("drill").path("complaintIds").toString()).contains(neglectedId);

        ApiReply csv = api.as("supervisor1").get("/api/statistics/daily?date=" + registrationDay, "text/csv");
        ApiReply suffixed = api.as("supervisor1").get("/api/statistics/daily.csv?date=" + registrationDay, "*/*");
        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(csv.body()).startsWith("date,groupBy,zone,asOf,key,complaint,inquiry,notCounted,").contains(",TOTAL,");
        assertThat(suffixed.status()).as("%s", suffixed).isEqualTo(200);
        ApiReply anything = api.as("supervisor1").get("/api/statistics/daily?date=" + registrationDay, "*/*");
        assertThat(anything.headers().firstValue("Content-Type").orElse("")).as("%s", anything).startsWith("application/json");
        assertThat(suffixed.body()).contains(",TOTAL,");
        assertThat(api.as("handler1").get("/api/statistics/daily").status()).isEqualTo(403);
        for (String path : List.of("/api/metrics/on-time?groupBy=channel", "/api/metrics/overdue-age?groupBy=branchCode",
                "/api/metrics/rates", "/api/metrics/compensation", "/api/metrics/trend", "/api/metrics/hot-spots",
                "/api/metrics/overdue-age.csv")) {
            ApiReply reply = api.as("analyst1").get(path, "application/json, text/csv");
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        }
        JsonNode overdue = okJson(api.as("analyst1").get("/api/metrics/overdue-age?drill=TOTAL"));
        assertThat(overdue.path("drill").path("complaintIds").toString()).contains(neglectedId);
        assertThat(api.as("analyst1").get("/api/metrics/rates?from=2026-02-01&to=2025-01-01").status()).isEqualTo(400);
    }

    private static JsonNode asOf(String complaintId, Instant at) {
        return okJson(api.as("compliance1").get("/api/cases/" + complaintId + "?asOf=" + at));
    }

    private static JsonNode historyEntry(int sequence) {
        JsonNode history = okJson(api.as("compliance1").get("/api/cases/" + caseId + "/history"));
        return history.get(sequence);
    }

    private static JsonNode deadline(JsonNode view, String name) {
        for (JsonNode deadline : view.path("deadlines")) {
            if (deadline.path("name").asText().equals(name)) {
                return deadline;
            }
        }
        throw new AssertionError("no deadline " + name + " in " + view);
    }

    private static JsonNode okJson(ApiReply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    private static Instant instant(JsonNode value) {
        return Instant.parse(value.asText());
    }
}
