package com.complaintcase.standalone;

import com.complaintcase.command.complaint.Complaint;
import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.ComplaintPutOnHold;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReopened;
import com.complaintcase.events.complaint.ComplaintResumed;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.ComplaintTransferred;
import com.complaintcase.events.complaint.ComplaintWithdrawn;
import com.complaintcase.events.complaint.CustomerContacted;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineExtended;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.events.complaint.EvidenceAttached;
import com.complaintcase.events.complaint.FeedbackRecorded;
import com.complaintcase.events.complaint.FindingsRecorded;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.events.complaint.ResolutionAccepted;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.values.Actor;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.SlaClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import com.complaintcase.query.returns.ReturnFactsProbe;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.complaintcase.integrity.CanonicalEventForm;
import com.complaintcase.integrity.CanonicalJson;
import com.complaintcase.integrity.HashChain;
import com.complaintcase.integrity.StoredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.List;

import static com.complaintcase.standalone.CommandBodies.acceptedReview;
import static com.complaintcase.standalone.CommandBodies.assignmentTo;
import static com.complaintcase.standalone.CommandBodies.closing;
import static com.complaintcase.standalone.CommandBodies.compensationDecision;
import static com.complaintcase.standalone.CommandBodies.compensationPayment;
import static com.complaintcase.standalone.CommandBodies.contactByPhone;
import static com.complaintcase.standalone.CommandBodies.customerResponse;
import static com.complaintcase.standalone.CommandBodies.deadlineExtension;
import static com.complaintcase.standalone.CommandBodies.escalation;
import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.CommandBodies.feedback;
import static com.complaintcase.standalone.CommandBodies.findings;
import static com.complaintcase.standalone.CommandBodies.reopening;
import static com.complaintcase.standalone.CommandBodies.resolutionWithCompensation;
import static com.complaintcase.standalone.CommandBodies.resolutionWithoutCompensation;
import static com.complaintcase.standalone.CommandBodies.transferTo;
import static com.complaintcase.standalone.CommandBodies.withdrawal;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static com.complaintcase.standalone.TrackedCase.bySystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The standalone application end to end, over real HTTP: cases taken through their whole life, then
 * the application restarted on the same H2 data directory to prove every event was stored, in order,
 * with who did it, and that the cases reload into the state they were left in.
 * <p>
 * The tests run in order and share the cases they build: the restart tests check what the earlier
 * ones did.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplaintLifecycleEndToEndTest {

    private static final String REVIEW_CORRELATION_ID = "e2e-review-correlation-1";

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static TrackedCase compensatedCase;
    private static TrackedCase movedCase;
    private static TrackedCase withdrawnCase;
    private static boolean restarted;
    private static String filingId;
    /** Snapshots are taken often, so that reloading after the restart also goes through a snapshot. */
    private static final String SNAPSHOT_EVERY_FEW_EVENTS = "--complaints.snapshots.threshold=3";

    @BeforeAll
    static void startTheApplication() {
        app = RunningApplication.start(dataDir, SNAPSHOT_EVERY_FEW_EVENTS);
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void a_complaint_goes_from_registration_through_approved_compensation_to_closure_and_after_reopening_to_closure_again() {
        compensatedCase = TrackedCase.registered(
                app.api().as("intake1").register(aRegistration().askingFor("COMPENSATION", "300.00")
                        // a customer of its own: the default customer's later complaints are no repeat complaints
                        .forCustomer("C-2002", "Sun Mei", "+86 138 0000 2002", "sun.mei@example.cn").body()),
                "intake1", ComplaintRegistered.class);
        assertThat(compensatedCase.version()).isZero();

        TrackedCase c = compensatedCase;
        c.accepted(app.api().as("supervisor1").ifMatch(c.version()).correlationId(REVIEW_CORRELATION_ID)
                        .command(c.id(), "review", acceptedReview("BRANCH")),
                "supervisor1", 200, REVIEW_CORRELATION_ID, ComplaintReviewed.class);
        stepIfMatch(c, "supervisor1", "assign", assignmentTo("handler1"), HandlerAssigned.class);
        // the first contact meets its clock in the same command; the first proposal meets the branch's reply
        // (accepted at branch level) and the resolution clock
        step(c, "handler1", "contacts", contactByPhone(), CustomerContacted.class, DeadlineMet.class);
        step(c, "handler1", "evidence", evidence(), EvidenceAttached.class);
        step(c, "handler1", "findings", findings(), FindingsRecorded.class);
        stepIfMatch(c, "handler1", "resolution", resolutionWithCompensation("300.00", "CNY"), ResolutionProposed.class,
                DeadlineMet.class, DeadlineMet.class);

        assertProblem(app.api().as("handler1").command(c.id(), "customer-response", customerResponse(true)),
                422, "COMPENSATION_NOT_APPROVED");

        // four eyes: handler1 proposed and handles the case; supervisor2 is a second person
        stepIfMatch(c, "supervisor2", "compensation-approval", compensationDecision(true), CompensationApproved.class);
        step(c, "handler1", "customer-response", customerResponse(true), ResolutionAccepted.class);
        step(c, "handler1", "compensation-payment", compensationPayment("300.00", "CNY"), CompensationPaid.class);
        step(c, "handler1", "feedback", feedback(5), FeedbackRecorded.class);
        stepIfMatch(c, "handler1", "close", closing(), ComplaintClosed.class);

        stepIfMatch(c, "intake1", "reopen", reopening(), ComplaintReopened.class);
        assertProblem(app.api().as("supervisor1").command(c.id(), "close", closing()), 409, "INVALID_STATUS")
                .withDetailContaining("IN_PROGRESS");
        step(c, "handler1", "findings", findings(), FindingsRecorded.class);
        // the resolution clock was met by the first proposal: a second one meets nothing
        step(c, "handler1", "resolution", resolutionWithoutCompensation(), ResolutionProposed.class);
        step(c, "handler1", "customer-response", customerResponse(true), ResolutionAccepted.class);
        stepIfMatch(c, "supervisor1", "close", closing(), ComplaintClosed.class);

        assertThat(c.version()).isEqualTo(19);
        assertThat(app.eventCount(c.id())).isEqualTo(20);
        List<DomainEventMessage<?>> events = app.events(c.id());
        ComplaintRegistered registered = (ComplaintRegistered) events.get(0).getPayload();
        DeadlineMet contactMet = (DeadlineMet) events.get(4).getPayload();
        DeadlineMet branchReplyMet = (DeadlineMet) events.get(8).getPayload();
        DeadlineMet resolutionMet = (DeadlineMet) events.get(9).getPayload();
        assertThat(branchReplyMet.clock()).isEqualTo(SlaClock.BRANCH_REPLY);
        assertThat(branchReplyMet.deadlineId())
                .isEqualTo(((com.complaintcase.events.complaint.ComplaintReviewed) events.get(1).getPayload()).branchReply().deadlineId());
        assertThat(contactMet.clock()).isEqualTo(SlaClock.FIRST_CONTACT);
        assertThat(contactMet.deadlineId()).isEqualTo(deadlineOf(registered, SlaClock.FIRST_CONTACT).deadlineId());
        assertThat(contactMet.dueAt()).isEqualTo(deadlineOf(registered, SlaClock.FIRST_CONTACT).dueAt());
        assertThat(contactMet.metAt()).isEqualTo(((CustomerContacted) events.get(3).getPayload()).contactedAt());
        assertThat(resolutionMet.clock()).isEqualTo(SlaClock.RESOLUTION);
        assertThat(resolutionMet.deadlineId()).isEqualTo(deadlineOf(registered, SlaClock.RESOLUTION).deadlineId());
        assertThat(resolutionMet.metAt()).isBefore(resolutionMet.dueAt());
        assertThat(events.stream().map(event -> event.getPayloadType().getSimpleName()).toList())
                .doesNotContain(DeadlineBreached.class.getSimpleName());
    }

    @Test
    @Order(2)
    void a_complaint_can_be_transferred_escalated_and_given_a_longer_deadline() {
        // a media threat: the system escalates the case to the first-level branch as it is registered
        movedCase = TrackedCase.registered(
                app.api().as("intake1").register(aRegistration().withNewId().withMediaThreat()
                        .classifiedAs("HARDWARE_AND_CHANNELS", "ATM_OR_SELF_SERVICE", "TECHNICAL").body()),
                "intake1", ComplaintRegistered.class, bySystem(ComplaintEscalated.class));
        assertThat(movedCase.version()).isEqualTo(1);

        TrackedCase c = movedCase;
        // each transfer meets the forward clock; the receiving unit's assignment meets its start-work clock
        stepIfMatch(c, "supervisor1", "transfer", transferTo("BR-0200"), ComplaintTransferred.class, DeadlineMet.class);
        step(c, "supervisor2", "review", acceptedReview("FIRST_LEVEL_BRANCH"), ComplaintReviewed.class);
        step(c, "supervisor2", "assign", assignmentTo("handler2"), HandlerAssigned.class, DeadlineMet.class);
        stepIfMatch(c, "handler2", "escalate", escalation("MEDIA_THREAT"), ComplaintEscalated.class);
        stepIfMatch(c, "supervisor1", "deadline-extension", deadlineExtension(10), DeadlineExtended.class);
        step(c, "handler2", "transfer", transferTo("BR-0300"), ComplaintTransferred.class, DeadlineMet.class);

        // the transfer took the case away from handler2
        assertProblem(app.api().as("handler2").command(c.id(), "contacts", contactByPhone()), 403, "NOT_ASSIGNED_HANDLER");
        assertThat(app.eventCount(c.id())).isEqualTo(11);

        ComplaintEscalated onRegistration = (ComplaintEscalated) app.events(c.id()).get(1).getPayload();
        assertThat(onRegistration.reason()).isEqualTo(EscalationReason.MEDIA_THREAT);
        assertThat(onRegistration.toLevel()).isEqualTo(HandlingLevel.FIRST_LEVEL_BRANCH);
        assertThat(onRegistration.by()).isEqualTo(Actor.SYSTEM);
        ComplaintEscalated escalated = (ComplaintEscalated) app.events(c.id()).get(7).getPayload();
        assertThat(escalated.fromLevel()).isEqualTo(HandlingLevel.FIRST_LEVEL_BRANCH);
        assertThat(escalated.toLevel()).isEqualTo(HandlingLevel.HEAD_OFFICE);
        DeadlineExtended extended = (DeadlineExtended) app.events(c.id()).get(8).getPayload();
        assertThat(extended.newDueAt()).isEqualTo(extended.previousDueAt().plus(java.time.Duration.ofDays(10)));
        DeadlineSet resolution = deadlineOf((ComplaintRegistered) app.events(c.id()).get(0).getPayload(), SlaClock.RESOLUTION);
        assertThat(extended.previousDueAt()).isEqualTo(resolution.dueAt());
        assertThat(extended.previousDeadlineId()).as("the deadline replaced").isEqualTo(resolution.deadlineId());
        assertThat(extended.deadlineId()).as("the deadline scheduled instead").isNotBlank()
                .isNotEqualTo(resolution.deadlineId());
    }

    @Test
    @Order(3)
    void a_complaint_entered_late_with_a_reason_records_two_events_and_once_withdrawn_cannot_be_reopened() {
        withdrawnCase = TrackedCase.registered(
                app.api().as("intake1").register(aRegistration().receivedHoursAgo(30)
                        .enteredLateBecause("the letter reached the branch after the weekend").body()),
                "intake1", ComplaintRegistered.class, ComplaintEnteredLate.class);
        assertThat(withdrawnCase.version()).isEqualTo(1);

        stepIfMatch(withdrawnCase, "intake1", "withdraw", withdrawal(), ComplaintWithdrawn.class);

        assertProblem(app.api().as("supervisor1").command(withdrawnCase.id(), "reopen", reopening()),
                409, "COMPLAINT_WITHDRAWN");
        assertThat(app.eventCount(withdrawnCase.id())).isEqualTo(3);
    }

    @Test
    @Order(4)
    void after_a_restart_every_event_is_stored_in_order_with_the_acting_user_role_and_correlation() {
        assumeTrue(compensatedCase != null && movedCase != null && withdrawnCase != null, "the cases were built");
        restart();

        for (TrackedCase tracked : List.of(compensatedCase, movedCase, withdrawnCase)) {
            assertStoredAsTracked(tracked);
        }

        List<DomainEventMessage<?>> events = app.events(compensatedCase.id());
        assertThat(events.get(1).getMetaData().get("correlationId")).isEqualTo(REVIEW_CORRELATION_ID);
        CompensationApproved approval = (CompensationApproved) events.get(10).getPayload();
        assertThat(approval.proposedBy()).isEqualTo("handler1");
        assertThat(approval.by().userId()).isEqualTo("supervisor2");
        assertThat(approval.amount().amount()).isEqualByComparingTo("300.00");
        ComplaintRegistered registered = (ComplaintRegistered) events.get(0).getPayload();
        assertThat(registered.by().userId()).isEqualTo("intake1");

        assertThat(app.loadingStart(compensatedCase.id()).getPayloadType())
                .as("the case is loaded from a snapshot, taken every few events")
                .isEqualTo(Complaint.class);

        List<DomainEventMessage<?>> late = app.events(withdrawnCase.id());
        assertThat(late.get(1).getMetaData().get("causationId"))
                .as("both registration events are caused by the one command")
                .isEqualTo(late.get(0).getMetaData().get("causationId"));
    }

    @Test
    @Order(5)
    void after_a_restart_the_cases_accept_their_next_command_at_the_reloaded_version_and_still_enforce_their_state() {
        assumeTrue(compensatedCase != null && movedCase != null && withdrawnCase != null, "the cases were built");
        if (!restarted) {
            restart();
        }

        TrackedCase closed = compensatedCase;
        ApiReply stale = app.api().as("intake1").ifMatch(closed.version() - 1).command(closed.id(), "feedback", feedback(4));
        assertProblem(stale, 412, "VERSION_MISMATCH");
        assertThat(stale.etag()).isEqualTo("\"" + closed.version() + "\"");
        stepIfMatch(closed, "intake1", "feedback", feedback(4), FeedbackRecorded.class);
        assertProblem(app.api().as("handler1").command(closed.id(), "feedback", feedback(5)), 409, "FEEDBACK_ALREADY_RECORDED");
        assertProblem(app.api().as("handler1").command(closed.id(), "evidence", evidence()), 409, "COMPLAINT_CLOSED");

        TrackedCase moved = movedCase;
        stepIfMatch(moved, "supervisor1", "escalate", escalation("SLA_BREACH"), ComplaintEscalated.class);
        assertProblem(app.api().as("supervisor1").command(moved.id(), "escalate", escalation("SLA_BREACH")),
                422, "ESCALATION_BEYOND_TOP_LEVEL");
        assertProblem(app.api().as("supervisor2").command(moved.id(), "deadline-extension", deadlineExtension(6)),
                422, "EXTENSION_BEYOND_POLICY");
        step(moved, "supervisor2", "deadline-extension", deadlineExtension(5), DeadlineExtended.class);

        assertProblem(app.api().as("intake1").command(withdrawnCase.id(), "withdraw", withdrawal()), 409, "COMPLAINT_WITHDRAWN");

        for (TrackedCase tracked : List.of(compensatedCase, movedCase, withdrawnCase)) {
            assertStoredAsTracked(tracked);
        }
        ComplaintEscalated top = (ComplaintEscalated) app.events(moved.id()).get(11).getPayload();
        assertThat(top.toLevel()).isEqualTo(HandlingLevel.REGULATOR_REPORTED);
        DeadlineExtended first = (DeadlineExtended) app.events(moved.id()).get(8).getPayload();
        DeadlineExtended second = (DeadlineExtended) app.events(moved.id()).get(12).getPayload();
        assertThat(second.previousDeadlineId()).as("the second extension replaces the deadline the first one scheduled")
                .isEqualTo(first.deadlineId());
        assertThat(second.previousDueAt()).isEqualTo(first.newDueAt());
    }

    @Test
    @Order(7)
    void a_case_put_on_hold_keeps_its_status_and_running_clocks_until_it_is_resumed() {
        TrackedCase held = TrackedCase.registered(app.api().as("intake1").register(aRegistration().withNewId()
                        .forCustomer("C-HOLD-0001", "Zhang Min", null, null)
                        .classifiedAs("PERSONNEL_SERVICE", "POOR_ATTITUDE", "SERVICE_ATTITUDE").body()),
                "intake1", ComplaintRegistered.class);
        step(held, "supervisor1", "review", acceptedReview("BRANCH"), ComplaintReviewed.class);
        step(held, "supervisor1", "assign", assignmentTo("handler1"), HandlerAssigned.class);

        stepIfMatch(held, "handler1", "hold", holding(), ComplaintPutOnHold.class);
        assertProblem(app.api().as("supervisor1").command(held.id(), "hold", holding()), 409, "INVALID_STATUS");
        JsonNode onHold = app.api().as("handler1").get("/api/cases/" + held.id() + "?minVersion=" + held.version()).json();
        assertThat(onHold.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(onHold.path("deadlines").findValuesAsText("state")).as("a hold pauses no clock")
                .isNotEmpty().allMatch(state -> state.equals("RUNNING") || state.equals("MET"));

        step(held, "supervisor1", "resume", resuming(), ComplaintResumed.class);
        assertProblem(app.api().as("handler1").command(held.id(), "resume", resuming()), 409, "INVALID_STATUS");
        assertStoredAsTracked(held);
    }

    @Test
    @Order(3)
    void a_registration_stored_before_products_loads_verifies_and_shows_under_the_unknown_product_and_a_filed_return_hashes_its_json() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        assertProblem(app.api().as("intake1").register(aRegistration().body().with("product", "NO_SUCH_PRODUCT")),
                422, "UNKNOWN_PRODUCT");
        String withProduct = app.api().as("intake1")
                .register(aRegistration().forCustomer("C-2090", "Zhou Lin", "+86 138 0000 2090", "zhou.lin@example.cn")
                        .body().with("product", "CREDIT_CARD")).complaintId();
        String oldShape = storeARegistrationOfTheOldShapeLike(withProduct);

        assertThat(app.api().as("compliance1").get("/api/cases/" + oldShape + "/verification").json().path("status").asText())
                .as("the hash chain covers the bytes as stored, not the upcast ones").isEqualTo("VALID");
        JsonNode unknown = app.api().as("regulator1")
                .get("/api/returns/fca-disp1?" + period + "&drill=UNKNOWN_PRODUCT.TERMS_AND_DISPUTED_SUMS_CHARGES.opened").json();
        assertThat(unknown.path("caseIds").toString()).contains(oldShape).doesNotContain(withProduct);
        JsonNode banking = app.api().as("analyst1")
                .get("/api/returns/fca-disp1?" + period + "&drill=BANKING_AND_CREDIT_CARDS.TERMS_AND_DISPUTED_SUMS_CHARGES.opened").json();
        assertThat(banking.path("caseIds").toString()).contains(withProduct);
        assertThat(app.api().as("supervisor1").get("/api/returns/fca-disp1.csv?" + period, "text/csv").body())
                .startsWith("grouping,cause,opened,").contains("UNKNOWN_PRODUCT,TERMS_AND_DISPUTED_SUMS_CHARGES,");

        ApiReply filing = app.api().as("compliance1").post("/api/returns/fca-disp1/filings",
                JsonBody.object().with("from", today.minusDays(1).toString()).with("to", today.plusDays(1).toString())
                        .with("note", "end-to-end filing"));
        assertThat(filing.status()).as("%s", filing).isEqualTo(201);
        filingId = filing.json().path("filingId").asText();
        ApiReply filed = app.api().as("regulator1").get("/api/returns/filings/" + filingId);
        assertThat(CanonicalJson.sha256(filed.body().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(filing.json().path("resultSha256").asText());
        assertThat(filed.body()).contains("\"asOfPosition\":" + filing.json().path("asOfPosition").asLong())
                .doesNotContain("Zhou Lin");
    }

    @Test
    @Order(5)
    void a_return_read_from_the_returns_facts_table_equals_the_return_read_from_the_events_alone() {
        ReturnFactsProbe probe = new ReturnFactsProbe(app.context());
        long head = probe.head();
        Eventually.await("the returns' facts complete to the head " + head, probe::factsCompleteTo,
                complete -> complete >= head);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = today.minusDays(30);
        LocalDate to = today.plusDays(1);
        Map<String, String> fromEvents = probe.returns(from, to, head, -1);
        assertThat(fromEvents.get("fca-disp1")).as("a return with cases in it").contains("\"opened\":");
        for (long factsUpTo : new long[]{head / 3, head / 2, head}) {
            assertThat(probe.returns(from, to, head, factsUpTo)).as("facts up to %d, then the events", factsUpTo)
                    .isEqualTo(fromEvents);
        }
        assertThat(probe.returns(from, to, head / 2, head)).as("as of an earlier position")
                .isEqualTo(probe.returns(from, to, head / 2, -1));
    }

    @Test
    @Order(6)
    void after_a_restart_the_filed_return_is_reproduced_from_the_same_events() {
        assumeTrue(filingId != null, "the return was filed");
        if (!restarted) {
            restart();
        }

        JsonNode check = app.api().as("compliance1").get("/api/returns/filings/" + filingId + "/check").json();

        assertThat(check.path("status").asText()).as("%s", check).isEqualTo("REPRODUCED");
        assertThat(check.path("reproducible").asBoolean()).isTrue();
    }

    @Test
    @Order(6)
    void after_the_projections_are_rebuilt_the_filed_return_is_reproduced_from_the_same_events() {
        assumeTrue(filingId != null, "the return was filed");
        for (String projection : List.of("returns", "cases")) {
            ApiReply started = app.api().as("compliance1").post("/api/admin/projections/" + projection + "/replay", null);
            assertThat(started.status()).as("%s", started).isEqualTo(202);
            Eventually.await("the rebuild of " + projection, () -> app.api().as("compliance1")
                            .get("/api/admin/projections/" + projection).json(),
                    progress -> "COMPLETED".equals(progress.path("state").asText()));
        }

        JsonNode check = app.api().as("compliance1").get("/api/returns/filings/" + filingId + "/check").json();

        assertThat(check.path("status").asText()).as("%s", check).isEqualTo("REPRODUCED");
        assertThat(check.path("reproducible").asBoolean()).isTrue();
    }

    // ---- helpers ----

    private static JsonBody holding() {
        return JsonBody.object().with("reason", "waiting for the branch's CCTV records");
    }

    private static JsonBody resuming() {
        return JsonBody.object().with("note", "the records arrived");
    }

    /**
     * A copy of {@code caseId}'s stored registration as a new case, in the shape stored before revision 2: without
     * {@code product} and without a revision, hash-chained as the application chains its events.
     */
    private static String storeARegistrationOfTheOldShapeLike(String caseId) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(app.bean(DataSource.class));
        Map<String, Object> row = jdbc.queryForMap("select payload, time_stamp from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 0", caseId);
        ObjectMapper json = new ObjectMapper();
        ObjectNode payload = (ObjectNode) json.readTree((byte[]) row.get("payload"));
        String oldId = UUID.randomUUID().toString();
        payload.remove("product");
        payload.put("complaintId", oldId);
        byte[] stored = json.writeValueAsBytes(payload);
        String eventId = UUID.randomUUID().toString();
        String timestamp = (String) row.get("time_stamp");
        String hash = HashChain.hashOf(CanonicalEventForm.GENESIS, new StoredEvent(eventId, oldId, 0,
                Instant.parse(timestamp), ComplaintRegistered.class.getName(), null, stored, "intake1", "INTAKE",
                "old-shape", "old-shape"));
        ObjectNode meta = json.createObjectNode().put("userId", "intake1").put("role", "INTAKE")
                .put("correlationId", "old-shape").put("causationId", "old-shape")
                .put("eventHash", hash).put("previousEventHash", CanonicalEventForm.GENESIS);
        jdbc.update("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                        + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                        + "values (nextval('domain_event_entry_seq'), ?, 0, 'Complaint', ?, ?, ?, null, ?, ?)",
                oldId, eventId, json.writeValueAsBytes(meta), stored, ComplaintRegistered.class.getName(), timestamp);
        return oldId;
    }

    private static DeadlineSet deadlineOf(ComplaintRegistered registered, SlaClock clock) {
        return registered.deadlines().stream().filter(deadline -> deadline.clock() == clock).findFirst()
                .orElseThrow(() -> new AssertionError("no " + clock + " deadline in " + registered));
    }

    private static void step(TrackedCase tracked, String user, String action, JsonBody body, Object... events) {
        tracked.accepted(app.api().as(user).command(tracked.id(), action, body), user, 200, null, events);
    }

    private static void stepIfMatch(TrackedCase tracked, String user, String action, JsonBody body, Object... events) {
        tracked.accepted(app.api().as(user).ifMatch(tracked.version()).command(tracked.id(), action, body),
                user, 200, null, events);
    }

    private static void restart() {
        app.close();
        app = null;
        app = RunningApplication.start(dataDir, SNAPSHOT_EVERY_FEW_EVENTS);
        restarted = true;
    }

    private static void assertStoredAsTracked(TrackedCase tracked) {
        List<DomainEventMessage<?>> stored = app.events(tracked.id());
        List<TrackedCase.ExpectedEvent> expected = tracked.expectedEvents();
        assertThat(stored.stream().map(event -> event.getPayloadType().getSimpleName()).toList())
                .as("event types of case %s", tracked.id())
                .containsExactlyElementsOf(expected.stream().map(event -> event.type().getSimpleName()).toList());
        for (int i = 0; i < stored.size(); i++) {
            DomainEventMessage<?> event = stored.get(i);
            TrackedCase.ExpectedEvent wanted = expected.get(i);
            String what = "event " + i + " (" + wanted.type().getSimpleName() + ") of case " + tracked.id();
            assertThat(event.getSequenceNumber()).as("sequence of %s", what).isEqualTo(i);
            assertThat(event.getAggregateIdentifier()).as("aggregate of %s", what).isEqualTo(tracked.id());
            assertThat(event.getMetaData().get("userId")).as("userId of %s", what).isEqualTo(wanted.userId());
            assertThat(event.getMetaData().get("role")).as("role of %s", what).isEqualTo(wanted.role());
            assertThat(event.getMetaData().get("correlationId")).as("correlationId of %s", what).isNotNull();
            assertThat(event.getMetaData().get("causationId")).as("causationId of %s", what).isNotNull();
            if (wanted.correlationId() != null) {
                assertThat(event.getMetaData().get("correlationId")).as("correlationId of %s", what)
                        .isEqualTo(wanted.correlationId());
            }
            ComplaintEvent payload = (ComplaintEvent) event.getPayload();
            assertThat(payload.complaintId().value()).as("payload id of %s", what).isEqualTo(tracked.id());
            assertThat(payload.by().userId()).as("payload actor of %s", what).isEqualTo(wanted.byUserId());
            assertThat(payload.by().role().name()).as("payload role of %s", what).isEqualTo(wanted.byRole());
            if (i > 0) {
                assertThat(event.getTimestamp()).as("timestamp of %s", what).isAfterOrEqualTo(stored.get(i - 1).getTimestamp());
            }
        }
        assertThat(stored).as("events of case %s", tracked.id()).hasSize((int) tracked.version() + 1);
    }
}
