package com.complaintcase.standalone;

import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.CustomerContacted;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.EvidenceAttached;
import com.complaintcase.events.complaint.FeedbackRecorded;
import com.complaintcase.events.complaint.FindingsRecorded;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.events.complaint.ResolutionAccepted;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.complaintcase.standalone.CommandBodies.acceptedReview;
import static com.complaintcase.standalone.CommandBodies.assignmentTo;
import static com.complaintcase.standalone.CommandBodies.closing;
import static com.complaintcase.standalone.CommandBodies.compensationDecision;
import static com.complaintcase.standalone.CommandBodies.contactByPhoneAt;
import static com.complaintcase.standalone.CommandBodies.customerResponse;
import static com.complaintcase.standalone.CommandBodies.escalation;
import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.CommandBodies.feedback;
import static com.complaintcase.standalone.CommandBodies.findings;
import static com.complaintcase.standalone.CommandBodies.resolutionWithCompensation;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/cases/{id}/history}: the audit trail of one case, taken through its whole life by
 * six users, ten minutes apart on the test's clock. Each command's answer, its {@code X-Correlation-Id}
 * and the clock around it are remembered, so every history entry can be checked against the step that
 * recorded it.
 */
class CaseHistoryEndToEndTest {

    private static final String REVIEW_CORRELATION_ID = "history-review-4711";
    private static final String LATE_ENTRY_REASON = "the letter was found in the branch mailbox after the holiday";

    @TempDir
    static Path dataDir;

    private static final MutableClock clock = new MutableClock();
    private static RunningApplication app;
    private static Api api;
    private static TrackedCase tracked;
    private static Registration registration;
    /** One per accepted command, in order. */
    private static final List<Step> steps = new ArrayList<>();

    /** What the test sent, who sent it, the correlation id the service answered with, and when. */
    private record Step(String action, String user, JsonBody body, String correlationId, Instant before, Instant after,
                        int events) {
    }

    @BeforeAll
    static void takeOneCaseThroughItsLife() {
        app = RunningApplication.start(dataDir, clock);
        api = app.api();

        // received 30 hours ago: six hours past the 24-hour entry limit, so the registration records two events
        registration = aRegistration().withNewId()
                .receivedAt(clock.instant().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS))
                .through("LETTER")
                .atBranch("BR-0404")
                .classifiedAs("PERSONNEL_SERVICE", "POOR_ATTITUDE", "SERVICE_ATTITUDE")
                .forCustomer("C-4711", "Chen Jing", "+86 137 1234 5678", "chen.jing@example.cn")
                .describedAs("The clerk shouted at me when I asked about the fee.")
                .askingFor("COMPENSATION", "300.00")
                .enteredLateBecause(LATE_ENTRY_REASON);
        Instant before = clock.instant();
        ApiReply registered = api.as("intake1").register(registration.body());
        tracked = TrackedCase.registered(registered, "intake1", ComplaintRegistered.class, ComplaintEnteredLate.class);
        steps.add(new Step("register", "intake1", registration.body(), registered.header("X-Correlation-Id"), before,
                clock.instant(), 2));

        step("supervisor1", "review", acceptedReview("BRANCH"), REVIEW_CORRELATION_ID, ComplaintReviewed.class);
        step("supervisor1", "assign", assignmentTo("handler1"), null, HandlerAssigned.class);
        // the first contact meets the first-contact clock, the proposal the resolution clock: two events each
        step("handler1", "contacts", contactByPhoneAt(clock.instant().minus(Duration.ofMinutes(3))), null,
                CustomerContacted.class, DeadlineMet.class);
        step("handler1", "evidence", evidence(), null, EvidenceAttached.class);
        step("handler1", "escalate", escalation("CUSTOMER_REQUEST"), null, ComplaintEscalated.class);
        step("handler1", "findings", findings(), null, FindingsRecorded.class);
        step("handler1", "resolution", resolutionWithCompensation("300.00", "CNY"), null, ResolutionProposed.class,
                DeadlineMet.class);
        step("supervisor2", "compensation-approval", compensationDecision(true), null, CompensationApproved.class);
        step("handler1", "customer-response", customerResponse(true), null, ResolutionAccepted.class);
        step("intake1", "feedback", feedback(4), null, FeedbackRecorded.class);
        step("supervisor2", "close", closing(), null, ComplaintClosed.class);
    }

    private static void step(String user, String action, JsonBody body, String correlationId, Object... events) {
        clock.advance(Duration.ofMinutes(10));
        Api.Caller caller = correlationId == null ? api.as(user) : api.as(user).correlationId(correlationId);
        Instant before = clock.instant();
        ApiReply reply = caller.command(tracked.id(), action, body);
        Instant after = clock.instant();
        tracked.accepted(reply, user, 200, correlationId, events);
        steps.add(new Step(action, user, body, reply.header("X-Correlation-Id"), before, after, events.length));
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_history_holds_every_event_of_the_case_in_order_with_sequence_numbers_from_zero_without_gaps() {
        JsonNode history = history("compliance1");
        List<TrackedCase.ExpectedEvent> expected = tracked.expectedEvents();

        assertThat(history).hasSize(expected.size());
        assertThat(expected).hasSize((int) tracked.version() + 1).hasSize(15);
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.path("type").asText()));
        assertThat(types).containsExactlyElementsOf(expected.stream().map(e -> e.type().getSimpleName()).toList());
        Set<String> eventIds = new HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).path("sequence").asLong()).as("sequence of entry %s", i).isEqualTo(i);
            assertThat(history.get(i).path("payload").path("complaintId").asText()).as("complaintId of entry %s", i)
                    .isEqualTo(tracked.id());
            String eventId = history.get(i).path("eventId").asText();
            assertThat(eventIds.add(eventId)).as("event id %s of entry %s is unique", eventId, i).isTrue();
        }
    }

    @Test
    void each_entry_names_the_user_and_role_that_took_the_step() {
        JsonNode history = history("compliance1");
        List<TrackedCase.ExpectedEvent> expected = tracked.expectedEvents();
        for (int i = 0; i < history.size(); i++) {
            JsonNode entry = history.get(i);
            TrackedCase.ExpectedEvent wanted = expected.get(i);
            String what = "entry " + i + " (" + wanted.type().getSimpleName() + ")";
            assertThat(entry.path("actor").path("userId").asText()).as("actor.userId of %s", what).isEqualTo(wanted.userId());
            assertThat(entry.path("actor").path("role").asText()).as("actor.role of %s", what).isEqualTo(wanted.role());
            assertThat(entry.path("payload").path("by").path("userId").asText()).as("payload.by of %s", what)
                    .isEqualTo(wanted.byUserId());
        }
        assertThat(entry(history, "CompensationApproved").path("actor").path("userId").asText())
                .as("four eyes: the approver is not the handler who proposed").isEqualTo("supervisor2");
    }

    @Test
    void each_entry_is_recorded_at_the_time_of_its_step_and_the_times_never_go_back() {
        JsonNode history = history("compliance1");
        int index = 0;
        Instant previous = Instant.MIN;
        for (Step step : steps) {
            for (int n = 0; n < step.events(); n++, index++) {
                Instant recordedAt = instant(history.get(index).path("recordedAt"));
                assertThat(recordedAt).as("recordedAt of entry %s (%s)", index, step.action())
                        .isBetween(step.before(), step.after())
                        .isAfterOrEqualTo(previous);
                previous = recordedAt;
            }
        }
        assertThat(index).isEqualTo(history.size());
    }

    @Test
    void each_entry_carries_the_correlation_id_of_the_request_that_caused_it_and_the_id_of_the_command_as_causation() {
        JsonNode history = history("compliance1");
        assertThat(steps.get(1).correlationId()).as("the service echoes the X-Correlation-Id it was sent")
                .isEqualTo(REVIEW_CORRELATION_ID);
        assertThat(entry(history, "ComplaintReviewed").path("correlationId").asText()).isEqualTo(REVIEW_CORRELATION_ID);

        int index = 0;
        Set<String> causations = new HashSet<>();
        for (Step step : steps) {
            String causation = history.get(index).path("causationId").asText();
            assertThat(causation).as("causationId of entry %s (%s)", index, step.action()).isNotBlank();
            assertThat(causations.add(causation)).as("each command causes its own events: %s", step.action()).isTrue();
            for (int n = 0; n < step.events(); n++, index++) {
                JsonNode entry = history.get(index);
                assertThat(step.correlationId()).as("X-Correlation-Id answered to %s", step.action()).isNotBlank();
                assertThat(entry.path("correlationId").asText()).as("correlationId of entry %s (%s)", index, step.action())
                        .isEqualTo(step.correlationId());
                assertThat(entry.path("causationId").asText()).as("causationId of entry %s (%s)", index, step.action())
                        .isEqualTo(causation)
                        .isNotEqualTo(entry.path("correlationId").asText())
                        .isNotEqualTo(entry.path("eventId").asText());
            }
        }
    }

    @Test
    void the_registration_entries_hold_what_was_sent_and_the_late_entry_says_by_how_much_and_why() {
        JsonNode history = history("compliance1");
        JsonNode registered = history.get(0).path("payload");
        JsonNode sent = registration.body().node();

        assertCarries(registered, sent, "receivedAt", "channel", "branchCode", "customer", "category", "subcategory",
                "rootIssue", "description", "requestedRemedy", "flags");
        assertThat(registered.path("customer").path("name").asText()).isEqualTo("Chen Jing");
        assertThat(registered.path("level").asText()).isEqualTo("BRANCH");
        Instant registeredAt = instant(registered.path("registeredAt"));
        assertThat(registeredAt).isBetween(steps.get(0).before(), steps.get(0).after());

        JsonNode late = history.get(1).path("payload");
        assertThat(late.path("reason").asText()).isEqualTo(LATE_ENTRY_REASON);
        Instant receivedAt = Instant.parse(sent.path("receivedAt").asText());
        assertThat(instant(late.path("receivedAt"))).isEqualTo(receivedAt);
        assertThat(Duration.parse(late.path("lateBy").asText()))
                .isEqualTo(Duration.between(receivedAt, registeredAt).minus(Duration.ofHours(24)));
    }

    @Test
    void each_lifecycle_entry_holds_the_fields_its_command_sent() {
        JsonNode history = history("compliance1");
        assertCarries(entry(history, "ComplaintReviewed").path("payload"), body("review"),
                "outcome", "businessLine", "handlingLevel", "note");
        assertCarries(entry(history, "HandlerAssigned").path("payload"), body("assign"), "handlerId");
        assertCarries(entry(history, "CustomerContacted").path("payload"), body("contacts"),
                "contactedAt", "method", "summary");
        assertCarries(entry(history, "EvidenceAttached").path("payload"), body("evidence"),
                "kind", "reference", "description");
        assertCarries(entry(history, "ComplaintEscalated").path("payload"), body("escalate"), "reason", "note");
        assertCarries(entry(history, "FindingsRecorded").path("payload"), body("findings"),
                "validity", "responsibility", "rootCause", "summary");
        assertCarries(entry(history, "ResolutionProposed").path("payload"), body("resolution"), "summary", "compensation");
        assertCarries(entry(history, "CompensationApproved").path("payload"), body("compensation-approval"), "note");
        assertCarries(entry(history, "ResolutionAccepted").path("payload"), body("customer-response"), "comment");
        assertCarries(entry(history, "FeedbackRecorded").path("payload"), body("feedback"), "score", "comment");
        assertCarries(entry(history, "ComplaintClosed").path("payload"), body("close"), "note");

        JsonNode registered = history.get(0).path("payload");
        JsonNode contactMet = history.get(5).path("payload");
        assertThat(history.get(5).path("type").asText()).isEqualTo("DeadlineMet");
        assertThat(contactMet.path("clock").asText()).isEqualTo("FIRST_CONTACT");
        assertThat(contactMet.path("deadlineId").asText()).as("the id the registration scheduled")
                .isNotBlank().isEqualTo(deadlineSet(registered, "FIRST_CONTACT").path("deadlineId").asText());
        assertThat(instant(contactMet.path("dueAt"))).isEqualTo(instant(deadlineSet(registered, "FIRST_CONTACT").path("dueAt")));
        assertThat(sameInstant(contactMet.path("metAt").asText(), body("contacts").path("contactedAt").asText()))
                .as("met when the contact took place: %s", contactMet).isTrue();
        JsonNode resolutionMet = history.get(10).path("payload");
        assertThat(history.get(10).path("type").asText()).isEqualTo("DeadlineMet");
        assertThat(resolutionMet.path("clock").asText()).isEqualTo("RESOLUTION");
        assertThat(resolutionMet.path("deadlineId").asText())
                .isEqualTo(deadlineSet(registered, "RESOLUTION").path("deadlineId").asText());
        Step proposal = steps.stream().filter(step -> step.action().equals("resolution")).findFirst().orElseThrow();
        assertThat(instant(resolutionMet.path("metAt"))).as("met when the resolution was proposed")
                .isBetween(proposal.before(), proposal.after());
        assertThat(resolutionMet.path("by").path("userId").asText()).isEqualTo("handler1");

        JsonNode escalated = entry(history, "ComplaintEscalated").path("payload");
        assertThat(escalated.path("fromLevel").asText()).isEqualTo("BRANCH");
        assertThat(escalated.path("toLevel").asText()).isEqualTo("FIRST_LEVEL_BRANCH");
        JsonNode approved = entry(history, "CompensationApproved").path("payload");
        assertThat(approved.path("proposedBy").asText()).isEqualTo("handler1");
        assertThat(new BigDecimal(approved.path("amount").path("amount").asText())).isEqualByComparingTo("300.00");
    }

    @Test
    void every_role_allowed_personal_data_reads_the_same_history_and_an_analyst_is_refused() {
        JsonNode compliance = history("compliance1");
        for (String user : List.of("intake1", "handler2", "supervisor1", "regulator1")) {
            ApiReply reply = api.as(user).get(historyPath(tracked.id()));
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            assertThat(reply.json()).as("history as %s", user).isEqualTo(compliance);
        }
        assertProblem(api.as("analyst1").get(historyPath(tracked.id())), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.anonymous().get(historyPath(tracked.id())), 401, "UNAUTHENTICATED");
    }

    @Test
    void the_history_of_an_unknown_case_is_404_complaint_not_found() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(api.as("compliance1").get(historyPath(unknown)), 404, "COMPLAINT_NOT_FOUND")
                .withDetailContaining(unknown);
    }

    // ---- helpers ----

    private static String historyPath(String complaintId) {
        return "/api/cases/" + complaintId + "/history";
    }

    private static JsonNode history(String user) {
        ApiReply reply = api.as(user).get(historyPath(tracked.id()));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().isArray()).as("%s", reply).isTrue();
        return reply.json();
    }

    private static JsonNode entry(JsonNode history, String type) {
        for (JsonNode entry : history) {
            if (entry.path("type").asText().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in " + history);
    }

    private static JsonNode deadlineSet(JsonNode registered, String clock) {
        for (JsonNode deadline : registered.path("deadlines")) {
            if (deadline.path("clock").asText().equals(clock)) {
                return deadline;
            }
        }
        throw new AssertionError("no " + clock + " deadline in " + registered);
    }

    private static JsonNode body(String action) {
        return steps.stream().filter(step -> step.action().equals(action)).findFirst().orElseThrow().body().node();
    }

    /** Each named field of the payload holds what was sent (instants and amounts compared by value). */
    private static void assertCarries(JsonNode payload, JsonNode sent, String... fields) {
        for (String field : fields) {
            assertSame(field, payload.path(field), sent.path(field), payload);
        }
    }

    private static void assertSame(String path, JsonNode actual, JsonNode sent, JsonNode payload) {
        if (sent.isObject()) {
            sent.fieldNames().forEachRemaining(name -> assertSame(path + "." + name, actual.path(name), sent.path(name), payload));
            return;
        }
        if (sent.isNull()) {
            assertThat(actual.isNull() || actual.isMissingNode()).as("%s of %s", path, payload).isTrue();
            return;
        }
        if (sent.isTextual() && actual.isTextual() && !sent.asText().equals(actual.asText())) {
            assertThat(sameInstant(sent.asText(), actual.asText()) || sameAmount(sent.asText(), actual.asText()))
                    .as("%s of %s: sent %s", path, payload, sent).isTrue();
            return;
        }
        assertThat(actual.asText()).as("%s of %s", path, payload).isEqualTo(sent.asText());
    }

    /** The same instant, to the microsecond: the precision the service keeps times in. */
    private static boolean sameInstant(String a, String b) {
        try {
            return Instant.parse(a).truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                    .equals(Instant.parse(b).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        } catch (DateTimeParseException notAnInstant) {
            return false;
        }
    }

    private static boolean sameAmount(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException notAnAmount) {
            return false;
        }
    }

    private static Instant instant(JsonNode value) {
        return Instant.parse(value.asText());
    }
}
