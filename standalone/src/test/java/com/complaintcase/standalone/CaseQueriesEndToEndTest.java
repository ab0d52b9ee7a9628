package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.complaintcase.standalone.CommandBodies.closing;
import static com.complaintcase.standalone.CommandBodies.feedback;
import static com.complaintcase.standalone.CommandBodies.findings;
import static com.complaintcase.standalone.CommandBodies.notAComplaintReview;
import static com.complaintcase.standalone.CommandBodies.withdrawal;
import static com.complaintcase.standalone.ProblemAssertions.assertInvalid;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side over real HTTP, against a store holding exactly thirteen cases built here: every
 * expected answer (open and overdue lists, filters, pages, metrics) is worked out by hand from the
 * table below and the steps in {@link #buildTheCases()}.
 * <p>
 * The cases, received ten minutes apart in the order A..M and registered one minute apart:
 * <pre>
 *  case category              branch  channel     what happened                                   ends as
 *  A    BUSINESS_ERROR        BR-0101 PHONE       registered only                                 REGISTERED          never contacted
 *  B    PERSONNEL_SERVICE     BR-0101 VISIT       accepted at BRANCH                              ACCEPTED            never contacted
 *  C    HARDWARE_AND_CHANNELS BR-0202 MOBILE_APP  accepted at FIRST_LEVEL_BRANCH, handler1        ASSIGNED            never contacted
 *  D    HARDWARE_AND_CHANNELS BR-0202 ONLINE      BRANCH, handler2, contacted                     IN_PROGRESS
 *  E    RULES_AND_POLICY      BR-0303 LETTER      BRANCH, handler1, contacted, findings           IN_PROGRESS
 *  F    BUSINESS_ERROR        BR-0101 EMAIL       handler1, resolved, feedback 5                  RESOLVED
 *  G    PERSONNEL_SERVICE     BR-0202 PHONE       handler2, resolved, feedback 2, closed          CLOSED
 *  H    SPECIAL_GROUPS        BR-0303 VISIT       handler1, resolved, feedback 4, closed          CLOSED
 *  I    BUSINESS_ERROR        BR-0303 ONLINE      handler2, resolved, feedback 3                  RESOLVED
 *  J    HARDWARE_AND_CHANNELS BR-0101 MOBILE_APP  handler1, resolved, feedback 5, closed          CLOSED
 *  K    RULES_AND_POLICY      BR-0202 PHONE       withdrawn                                       WITHDRAWN
 *  L    SPECIAL_GROUPS        BR-0101 REGULATOR   escalated on registration (outside channel),    ASSIGNED            never contacted
 *                                                 accepted at HEAD_OFFICE, handler2
 *  M    PERSONNEL_SERVICE     BR-0303 FAX         reviewed: not a complaint                       NOT_A_COMPLAINT
 * </pre>
 * Open: A B C D E F I L. After the clock is moved 40 hours on (about 54 hours after registration),
 * the open cases never contacted (A B C L) are past their 48-hour first-contact limit.
 */
class CaseQueriesEndToEndTest {

    private static final List<Complaint> COMPLAINTS = List.of(
            new Complaint("A", "BUSINESS_ERROR", "WRONG_FEE", "FEES", "BR-0101", "PHONE"),
            new Complaint("B", "PERSONNEL_SERVICE", "POOR_ATTITUDE", "SERVICE_ATTITUDE", "BR-0101", "VISIT"),
            new Complaint("C", "HARDWARE_AND_CHANNELS", "MOBILE_BANKING", "TECHNICAL", "BR-0202", "MOBILE_APP"),
            new Complaint("D", "HARDWARE_AND_CHANNELS", "ATM_OR_SELF_SERVICE", "TECHNICAL", "BR-0202", "ONLINE"),
            new Complaint("E", "RULES_AND_POLICY", "SERVICE_CHARGE", "FEES", "BR-0303", "LETTER"),
            new Complaint("F", "BUSINESS_ERROR", "OPERATION_ERROR", "OTHER", "BR-0101", "EMAIL"),
            new Complaint("G", "PERSONNEL_SERVICE", "UNFAMILIAR_WITH_BUSINESS", "SERVICE_ATTITUDE", "BR-0202", "PHONE"),
            new Complaint("H", "SPECIAL_GROUPS", "ELDERLY_OR_DISABLED", "SERVICE_ATTITUDE", "BR-0303", "VISIT"),
            new Complaint("I", "BUSINESS_ERROR", "SYSTEM_ERROR", "PRODUCT_INFORMATION", "BR-0303", "ONLINE"),
            new Complaint("J", "HARDWARE_AND_CHANNELS", "SMS_NOTIFICATION", "TECHNICAL", "BR-0101", "MOBILE_APP"),
            new Complaint("K", "RULES_AND_POLICY", "CASH_WITHDRAWAL_LIMIT", "OTHER", "BR-0202", "PHONE"),
            new Complaint("L", "SPECIAL_GROUPS", "VIP_OR_PRIVILEGED", "PRODUCT_INFORMATION", "BR-0101", "REGULATOR"),
            new Complaint("M", "PERSONNEL_SERVICE", "POOR_COMMUNICATION", "SERVICE_ATTITUDE", "BR-0303", "FAX"));

    /** The open cases and what the lists must say of each: status, level, handler. */
    private static final Map<String, Expected> OPEN = Map.of(
            "A", new Expected("REGISTERED", "BRANCH", null),
            "B", new Expected("ACCEPTED", "BRANCH", null),
            "C", new Expected("ASSIGNED", "FIRST_LEVEL_BRANCH", "handler1"),
            "D", new Expected("IN_PROGRESS", "BRANCH", "handler2"),
            "E", new Expected("IN_PROGRESS", "BRANCH", "handler1"),
            "F", new Expected("RESOLVED", "BRANCH", "handler1"),
            "I", new Expected("RESOLVED", "BRANCH", "handler2"),
            "L", new Expected("ASSIGNED", "HEAD_OFFICE", "handler2"));

    private static final Duration FIRST_CONTACT_LIMIT = Duration.ofHours(48);

    @TempDir
    static Path dataDir;

    private static final MutableClock clock = new MutableClock();
    private static RunningApplication app;
    private static Api api;
    private static CaseSteps steps;
    /** Case label to complaint id, in the order of receipt. */
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static final Map<String, Complaint> byLabel = new LinkedHashMap<>();
    /** Before the first registration and before the first feedback, on the application's clock. */
    private static Instant beforeRegistrations;
    private static Instant beforeFeedback;

    private record Complaint(String label, String category, String subcategory, String rootIssue, String branch,
                             String channel) {

        String customerName() {
            return "Zhang Xiuying-" + label;
        }

        String phone() {
            return "+86 139 5550 10" + (label.charAt(0) - 'A' + 10);
        }

        String email() {
            return "zhang.xiuying." + label.toLowerCase() + "@mail.example.cn";
        }

        String description() {
            return "Private account " + label + ": the clerk read my balance aloud to the queue at the counter.";
        }
    }

    private record Expected(String status, String level, String handlerId) {
    }

    @BeforeAll
    static void buildTheCases() {
        app = RunningApplication.start(dataDir, clock);
        api = app.api();
        steps = new CaseSteps(api, clock);
        COMPLAINTS.forEach(c -> byLabel.put(c.label(), c));

        beforeRegistrations = clock.instant();
        Instant firstReceipt = beforeRegistrations.minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < COMPLAINTS.size(); i++) {
            Complaint c = COMPLAINTS.get(i);
            clock.advance(Duration.ofMinutes(1));
            ids.put(c.label(), steps.register("intake1", aRegistration().withNewId()
                    .receivedAt(firstReceipt.plus(Duration.ofMinutes(10L * i)))
                    .through(c.channel())
                    .atBranch(c.branch())
                    .classifiedAs(c.category(), c.subcategory(), c.rootIssue())
                    .forCustomer("C-70" + (10 + i), c.customerName(), c.phone(), c.email())
                    .describedAs(c.description())));
        }

        clock.advance(Duration.ofHours(1));
        steps.accept(id("B"), "BRANCH");
        steps.acceptAndAssign(id("C"), "FIRST_LEVEL_BRANCH", "handler1");
        steps.acceptAndAssign(id("D"), "BRANCH", "handler2");
        steps.acceptAndAssign(id("E"), "BRANCH", "handler1");
        steps.acceptAndAssign(id("F"), "BRANCH", "handler1");
        steps.acceptAndAssign(id("G"), "BRANCH", "handler2");
        steps.acceptAndAssign(id("H"), "BRANCH", "handler1");
        steps.acceptAndAssign(id("I"), "BRANCH", "handler2");
        steps.acceptAndAssign(id("J"), "BRANCH", "handler1");
        steps.acceptAndAssign(id("L"), "HEAD_OFFICE", "handler2");
        steps.step("supervisor1", id("M"), "review", notAComplaintReview());

        clock.advance(Duration.ofHours(1));
        steps.contact("handler2", id("D"));
        steps.contact("handler1", id("E"));
        steps.step("handler1", id("E"), "findings", findings());
        steps.resolve("handler1", id("F"));
        clock.advance(Duration.ofHours(2));
        steps.resolve("handler2", id("G"));
        clock.advance(Duration.ofHours(4));
        steps.resolve("handler1", id("H"));
        steps.resolve("handler2", id("I"));
        clock.advance(Duration.ofHours(6));
        steps.resolve("handler1", id("J"));

        clock.advance(Duration.ofHours(1));
        beforeFeedback = clock.instant();
        steps.step("handler1", id("F"), "feedback", feedback(5));
        steps.step("handler2", id("G"), "feedback", feedback(2));
        steps.step("intake1", id("H"), "feedback", feedback(4));
        steps.step("handler2", id("I"), "feedback", feedback(3));
        steps.step("handler1", id("J"), "feedback", feedback(5));
        steps.step("handler2", id("G"), "close", closing());
        steps.step("supervisor1", id("H"), "close", closing());
        steps.step("handler1", id("J"), "close", closing());
        steps.step("intake1", id("K"), "withdraw", withdrawal());

        steps.awaitProjectionsCaughtUp();
        // about 54 hours after registration: the 48-hour first-contact limit has passed. Only the
        // application's clock moves: the deadline store polls on real time, so no deadline fires here (no
        // DeadlineBreached, no SLA escalation); overdue is read against the clock, and the case view shows a
        // running clock past its due time as breached (SlaDeadlineEndToEndTest covers fired deadlines)
        clock.advance(Duration.ofHours(40));
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    // ---- open cases ----

    @Test
    void the_open_list_holds_every_open_case_at_its_latest_version_and_no_closed_withdrawn_or_rejected_case() {
        JsonNode page = okJson(api.as("supervisor1").get("/api/cases/open?size=500"));

        assertThat(page.path("totalElements").asLong()).isEqualTo(8);
        assertThat(page.path("totalPages").asInt()).isEqualTo(1);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(500);
        assertThat(labelsOf(page.path("items"))).containsExactlyInAnyOrder("A", "B", "C", "D", "E", "F", "I", "L");
        for (JsonNode item : page.path("items")) {
            String label = labelOf(item.path("complaintId").asText());
            Expected expected = OPEN.get(label);
            Complaint complaint = byLabel.get(label);
            String what = "open item of case " + label;
            assertThat(item.path("status").asText()).as("status of %s", what).isEqualTo(expected.status());
            assertThat(item.path("level").asText()).as("level of %s", what).isEqualTo(expected.level());
            assertThat(textOrNull(item.path("handlerId"))).as("handlerId of %s", what).isEqualTo(expected.handlerId());
            assertThat(item.path("version").asLong()).as("version of %s", what).isEqualTo(steps.version(id(label)));
            assertThat(item.path("category").asText()).as("category of %s", what).isEqualTo(complaint.category());
            assertThat(item.path("subcategory").asText()).as("subcategory of %s", what).isEqualTo(complaint.subcategory());
            assertThat(item.path("rootIssue").asText()).as("rootIssue of %s", what).isEqualTo(complaint.rootIssue());
            assertThat(item.path("branchCode").asText()).as("branchCode of %s", what).isEqualTo(complaint.branch());
            assertThat(item.path("channel").asText()).as("channel of %s", what).isEqualTo(complaint.channel());
        }
    }

    @Test
    void the_open_list_filters_by_branch_category_level_handler_and_status_alone_and_combined() {
        assertOpen("branchCode=BR-0101", "A", "B", "F", "L");
        assertOpen("branchCode=BR-0202", "C", "D");
        assertOpen("branchCode=BR-0303", "E", "I");
        assertOpen("branchCode=BR-9999");
        assertOpen("category=BUSINESS_ERROR", "A", "F", "I");
        assertOpen("category=PERSONNEL_SERVICE", "B");
        assertOpen("category=HARDWARE_AND_CHANNELS", "C", "D");
        assertOpen("category=RULES_AND_POLICY", "E");
        assertOpen("category=SPECIAL_GROUPS", "L");
        assertOpen("level=BRANCH", "A", "B", "D", "E", "F", "I");
        assertOpen("level=FIRST_LEVEL_BRANCH", "C");
        assertOpen("level=HEAD_OFFICE", "L");
        assertOpen("level=REGULATOR_REPORTED");
        assertOpen("handlerId=handler1", "C", "E", "F");
        assertOpen("handlerId=handler2", "D", "I", "L");
        assertOpen("status=REGISTERED", "A");
        assertOpen("status=ACCEPTED", "B");
        assertOpen("status=ASSIGNED", "C", "L");
        assertOpen("status=IN_PROGRESS", "D", "E");
        assertOpen("status=RESOLVED", "F", "I");
        assertOpen("status=CLOSED");
        assertOpen("status=WITHDRAWN");
        assertOpen("branchCode=BR-0101&status=ASSIGNED", "L");
        assertOpen("category=BUSINESS_ERROR&handlerId=handler1", "F");
        assertOpen("branchCode=BR-0202&level=BRANCH&handlerId=handler2&status=IN_PROGRESS", "D");
    }

    @Test
    void the_open_list_pages_by_size_and_page_and_sorts_by_receipt_newest_first_by_default() {
        assertThat(labelsOf(okJson(api.as("analyst1").get("/api/cases/open")).path("items")))
                .as("default order: receivedAt descending")
                .containsExactly("L", "I", "F", "E", "D", "C", "B", "A");

        List<List<String>> pages = List.of(List.of("A", "B", "C"), List.of("D", "E", "F"), List.of("I", "L"));
        for (int number = 0; number < pages.size(); number++) {
            JsonNode page = okJson(api.as("analyst1").get("/api/cases/open?size=3&page=" + number + "&sort=receivedAt,asc"));
            assertThat(labelsOf(page.path("items"))).as("page %s", number).containsExactlyElementsOf(pages.get(number));
            assertThat(page.path("page").asInt()).isEqualTo(number);
            assertThat(page.path("size").asInt()).isEqualTo(3);
            assertThat(page.path("totalElements").asLong()).isEqualTo(8);
            assertThat(page.path("totalPages").asInt()).isEqualTo(3);
        }
        JsonNode beyond = okJson(api.as("analyst1").get("/api/cases/open?size=3&page=3&sort=receivedAt,asc"));
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("totalElements").asLong()).isEqualTo(8);

        JsonNode filteredPage = okJson(api.as("analyst1").get("/api/cases/open?branchCode=BR-0101&size=3&page=1&sort=receivedAt"));
        assertThat(labelsOf(filteredPage.path("items"))).as("a sort field alone keeps the default direction")
                .containsExactly("A");
        assertThat(filteredPage.path("totalElements").asLong()).isEqualTo(4);
        assertThat(filteredPage.path("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void the_open_list_sorts_by_branch_code_in_either_direction_with_the_complaint_id_breaking_ties() {
        List<String> ascending = OPEN.keySet().stream()
                .sorted(Comparator.comparing((String label) -> byLabel.get(label).branch()).thenComparing(CaseQueriesEndToEndTest::id))
                .toList();
        List<String> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);

        assertThat(labelsOf(okJson(api.as("analyst1").get("/api/cases/open?sort=branchCode,asc")).path("items")))
                .containsExactlyElementsOf(ascending);
        assertThat(labelsOf(okJson(api.as("analyst1").get("/api/cases/open?sort=branchCode,desc")).path("items")))
                .containsExactlyElementsOf(descending);
    }

    @Test
    void list_parameters_out_of_range_are_refused_with_400_naming_the_parameter() {
        assertInvalid(api.as("analyst1").get("/api/cases/open?size=501"), "size");
        assertInvalid(api.as("analyst1").get("/api/cases/open?size=0"), "size");
        assertInvalid(api.as("analyst1").get("/api/cases/open?page=-1"), "page");
        assertInvalid(api.as("analyst1").get("/api/cases/open?sort=customerName"), "sort");
        assertInvalid(api.as("analyst1").get("/api/cases/open?sort=receivedAt,sideways"), "sort");
        assertInvalid(api.as("analyst1").get("/api/cases/open?category=GRUMBLING"), "category");
        assertInvalid(api.as("analyst1").get("/api/cases/overdue?status=LOST"), "status");
        assertInvalid(api.as("analyst1").get("/api/metrics/satisfaction?groupBy=shoeSize"), "groupBy");
    }

    // ---- overdue cases ----

    @Test
    void overdue_lists_exactly_the_open_cases_never_contacted_48_hours_after_registration_most_overdue_first() {
        Instant before = clock.instant();
        JsonNode page = okJson(api.as("supervisor1").get("/api/cases/overdue?size=500"));
        Instant after = clock.instant();

        List<String> expected = expectedOverdue(label -> true);
        assertThat(page.path("totalElements").asLong()).isEqualTo(expected.size());
        assertThat(page.path("totalPages").asInt()).isEqualTo(1);
        assertThat(overdueLabelsOf(page.path("items"))).as("earliest due first").containsExactlyElementsOf(expected);
        assertThat(firstContactOverdue(page.path("items"))).containsExactlyInAnyOrder("A", "B", "C", "L");
        for (JsonNode overdue : page.path("items")) {
            String label = labelOf(overdueId(overdue));
            if (!overdue.path("deadline").asText().equals("FIRST_CONTACT")) {
                // the branch's reply (a working day after registration) may be due before the first contact
                assertThat(overdue.path("deadline").asText()).isEqualTo("BRANCH_REPLY");
                continue;
            }
            String what = "overdue case " + label;
            Instant registeredAt = Instant.parse(caseView(label).path("registeredAt").asText());
            Instant dueAt = registeredAt.plus(FIRST_CONTACT_LIMIT);
            assertThat(Instant.parse(overdue.path("dueAt").asText())).as("dueAt of %s", what).isEqualTo(dueAt);
            assertThat(overdue.path("overdueBy").isTextual()).as("overdueBy of %s is an ISO-8601 duration: %s", what, overdue)
                    .isTrue();
            Duration overdueBy = Duration.parse(overdue.path("overdueBy").asText());
            assertThat(overdueBy).as("overdueBy of %s", what)
                    .isBetween(Duration.between(dueAt, before), Duration.between(dueAt, after));
            assertThat(overdueBy).as("overdueBy of %s", what).isGreaterThan(Duration.ofHours(5));
            assertThat(overdue.path("overdueDeadlines")).extracting(JsonNode::asText).contains("FIRST_CONTACT");
        }
    }

    @Test
    void overdue_filters_and_pages_like_the_open_list_and_never_shows_contacted_closed_withdrawn_or_rejected_cases() {
        // first contact missed by A, B, C and L; the branch's reply may also be overdue for D and E (accepted at branch
        // level, no proposal yet) depending on the working days since registration
        assertOverdue("branchCode=BR-0101", "A", "B", "L");
        assertOverdue("branchCode=BR-0202", "C");
        assertOverdue("branchCode=BR-0303");
        assertOverdue("category=SPECIAL_GROUPS", "L");
        assertOverdue("level=FIRST_LEVEL_BRANCH", "C");
        assertOverdue("handlerId=handler2", "L");
        assertOverdue("status=ACCEPTED", "B");
        assertOverdue("status=IN_PROGRESS");

        List<String> expected = expectedOverdue(label -> true);
        JsonNode first = okJson(api.as("analyst1").get("/api/cases/overdue?size=2&page=0"));
        JsonNode second = okJson(api.as("analyst1").get("/api/cases/overdue?size=2&page=1"));
        assertThat(overdueLabelsOf(first.path("items"))).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(overdueLabelsOf(second.path("items"))).containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(first.path("totalElements").asLong()).isEqualTo(expected.size());
        assertThat(first.path("totalPages").asInt()).isEqualTo((expected.size() + 1) / 2);
        assertThat(second.path("page").asInt()).isEqualTo(1);
    }

    @Test
    void the_case_view_shows_a_missed_first_contact_as_breached_at_its_due_time_and_a_kept_one_as_met() {
        JsonNode missed = deadline(caseView("A"), "FIRST_CONTACT");
        assertThat(missed.path("state").asText()).isEqualTo("BREACHED");
        assertThat(missed.path("breachedAt").asText()).isEqualTo(missed.path("dueAt").asText());
        assertThat(missed.path("metAt").isNull()).isTrue();

        JsonNode kept = deadline(caseView("D"), "FIRST_CONTACT");
        assertThat(kept.path("state").asText()).isEqualTo("MET");
        assertThat(Instant.parse(kept.path("metAt").asText())).isBefore(Instant.parse(kept.path("dueAt").asText()));

        JsonNode stopped = deadline(caseView("K"), "FIRST_CONTACT");
        assertThat(stopped.path("state").asText()).as("a withdrawn case's clock stops").isEqualTo("STOPPED");
    }

    // ---- metrics ----

    @Test
    void satisfaction_counts_scores_of_4_and_5_as_satisfied_overall_and_by_category_branch_channel_and_handler() {
        // scores: F 5, G 2, H 4, I 3, J 5 -> 5 answers, 3 satisfied (F H J)
        JsonNode overall = okJson(api.as("analyst1").get("/api/metrics/satisfaction")).path("overall");
        assertRate(overall, "overall", 5, 3, "0.6");

        JsonNode byCategory = groups("/api/metrics/satisfaction?groupBy=category");
        assertThat(byCategory.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("BUSINESS_ERROR", "HARDWARE_AND_CHANNELS", "PERSONNEL_SERVICE", "SPECIAL_GROUPS");
        assertGroup(byCategory, "BUSINESS_ERROR", 2, 1, "0.5", "4.00");       // F 5, I 3
        assertGroup(byCategory, "HARDWARE_AND_CHANNELS", 1, 1, "1", "5.00");  // J 5
        assertGroup(byCategory, "PERSONNEL_SERVICE", 1, 0, "0", "2.00");      // G 2
        assertGroup(byCategory, "SPECIAL_GROUPS", 1, 1, "1", "4.00");         // H 4

        JsonNode byBranch = groups("/api/metrics/satisfaction?groupBy=branchCode");
        assertThat(byBranch.fieldNames()).toIterable().containsExactlyInAnyOrder("BR-0101", "BR-0202", "BR-0303");
        assertGroup(byBranch, "BR-0101", 2, 2, "1", "5.00");    // F 5, J 5
        assertGroup(byBranch, "BR-0202", 1, 0, "0", "2.00");    // G 2
        assertGroup(byBranch, "BR-0303", 2, 1, "0.5", "3.50");  // H 4, I 3

        JsonNode byChannel = groups("/api/metrics/satisfaction?groupBy=channel");
        assertThat(byChannel.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("EMAIL", "PHONE", "VISIT", "ONLINE", "MOBILE_APP");
        assertGroup(byChannel, "EMAIL", 1, 1, "1", "5.00");       // F
        assertGroup(byChannel, "PHONE", 1, 0, "0", "2.00");       // G
        assertGroup(byChannel, "VISIT", 1, 1, "1", "4.00");       // H
        assertGroup(byChannel, "ONLINE", 1, 0, "0", "3.00");      // I
        assertGroup(byChannel, "MOBILE_APP", 1, 1, "1", "5.00");  // J

        JsonNode byHandler = groups("/api/metrics/satisfaction?groupBy=handlerId");
        assertThat(byHandler.fieldNames()).toIterable().containsExactlyInAnyOrder("handler1", "handler2");
        assertGroup(byHandler, "handler1", 3, 3, "1", "4.67");  // F 5, H 4, J 5: 14 / 3
        assertGroup(byHandler, "handler2", 2, 0, "0", "2.50");  // G 2, I 3
    }

    @Test
    void satisfaction_counts_only_the_answers_given_within_the_period() {
        JsonNode within = okJson(api.as("analyst1").get("/api/metrics/satisfaction?from=" + beforeFeedback
                + "&to=" + clock.instant().plus(Duration.ofHours(1)) + "&groupBy=category"));
        assertRate(within.path("overall"), "overall within the period", 5, 3, "0.6");

        JsonNode before = okJson(api.as("analyst1").get("/api/metrics/satisfaction?from=" + beforeRegistrations
                + "&to=" + beforeFeedback + "&groupBy=category"));
        assertThat(before.path("overall").path("responses").asLong()).isZero();
        assertThat(before.path("overall").path("satisfied").asLong()).isZero();
        assertThat(before.path("overall").path("rate").isNull() || before.path("overall").path("rate").isMissingNode())
                .as("no rate without answers: %s", before).isTrue();
        assertThat(before.path("groups")).isEmpty();
    }

    @Test
    void volume_counts_every_registered_case_by_category_and_branch_whatever_its_status() {
        JsonNode byCategory = okJson(api.as("analyst1").get("/api/metrics/volume?groupBy=category"));
        assertThat(byCategory.path("total").asLong()).isEqualTo(13);
        assertThat(counts(byCategory)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BUSINESS_ERROR", 3L,          // A F I
                "PERSONNEL_SERVICE", 3L,       // B G M
                "HARDWARE_AND_CHANNELS", 3L,   // C D J
                "RULES_AND_POLICY", 2L,        // E K
                "SPECIAL_GROUPS", 2L));        // H L

        JsonNode byBranch = okJson(api.as("analyst1").get("/api/metrics/volume?groupBy=branchCode"));
        assertThat(counts(byBranch)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BR-0101", 5L,   // A B F J L
                "BR-0202", 4L,   // C D G K
                "BR-0303", 4L)); // E H I M

        JsonNode inPeriod = okJson(api.as("analyst1").get("/api/metrics/volume?from=" + beforeRegistrations
                + "&to=" + beforeFeedback));
        assertThat(inPeriod.path("total").asLong()).isEqualTo(13);
        JsonNode later = okJson(api.as("analyst1").get("/api/metrics/volume?from=" + beforeFeedback));
        assertThat(later.path("total").asLong()).as("nothing was registered after the first feedback").isZero();
    }

    @Test
    void handling_time_counts_each_resolution_from_registration_to_acceptance_overall_and_by_handler() {
        Map<String, Long> seconds = new LinkedHashMap<>();
        for (String label : List.of("F", "G", "H", "I", "J")) {
            JsonNode view = caseView(label);
            seconds.put(label, Duration.between(Instant.parse(view.path("registeredAt").asText()),
                    Instant.parse(view.path("resolvedAt").asText())).getSeconds());
        }

        JsonNode report = okJson(api.as("analyst1").get("/api/metrics/handling-time?groupBy=handlerId"));
        JsonNode overall = report.path("overall");
        assertThat(overall.path("resolutions").asLong()).isEqualTo(5);
        long averageSeconds = Math.round(seconds.values().stream().mapToLong(Long::longValue).average().orElseThrow());
        assertThat(duration(overall.path("average"))).isEqualTo(Duration.ofSeconds(averageSeconds));
        assertThat(duration(overall.path("max")))
                .isEqualTo(Duration.ofSeconds(seconds.values().stream().mapToLong(Long::longValue).max().orElseThrow()));
        // J, registered at about +10 min, was the last resolved, at about +14 h 13 min
        assertThat(duration(overall.path("max"))).isBetween(Duration.ofHours(14), Duration.ofHours(14).plusMinutes(10));

        Map<String, Long> resolutionsByHandler = new LinkedHashMap<>();
        report.path("groups").forEach(group ->
                resolutionsByHandler.put(group.path("key").asText(), group.path("statistics").path("resolutions").asLong()));
        assertThat(resolutionsByHandler).containsExactlyInAnyOrderEntriesOf(Map.of(
                "handler1", 3L,   // F H J
                "handler2", 2L)); // G I
    }

    // ---- personal data ----

    @Test
    void lists_metrics_and_csv_never_contain_a_customers_name_phone_email_or_description() {
        List<ApiReply> answers = new ArrayList<>();
        for (String user : List.of("analyst1", "supervisor1", "compliance1")) {
            answers.add(api.as(user).get("/api/cases/open?size=500"));
            answers.add(api.as(user).get("/api/cases/overdue?size=500"));
            answers.add(api.as(user).get("/api/cases/open.csv", "text/csv"));
            answers.add(api.as(user).get("/api/cases/overdue.csv", "text/csv"));
        }
        for (String groupBy : List.of("", "category", "rootIssue", "branchCode", "channel", "handlerId", "level", "month")) {
            answers.add(api.as("analyst1").get("/api/metrics/satisfaction?groupBy=" + groupBy));
            answers.add(api.as("analyst1").get("/api/metrics/handling-time?groupBy=" + groupBy));
            answers.add(api.as("analyst1").get("/api/metrics/volume?groupBy=" + groupBy));
        }
        for (ApiReply answer : answers) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertNoPersonalData(answer);
        }
    }

    @Test
    void an_analyst_reads_a_case_without_personal_data_and_is_refused_its_history() {
        String caseF = id("F");
        Complaint f = byLabel.get("F");

        ApiReply supervisorsView = api.as("supervisor1").get("/api/cases/" + caseF + "?minVersion=" + steps.version(caseF));
        assertThat(supervisorsView.status()).as("%s", supervisorsView).isEqualTo(200);
        assertThat(supervisorsView.json().path("customer").path("name").asText()).isEqualTo(f.customerName());
        assertThat(supervisorsView.json().path("description").asText()).isEqualTo(f.description());

        ApiReply analystsView = api.as("analyst1").get("/api/cases/" + caseF + "?minVersion=" + steps.version(caseF));
        assertThat(analystsView.status()).as("%s", analystsView).isEqualTo(200);
        JsonNode view = analystsView.json();
        assertThat(view.path("personalDataRedacted").asBoolean()).as("%s", analystsView).isTrue();
        for (String field : List.of("name", "phone", "email")) {
            JsonNode value = view.path("customer").path(field);
            assertThat(value.isMissingNode() || value.isNull()).as("customer.%s of %s", field, analystsView).isTrue();
        }
        assertThat(view.path("description").isMissingNode() || view.path("description").isNull())
                .as("description of %s", analystsView).isTrue();
        assertNoPersonalData(analystsView);
        assertThat(view.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(view.path("version").asLong()).isEqualTo(steps.version(caseF));
        assertThat(view.path("satisfactionScore").asInt()).isEqualTo(5);

        assertProblem(api.as("analyst1").get("/api/cases/" + caseF + "/history"), 403, "ROLE_NOT_ALLOWED");
    }

    // ---- exports ----

    @Test
    void the_open_cases_csv_has_a_header_row_and_one_row_per_open_case() {
        ApiReply csv = api.as("supervisor1").get("/api/cases/open.csv", "text/csv");
        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");

        List<String> rows = csvRows(csv);
        List<String> header = Arrays.asList(rows.get(0).split(",", -1));
        assertThat(header).startsWith("complaintId", "status");
        assertThat(header).contains("branchCode", "category", "level", "handlerId", "receivedAt", "version");
        assertThat(rows).hasSize(1 + 8);
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            List<String> fields = Arrays.asList(row.split(",", -1));
            assertThat(fields).as("row %s", row).hasSameSizeAs(header);
            byId.put(fields.get(0), fields);
        }
        assertThat(byId.keySet().stream().map(CaseQueriesEndToEndTest::labelOf))
                .containsExactlyInAnyOrder("A", "B", "C", "D", "E", "F", "I", "L");
        for (Map.Entry<String, List<String>> row : byId.entrySet()) {
            String label = labelOf(row.getKey());
            List<String> fields = row.getValue();
            assertThat(fields.get(header.indexOf("status"))).as("status of %s", label).isEqualTo(OPEN.get(label).status());
            assertThat(fields.get(header.indexOf("branchCode"))).as("branch of %s", label).isEqualTo(byLabel.get(label).branch());
            assertThat(Long.parseLong(fields.get(header.indexOf("version")))).as("version of %s", label)
                    .isEqualTo(steps.version(row.getKey()));
        }

        List<String> filtered = csvRows(api.as("supervisor1").get("/api/cases/open.csv?branchCode=BR-0202", "text/csv"));
        assertThat(filtered).hasSize(1 + 2);
    }

    @Test
    void the_overdue_csv_has_a_header_row_and_one_row_per_overdue_case() {
        ApiReply csv = api.as("supervisor1").get("/api/cases/overdue.csv", "text/csv");
        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        List<String> rows = csvRows(csv);
        List<String> header = Arrays.asList(rows.get(0).split(",", -1));
        assertThat(header).contains("complaintId", "deadline", "dueAt", "overdueBy");
        List<String> expected = expectedOverdue(label -> true);
        assertThat(rows).hasSize(1 + expected.size());
        Set<String> labels = rows.subList(1, rows.size()).stream()
                .map(row -> labelOf(row.split(",", -1)[header.indexOf("complaintId")]))
                .collect(Collectors.toSet());
        assertThat(labels).containsExactlyInAnyOrderElementsOf(expected);
        rows.subList(1, rows.size()).forEach(row ->
                assertThat(row.split(",", -1)[header.indexOf("deadline")]).isIn("FIRST_CONTACT", "BRANCH_REPLY"));
    }

    // ---- helpers ----

    private static String id(String label) {
        return ids.get(label);
    }

    private static String labelOf(String complaintId) {
        return ids.entrySet().stream().filter(entry -> entry.getValue().equals(complaintId)).map(Map.Entry::getKey)
                .findFirst().orElse("unknown case " + complaintId);
    }

    private static List<String> labelsOf(JsonNode items) {
        List<String> labels = new ArrayList<>();
        items.forEach(item -> labels.add(labelOf(item.path("complaintId").asText())));
        return labels;
    }

    /** An overdue entry carries the case as {@code item} with the deadline fields beside it. */
    private static String overdueId(JsonNode overdue) {
        return overdue.has("item") ? overdue.path("item").path("complaintId").asText() : overdue.path("complaintId").asText();
    }

    private static List<String> overdueLabelsOf(JsonNode items) {
        List<String> labels = new ArrayList<>();
        items.forEach(item -> labels.add(labelOf(overdueId(item))));
        return labels;
    }

    private static void assertOpen(String query, String... labels) {
        JsonNode page = okJson(api.as("analyst1").get("/api/cases/open?size=500&" + query));
        assertThat(labelsOf(page.path("items"))).as("open cases with %s", query).containsExactlyInAnyOrder(labels);
        assertThat(page.path("totalElements").asLong()).as("totalElements with %s", query).isEqualTo(labels.length);
    }

    /** The cases missing their first contact are {@code labels}; any other listed case is late with the branch's reply. */
    private static void assertOverdue(String query, String... labels) {
        JsonNode page = okJson(api.as("analyst1").get("/api/cases/overdue?size=500&" + query));
        assertThat(firstContactOverdue(page.path("items"))).as("first contact overdue with %s", query)
                .containsExactlyInAnyOrder(labels);
        for (JsonNode item : page.path("items")) {
            assertThat(item.path("overdueDeadlines")).extracting(JsonNode::asText).as("overdue with %s", query)
                    .isSubsetOf("FIRST_CONTACT", "BRANCH_REPLY");
        }
        assertThat(page.path("totalElements").asLong()).as("totalElements with %s", query).isEqualTo(page.path("items").size());
    }

    private static List<String> firstContactOverdue(JsonNode items) {
        List<String> labels = new ArrayList<>();
        items.forEach(item -> {
            List<String> overdue = new ArrayList<>();
            item.path("overdueDeadlines").forEach(name -> overdue.add(name.asText()));
            if (overdue.contains("FIRST_CONTACT")) {
                labels.add(labelOf(overdueId(item)));
            }
        });
        return labels;
    }

    /**
     * The open cases with a deadline neither met nor stopped whose due time passed, as their case views show them,
     * earliest overdue due time first.
     */
    private static List<String> expectedOverdue(java.util.function.Predicate<String> which) {
        Instant now = clock.instant();
        Map<String, Instant> earliest = new LinkedHashMap<>();
        for (String label : OPEN.keySet()) {
            if (!which.test(label)) {
                continue;
            }
            for (JsonNode deadline : caseView(label).path("deadlines")) {
                boolean pending = deadline.path("metAt").isNull() && !deadline.path("state").asText().equals("STOPPED")
                        && !deadline.path("state").asText().equals("MET") && !deadline.path("dueAt").isNull();
                if (pending && Instant.parse(deadline.path("dueAt").asText()).isBefore(now)) {
                    Instant dueAt = Instant.parse(deadline.path("dueAt").asText());
                    earliest.merge(label, dueAt, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        return earliest.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(entry -> id(entry.getKey())))
                .map(Map.Entry::getKey).toList();
    }

    private static JsonNode caseView(String label) {
        return okJson(api.as("supervisor1").get("/api/cases/" + id(label) + "?minVersion=" + steps.version(id(label))));
    }

    private static JsonNode deadline(JsonNode view, String name) {
        for (JsonNode deadline : view.path("deadlines")) {
            if (deadline.path("name").asText().equals(name)) {
                return deadline;
            }
        }
        throw new AssertionError("no deadline " + name + " in " + view);
    }

    /** Satisfaction groups by key. */
    private static JsonNode groups(String path) {
        JsonNode report = okJson(api.as("analyst1").get(path));
        assertRate(report.path("overall"), "overall of " + path, 5, 3, "0.6");
        com.fasterxml.jackson.databind.node.ObjectNode byKey = JsonBody.JSON.createObjectNode();
        report.path("groups").forEach(group -> byKey.set(group.path("key").asText(), group));
        return byKey;
    }

    private static void assertRate(JsonNode rate, String what, long responses, long satisfied, String expectedRate) {
        assertThat(rate.path("responses").asLong()).as("responses of %s: %s", what, rate).isEqualTo(responses);
        assertThat(rate.path("satisfied").asLong()).as("satisfied of %s: %s", what, rate).isEqualTo(satisfied);
        assertThat(rate.path("rate").decimalValue()).as("rate of %s: %s", what, rate).isEqualByComparingTo(expectedRate);
    }

    private static void assertGroup(JsonNode groups, String key, long responses, long satisfied, String rate,
                                    String averageScore) {
        JsonNode group = groups.path(key);
        assertRate(group, "group " + key, responses, satisfied, rate);
        assertThat(group.path("averageScore").decimalValue()).as("averageScore of group %s: %s", key, group)
                .isEqualByComparingTo(new BigDecimal(averageScore));
    }

    private static Map<String, Long> counts(JsonNode volume) {
        Map<String, Long> counts = new LinkedHashMap<>();
        volume.path("groups").forEach(group -> counts.put(group.path("key").asText(), group.path("count").asLong()));
        return counts;
    }

    private static Duration duration(JsonNode value) {
        assertThat(value.isTextual()).as("an ISO-8601 duration: %s", value).isTrue();
        return Duration.parse(value.asText());
    }

    private static List<String> csvRows(ApiReply csv) {
        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        return Arrays.stream(csv.body().split("\r\n")).filter(row -> !row.isEmpty()).toList();
    }

    private static void assertNoPersonalData(ApiReply answer) {
        for (Complaint c : COMPLAINTS) {
            for (String personal : List.of(c.customerName(), c.phone(), c.email(), c.description())) {
                assertThat(answer.body()).as("personal data of case %s in %s", c.label(), answer.request())
                        .doesNotContain(personal);
            }
        }
    }

    private static JsonNode okJson(ApiReply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    private static String textOrNull(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
