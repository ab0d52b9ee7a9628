package com.complaintcase.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static com.complaintcase.standalone.CommandBodies.acceptedReview;
import static com.complaintcase.standalone.CommandBodies.assignmentTo;
import static com.complaintcase.standalone.CommandBodies.closing;
import static com.complaintcase.standalone.CommandBodies.compensationDecision;
import static com.complaintcase.standalone.CommandBodies.escalation;
import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.CommandBodies.feedback;
import static com.complaintcase.standalone.CommandBodies.resolutionWithCompensation;
import static com.complaintcase.standalone.Given.ok;
import static com.complaintcase.standalone.ProblemAssertions.assertInvalid;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad request the contract names, against the running application: each is answered
 * with a problem-details body carrying the stable code (never a 500), and none of them adds an
 * event to the case it was about.
 */
class BadInputTest {

    /** An extra handler, so that one test can promote them without disturbing the demo users. */
    private static final String PROMOTED_USER = "lee";

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static Api api;
    private static Given given;

    @BeforeAll
    static void startTheApplication() {
        app = RunningApplication.start(dataDir, "--complaints.security.users." + PROMOTED_USER + "=HANDLER");
        api = app.api();
        given = new Given(api);
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    // ---- 400: malformed or invalid input ----

    @Test
    void a_registration_missing_required_fields_is_refused_with_400_naming_each_field_and_registers_nothing() {
        Registration registration = aRegistration().withNewId();
        JsonBody body = registration.body()
                .without("receivedAt").without("channel").without("branchCode").without("customer.name");

        ApiReply reply = api.as("intake1").register(body);

        assertInvalid(reply, "receivedAt", "channel", "branchCode", "customer.name");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_registration_with_an_unknown_channel_is_refused_with_400_on_that_field_and_registers_nothing() {
        Registration registration = aRegistration().withNewId();

        ApiReply reply = api.as("intake1").register(registration.body().with("channel", "CARRIER_PIGEON"));

        assertInvalid(reply, "channel").withDetailContaining("channel");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_registration_whose_id_is_not_a_uuid_is_refused_with_400_on_complaint_id() {
        ApiReply reply = api.as("intake1").register(aRegistration().withId("complaint-42").body());

        assertInvalid(reply, "complaintId");
        assertNothingRecordedFor("complaint-42");
    }

    @Test
    void a_negative_requested_amount_is_refused_with_400_and_registers_nothing() {
        Registration registration = aRegistration().withNewId().askingFor("COMPENSATION", "-50.00");

        assertInvalid(api.as("intake1").register(registration.body()), "requestedRemedy.amount.amount");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_malformed_json_registration_is_refused_with_400_malformed_request_and_registers_nothing() {
        String id = UUID.randomUUID().toString();
        String truncated = "{\"complaintId\": \"" + id + "\", \"channel\": \"PHONE\", ";

        assertProblem(api.as("intake1").register(truncated), 400, "MALFORMED_REQUEST");
        assertNothingRecordedFor(id);
    }

    @Test
    void a_command_with_an_unknown_enum_value_is_refused_with_400_on_that_field_and_leaves_no_event() {
        String id = given.aRegisteredCase();

        ApiReply reply = leavesNoEvent(id, () ->
                api.as("supervisor1").command(id, "escalate", escalation("BECAUSE_I_SAY_SO")));

        assertInvalid(reply, "reason");
    }

    @Test
    void a_command_with_a_malformed_or_empty_body_is_refused_with_400_malformed_request_and_leaves_no_event() {
        String id = given.aRegisteredCase();

        assertProblem(leavesNoEvent(id, () -> api.as("supervisor1").command(id, "review", "{\"outcome\": \"ACCEPTED\",")),
                400, "MALFORMED_REQUEST");
        assertProblem(leavesNoEvent(id, () -> api.as("supervisor1").command(id, "review", null)),
                400, "MALFORMED_REQUEST");
    }

    @Test
    void a_command_missing_a_required_field_is_refused_with_400_naming_it_and_leaves_no_event() {
        String id = given.aRegisteredCase();

        assertInvalid(leavesNoEvent(id, () ->
                api.as("supervisor1").command(id, "review", acceptedReview("BRANCH").without("outcome"))), "outcome");
        assertInvalid(leavesNoEvent(id, () ->
                api.as("supervisor1").command(id, "review", acceptedReview("BRANCH").without("handlingLevel"))), "handlingLevel");
    }

    @Test
    void a_feedback_score_outside_1_to_5_is_refused_with_400_on_score_and_leaves_no_event() {
        String id = given.aResolvedCase();

        assertInvalid(leavesNoEvent(id, () -> api.as("handler1").command(id, "feedback", feedback(6))), "score");
        assertInvalid(leavesNoEvent(id, () -> api.as("handler1").command(id, "feedback", feedback(0))), "score");
        assertInvalid(leavesNoEvent(id, () -> api.as("handler1").command(id, "feedback", feedback(5).with("score", "five"))), "score");
    }

    @Test
    void a_negative_compensation_is_refused_with_400_on_its_amount_and_leaves_no_event() {
        String id = given.aCaseReadyForResolution();

        ApiReply reply = leavesNoEvent(id, () ->
                api.as("handler1").command(id, "resolution", resolutionWithCompensation("-100.00", "CNY")));

        assertInvalid(reply, "compensation.amount");
    }

    @Test
    void a_compensation_in_an_unknown_currency_or_with_a_non_numeric_amount_is_refused_with_400_and_leaves_no_event() {
        String id = given.aCaseReadyForResolution();

        assertInvalid(leavesNoEvent(id, () ->
                api.as("handler1").command(id, "resolution", resolutionWithCompensation("100.00", "XYZ"))), "compensation.currency");
        assertInvalid(leavesNoEvent(id, () ->
                api.as("handler1").command(id, "resolution", resolutionWithCompensation("a lot", "CNY"))), "compensation.amount");
    }

    @Test
    void a_fractional_feedback_score_is_refused_with_400_on_score_rather_than_rounded_and_leaves_no_event() {
        String id = given.aResolvedCase();

        assertInvalid(leavesNoEvent(id, () -> api.as("handler1").command(id, "feedback", feedback(4).with("score", 4.5))), "score");
    }

    @Test
    void a_fractional_number_of_extension_days_is_refused_with_400_on_days_rather_than_truncated_and_leaves_no_event() {
        String id = given.aRegisteredCase();

        assertInvalid(leavesNoEvent(id, () -> api.as("supervisor1").command(id, "deadline-extension",
                CommandBodies.deadlineExtension(2).with("days", 2.7))), "days");
    }

    @Test
    void an_invalid_transfer_unit_is_refused_with_400_naming_the_to_unit_field_and_leaves_no_event() {
        String id = given.aRegisteredCase();

        assertInvalid(leavesNoEvent(id, () -> api.as("supervisor1").command(id, "transfer",
                CommandBodies.transferTo("not a unit"))), "toUnit");
    }

    @Test
    void an_invalid_customer_id_is_refused_with_400_naming_the_customer_customer_id_field() {
        Registration registration = aRegistration().withNewId();

        assertInvalid(api.as("intake1").register(registration.body().with("customer.customerId", "C 1001!")),
                "customer.customerId");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_received_at_that_is_not_an_iso_instant_in_utc_is_refused_with_400_on_received_at() {
        Registration registration = aRegistration().withNewId();

        assertInvalid(api.as("intake1").register(registration.body().with("receivedAt", "2026-11-20T09:15:00")), "receivedAt");
        assertInvalid(api.as("intake1").register(registration.body().with("receivedAt", "yesterday")), "receivedAt");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_case_id_that_is_not_a_uuid_is_refused_with_400() {
        assertInvalid(api.as("supervisor1").command("not-a-uuid", "review", acceptedReview("BRANCH")), "id");
    }

    @Test
    void a_malformed_if_match_is_refused_with_400_and_leaves_no_event() {
        String id = given.aRegisteredCase();

        assertInvalid(leavesNoEvent(id, () -> api.as("supervisor1").ifMatchHeader("\"latest\"")
                .command(id, "review", acceptedReview("BRANCH"))), "If-Match");
        assertInvalid(leavesNoEvent(id, () -> api.as("supervisor1").ifMatchHeader("W/\"0\"")
                .command(id, "review", acceptedReview("BRANCH"))), "If-Match");
    }

    // ---- 401: not authenticated ----

    @Test
    void a_request_without_credentials_is_refused_with_401_unauthenticated_and_registers_nothing() {
        Registration registration = aRegistration().withNewId();

        ApiReply reply = api.anonymous().register(registration.body());

        assertProblem(reply, 401, "UNAUTHENTICATED");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_wrong_password_is_refused_with_401_unauthenticated_and_leaves_no_event() {
        Registration registration = aRegistration().withNewId();
        assertProblem(api.as("intake1").withPassword("not-the-password").register(registration.body()), 401, "UNAUTHENTICATED");
        assertNothingRecordedFor(registration.id());

        String id = given.aRegisteredCase();
        assertProblem(leavesNoEvent(id, () -> api.as("supervisor1").withPassword("guess")
                .command(id, "review", acceptedReview("BRANCH"))), 401, "UNAUTHENTICATED");
    }

    @Test
    void an_unknown_user_is_refused_with_401_unauthenticated() {
        assertProblem(api.as("mallory").register(aRegistration().body()), 401, "UNAUTHENTICATED");
    }

    // ---- 403: not allowed for this role ----

    @Test
    void an_analyst_may_not_register_a_complaint_and_is_refused_with_403_even_with_an_empty_body() {
        assertProblem(api.as("analyst1").register(null), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.as("analyst1").register("{}"), 403, "ROLE_NOT_ALLOWED");

        Registration registration = aRegistration().withNewId();
        assertProblem(api.as("analyst1").register(registration.body()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.as("compliance1").register(registration.body()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.as("regulator1").register(registration.body()), 403, "ROLE_NOT_ALLOWED");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_role_the_contract_does_not_name_for_a_command_is_refused_with_403_and_leaves_no_event() {
        String id = given.aRegisteredCase();

        assertProblem(leavesNoEvent(id, () -> api.as("intake1").command(id, "review", acceptedReview("BRANCH"))),
                403, "ROLE_NOT_ALLOWED");
        assertProblem(leavesNoEvent(id, () -> api.as("handler1").command(id, "assign", assignmentTo("handler1"))),
                403, "ROLE_NOT_ALLOWED");
        assertProblem(leavesNoEvent(id, () -> api.as("analyst1").command(id, "escalate", escalation("SLA_BREACH"))),
                403, "ROLE_NOT_ALLOWED");
        assertProblem(leavesNoEvent(id, () -> api.as("regulator1").command(id, "withdraw", "{}")),
                403, "ROLE_NOT_ALLOWED");
    }

    @Test
    void a_handler_who_does_not_handle_the_case_is_refused_with_403_not_assigned_handler_and_leaves_no_event() {
        String id = given.aCaseHandledBy("handler1");

        assertProblem(leavesNoEvent(id, () -> api.as("handler2").command(id, "evidence", evidence())),
                403, "NOT_ASSIGNED_HANDLER");
    }

    // ---- 404: unknown case ----

    @Test
    void a_command_for_an_unknown_case_is_refused_with_404_complaint_not_found_and_creates_nothing() {
        String unknown = UUID.randomUUID().toString();

        assertProblem(api.as("supervisor1").command(unknown, "review", acceptedReview("BRANCH")), 404, "COMPLAINT_NOT_FOUND")
                .withDetailContaining(unknown);
        assertProblem(api.as("intake1").command(unknown, "withdraw", CommandBodies.withdrawal()), 404, "COMPLAINT_NOT_FOUND");
        assertNothingRecordedFor(unknown);
    }

    // ---- 409: the case's state does not allow it ----

    @Test
    void a_command_on_a_closed_case_is_refused_with_409_complaint_closed_and_leaves_no_event() {
        String id = given.aClosedCase();

        assertProblem(leavesNoEvent(id, () -> api.as("handler1").command(id, "evidence", evidence())), 409, "COMPLAINT_CLOSED");
        assertProblem(leavesNoEvent(id, () -> api.as("supervisor1").command(id, "escalate", escalation("SLA_BREACH"))),
                409, "COMPLAINT_CLOSED");
    }

    @Test
    void a_command_the_status_does_not_allow_is_refused_with_409_invalid_status_and_leaves_no_event() {
        String id = given.aRegisteredCase();

        assertProblem(leavesNoEvent(id, () -> api.as("supervisor1").command(id, "close", closing())), 409, "INVALID_STATUS")
                .withDetailContaining("REGISTERED");
        assertProblem(leavesNoEvent(id, () -> api.as("supervisor1").command(id, "compensation-approval",
                compensationDecision(true))), 409, "INVALID_STATUS");
    }

    @Test
    void registering_the_same_request_twice_under_one_id_answers_201_with_the_same_version_and_records_one_event() {
        Registration registration = aRegistration().withNewId();
        JsonBody body = registration.body();

        ApiReply first = api.as("intake1").register(body);
        ApiReply second = api.as("intake1").register(body);

        for (ApiReply reply : new ApiReply[] {first, second}) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            assertThat(reply.complaintId()).isEqualTo(registration.id());
            assertThat(reply.version()).isZero();
            assertThat(reply.etag()).isEqualTo("\"0\"");
            assertThat(reply.header("Location")).endsWith("/api/cases/" + registration.id());
        }
        assertThat(app.eventCount(registration.id())).isEqualTo(1);
    }

    @Test
    void registering_the_same_late_entry_twice_answers_201_with_its_version_1_both_times_and_records_two_events() {
        Registration registration = aRegistration().withNewId().receivedHoursAgo(30)
                .enteredLateBecause("the letter arrived after a public holiday");
        JsonBody body = registration.body();

        ApiReply first = api.as("intake1").register(body);
        ApiReply second = api.as("intake1").register(body);

        for (ApiReply reply : new ApiReply[] {first, second}) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            assertThat(reply.version()).as("%s", reply).isEqualTo(1);
            assertThat(reply.etag()).as("%s", reply).isEqualTo("\"1\"");
        }
        assertThat(app.eventCount(registration.id())).isEqualTo(2);
    }

    @Test
    void registering_different_content_under_an_existing_id_is_refused_with_409_duplicate_complaint_id_and_leaves_no_event() {
        Registration registration = aRegistration().withNewId();
        ok201(api.as("intake1").register(registration.body()));

        ApiReply reply = leavesNoEvent(registration.id(), () ->
                api.as("intake1").register(registration.describedAs("A different story altogether.").body()));

        assertProblem(reply, 409, "DUPLICATE_COMPLAINT_ID");
    }

    // ---- 412: stale If-Match ----

    @Test
    void a_stale_if_match_is_refused_with_412_and_leaves_no_event() {
        String id = given.aRegisteredCase();
        ok(api.as("supervisor1").ifMatch(0).command(id, "review", acceptedReview("BRANCH")));

        ApiReply reply = leavesNoEvent(id, () ->
                api.as("supervisor1").ifMatch(0).command(id, "assign", assignmentTo("handler1")));

        ProblemAssertions problem = assertProblem(reply, 412, "VERSION_MISMATCH");
        assertThat(problem.problem().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(reply.etag()).isEqualTo("\"1\"");
    }

    @Test
    void an_if_match_naming_a_version_the_case_has_not_reached_is_refused_with_412_and_leaves_no_event() {
        String id = given.aRegisteredCase();

        ApiReply reply = leavesNoEvent(id, () ->
                api.as("supervisor1").ifMatch(7).command(id, "review", acceptedReview("BRANCH")));

        assertProblem(reply, 412, "VERSION_MISMATCH");
    }

    // ---- 422: a business rule refused it ----

    @Test
    void a_registration_entered_more_than_24_hours_after_receipt_without_a_reason_is_refused_with_422_late_entry_reason_required() {
        Registration registration = aRegistration().withNewId().receivedHoursAgo(25);

        assertProblem(api.as("intake1").register(registration.body()), 422, "LATE_ENTRY_REASON_REQUIRED");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_registration_received_in_the_future_is_refused_with_422_received_in_future() {
        Registration registration = aRegistration().withNewId().receivedHoursAgo(-2);

        assertProblem(api.as("intake1").register(registration.body()), 422, "RECEIVED_IN_FUTURE");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_subcategory_of_another_category_is_refused_with_422_subcategory_mismatch() {
        Registration registration = aRegistration().withNewId().classifiedAs("SPECIAL_GROUPS", "WRONG_FEE", "FEES");

        assertProblem(api.as("intake1").register(registration.body()), 422, "SUBCATEGORY_MISMATCH");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void assigning_someone_who_is_not_a_handler_is_refused_with_422_unknown_handler_and_leaves_no_event() {
        String id = given.aRegisteredCase();
        ok(api.as("supervisor1").command(id, "review", acceptedReview("BRANCH")));

        assertProblem(leavesNoEvent(id, () -> api.as("supervisor1").command(id, "assign", assignmentTo("supervisor2"))),
                422, "UNKNOWN_HANDLER");
        assertProblem(leavesNoEvent(id, () -> api.as("supervisor1").command(id, "assign", assignmentTo("nobody"))),
                422, "UNKNOWN_HANDLER");
    }

    /**
     * Only handlers propose and only supervisors approve, so with the demo users the proposer and the
     * approver are always different people. The rule still matters when a person's role changes: a
     * handler promoted to supervisor may not approve the compensation they proposed on their own case.
     */
    @Test
    void a_supervisor_may_not_approve_compensation_they_proposed_as_the_handler_and_is_refused_with_422_four_eyes_required() {
        String id = given.aCaseReadyForResolutionBy(PROMOTED_USER, Api.DEMO_PASSWORD);
        ok(api.as(PROMOTED_USER).command(id, "resolution", resolutionWithCompensation("800.00", "CNY")));

        String newPassword = "promoted-" + UUID.randomUUID();
        app.bean(InMemoryUserDetailsManager.class).updateUser(
                User.withUsername(PROMOTED_USER).password("{noop}" + newPassword).roles("SUPERVISOR").build());

        ApiReply reply = leavesNoEvent(id, () -> api.as(PROMOTED_USER).withPassword(newPassword)
                .command(id, "compensation-approval", compensationDecision(true)));

        assertProblem(reply, 422, "FOUR_EYES_REQUIRED");
        ok(api.as("supervisor2").command(id, "compensation-approval", compensationDecision(true)));
    }

    // ---- refused below the controllers: by the servlet container, the firewall, the error dispatch ----

    @Test
    void a_path_the_servlet_container_cannot_decode_is_refused_with_a_problem_not_the_containers_html_page() {
        for (String path : List.of("/api/cases/%00", "/api/cases/%2F", "/api/cases/%2f/history")) {
            assertProblem(raw("GET", path), 400, "MALFORMED_REQUEST");
        }
    }

    @Test
    void a_path_the_firewall_rejects_is_refused_with_400_malformed_path_and_does_not_echo_it() {
        for (String path : List.of("/api/cases/..;/open", "/api/%2e%2e/cases/open", "/api/cases;jsessionid=1/open",
                "//api/cases/open")) {
            ApiReply reply = raw("GET", path);
            assertProblem(reply, 400, "MALFORMED_PATH");
            assertThat(reply.body()).as("%s", reply).doesNotContain("jsessionid", "..;", "%2e");
        }
    }

    @Test
    void a_method_no_endpoint_has_is_refused_with_405_method_not_allowed_as_a_problem() {
        assertProblem(raw("TRACE", "/api/cases/open"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void an_instant_parameter_beyond_the_year_9999_is_refused_with_400_on_that_parameter() {
        for (String path : List.of("/api/metrics/satisfaction?from=%2B1000000000-01-01T00:00:00Z",
                "/api/metrics/volume?to=%2B10000-01-01T00:00:00Z",
                "/api/cases/" + UUID.randomUUID() + "?asOf=%2B1000000000-01-01T00:00:00Z")) {
            ApiReply reply = api.as("supervisor1").get(path);
            assertInvalid(reply, path.contains("from=") ? "from" : path.contains("to=") ? "to" : "asOf");
        }
    }

    // ---- helpers ----

    /** A request exactly as written: the path is neither resolved nor normalised on the way. */
    private static ApiReply raw(String method, String path) {
        String description = method + " " + path;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(api.base() + path))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    ("compliance1:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ApiReply(description, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(description, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(description, e);
        }
    }

    /** Sends the request and checks the case's event stream did not grow. */
    private static ApiReply leavesNoEvent(String id, Supplier<ApiReply> request) {
        int before = app.eventCount(id);
        assertThat(before).as("events of case %s before the request", id).isPositive();
        ApiReply reply = request.get();
        assertThat(app.eventCount(id)).as("events of case %s after %s", id, reply).isEqualTo(before);
        return reply;
    }

    private static void assertNothingRecordedFor(String id) {
        assertThat(app.eventCount(id)).as("events recorded for %s", id).isZero();
    }

    private static void ok201(ApiReply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }
}
