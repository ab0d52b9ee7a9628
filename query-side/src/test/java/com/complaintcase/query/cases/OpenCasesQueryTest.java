package com.complaintcase.query.cases;

import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.values.Category;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Subcategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/cases/open}: open cases, filtered by branch, category, level, handler and status, paged and sorted. */
class OpenCasesQueryTest extends ProjectionTestSupport {

    @Autowired
    private CaseQueryHandler cases;

    @Autowired
    private JsonMapper json;

    /** In progress at BR-0101 with handler1: a fee error. */
    private ComplaintStory feeError;
    /** Assigned to handler2 at BR-0101, handled at the first-level branch: a rude clerk. */
    private ComplaintStory rudeClerk;
    /** Only registered, at BR-0200: the mobile app. */
    private ComplaintStory mobileApp;
    /** Registered at BR-0101, then transferred to BR-0300, which has not assigned a handler yet. */
    private ComplaintStory transferred;
    /** Resolved at BR-0101 by handler1 but not closed: still open. */
    private ComplaintStory resolved;

    @BeforeEach
    void someOpenAndSomeEndedCases() {
        feeError = aCase().receivedAt(day(2)).inBranch("BR-0101").about(Subcategory.WRONG_FEE)
                .registered().investigatedBy("handler1");
        rudeClerk = aCase().receivedAt(day(3)).inBranch("BR-0101").about(Subcategory.POOR_ATTITUDE)
                .registered().reviewed(HandlingLevel.FIRST_LEVEL_BRANCH).assignedTo("handler2");
        mobileApp = aCase().receivedAt(day(4)).inBranch("BR-0200").about(Subcategory.MOBILE_BANKING)
                .registered();
        transferred = aCase().receivedAt(day(5)).inBranch("BR-0101").about(Subcategory.OPERATION_ERROR)
                .registered().investigatedBy("handler1").transferredTo("BR-0300");
        resolved = aCase().receivedAt(day(6)).inBranch("BR-0101").about(Subcategory.SYSTEM_ERROR)
                .registered().investigatedBy("handler1").resolved();
        ComplaintStory closed = aCase().receivedAt(day(7)).inBranch("BR-0101").about(Subcategory.WRONG_FEE)
                .registered().investigatedBy("handler1").resolved().closed();
        ComplaintStory withdrawn = aCase().receivedAt(day(8)).inBranch("BR-0101").about(Subcategory.WRONG_FEE)
                .registered().investigatedBy("handler1").withdrawn();
        ComplaintStory inquiry = aCase().receivedAt(day(9)).inBranch("BR-0101").about(Subcategory.WRONG_FEE)
                .registered().foundNotAComplaint();

        given(feeError, rudeClerk, mobileApp, transferred, resolved, closed, withdrawn, inquiry);
    }

    @Test
    void the_open_list_holds_every_case_not_closed_withdrawn_or_found_not_a_complaint() {
        OpenCases page = open(CaseFilter.NONE, "receivedAt,asc");

        assertThat(ids(page)).containsExactly(feeError.id(), rudeClerk.id(), mobileApp.id(), transferred.id(), resolved.id());
        assertThat(page.totalElements()).isEqualTo(5);
        assertThat(page.totalPages()).isEqualTo(1);
    }

    @Test
    void the_branch_filter_follows_the_case_to_the_unit_it_was_transferred_to() {
        assertThat(ids(open(branch("BR-0101")))).containsExactlyInAnyOrder(feeError.id(), rudeClerk.id(), resolved.id());
        assertThat(ids(open(branch("BR-0300")))).containsExactly(transferred.id());
        assertThat(ids(open(branch("BR-0200")))).containsExactly(mobileApp.id());
        assertThat(ids(open(branch("BR-9999")))).isEmpty();
    }

    @Test
    void the_category_filter_keeps_the_cases_of_that_category() {
        assertThat(ids(open(new CaseFilter(null, Category.BUSINESS_ERROR, null, null, null))))
                .containsExactlyInAnyOrder(feeError.id(), transferred.id(), resolved.id());
        assertThat(ids(open(new CaseFilter(null, Category.PERSONNEL_SERVICE, null, null, null))))
                .containsExactly(rudeClerk.id());
        assertThat(ids(open(new CaseFilter(null, Category.SPECIAL_GROUPS, null, null, null)))).isEmpty();
    }

    @Test
    void the_level_filter_keeps_the_cases_handled_at_that_level() {
        assertThat(ids(open(new CaseFilter(null, null, HandlingLevel.FIRST_LEVEL_BRANCH, null, null))))
                .containsExactly(rudeClerk.id());
        assertThat(ids(open(new CaseFilter(null, null, HandlingLevel.BRANCH, null, null))))
                .containsExactlyInAnyOrder(feeError.id(), mobileApp.id(), transferred.id(), resolved.id());
    }

    @Test
    void the_handler_filter_keeps_the_cases_the_handler_holds_now() {
        assertThat(ids(open(new CaseFilter(null, null, null, "handler1", null))))
                .as("the transferred case left handler1").containsExactlyInAnyOrder(feeError.id(), resolved.id());
        assertThat(ids(open(new CaseFilter(null, null, null, "handler2", null)))).containsExactly(rudeClerk.id());
    }

    @Test
    void the_status_filter_keeps_the_cases_in_that_status_and_never_shows_an_ended_case() {
        assertThat(ids(open(status(ComplaintStatus.RESOLVED)))).containsExactly(resolved.id());
        assertThat(ids(open(status(ComplaintStatus.ASSIGNED)))).containsExactly(rudeClerk.id());
        assertThat(ids(open(status(ComplaintStatus.ACCEPTED)))).containsExactly(transferred.id());
        assertThat(ids(open(status(ComplaintStatus.REGISTERED)))).containsExactly(mobileApp.id());
        assertThat(ids(open(status(ComplaintStatus.CLOSED)))).isEmpty();
        assertThat(ids(open(status(ComplaintStatus.WITHDRAWN)))).isEmpty();
        assertThat(ids(open(status(ComplaintStatus.NOT_A_COMPLAINT)))).isEmpty();
    }

    @Test
    void filters_combine() {
        CaseFilter filter = new CaseFilter("BR-0101", Category.BUSINESS_ERROR, HandlingLevel.BRANCH, "handler1",
                ComplaintStatus.IN_PROGRESS);

        OpenCases page = open(filter);

        assertThat(ids(page)).containsExactly(feeError.id());
        assertThat(page.totalElements()).isEqualTo(1);
    }

    @Test
    void pages_cut_the_list_in_the_requested_order_and_count_every_match() {
        // the controller's default order: most recently received first
        OpenCases first = cases.open(new CaseQueries.FindOpenCases(CaseFilter.NONE, PageSpec.parse(0, 2, null, "receivedAt", false)));
        OpenCases second = cases.open(new CaseQueries.FindOpenCases(CaseFilter.NONE, PageSpec.parse(1, 2, null, "receivedAt", false)));
        OpenCases third = cases.open(new CaseQueries.FindOpenCases(CaseFilter.NONE, PageSpec.parse(2, 2, null, "receivedAt", false)));
        OpenCases beyond = cases.open(new CaseQueries.FindOpenCases(CaseFilter.NONE, PageSpec.parse(3, 2, null, "receivedAt", false)));

        assertThat(ids(first)).containsExactly(resolved.id(), transferred.id());
        assertThat(ids(second)).containsExactly(mobileApp.id(), rudeClerk.id());
        assertThat(ids(third)).containsExactly(feeError.id());
        assertThat(ids(beyond)).isEmpty();
        Stream.of(first, second, third, beyond).forEach(page -> {
            assertThat(page.totalElements()).isEqualTo(5);
            assertThat(page.totalPages()).isEqualTo(3);
            assertThat(page.size()).isEqualTo(2);
        });
        assertThat(second.page()).isEqualTo(1);
    }

    @Test
    void the_list_sorts_by_the_requested_field_and_breaks_ties_by_complaint_id() {
        OpenCases byBranch = open(CaseFilter.NONE, "branchCode,asc");

        List<String> br0101 = Stream.of(feeError, rudeClerk, resolved).map(ComplaintStory::id).sorted().toList();
        assertThat(ids(byBranch)).containsExactly(br0101.get(0), br0101.get(1), br0101.get(2), mobileApp.id(), transferred.id());

        OpenCases byReceivedDescending = open(CaseFilter.NONE, "receivedAt,desc");
        assertThat(ids(byReceivedDescending))
                .containsExactly(resolved.id(), transferred.id(), mobileApp.id(), rudeClerk.id(), feeError.id());

        OpenCases byLastChange = open(CaseFilter.NONE, "lastChangedAt,asc");
        assertThat(byLastChange.items()).extracting(CaseListItem::lastChangedAt)
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void a_list_item_shows_the_case_as_projected_with_its_version() {
        CaseListItem item = open(branch("BR-0300")).items().get(0);

        assertThat(item.complaintId()).isEqualTo(transferred.id());
        assertThat(item.status()).isEqualTo(ComplaintStatus.ACCEPTED);
        assertThat(item.level()).isEqualTo(HandlingLevel.BRANCH);
        assertThat(item.category()).isEqualTo(Category.BUSINESS_ERROR);
        assertThat(item.subcategory()).isEqualTo(Subcategory.OPERATION_ERROR);
        assertThat(item.branchCode()).isEqualTo("BR-0300");
        assertThat(item.handlerId()).isNull();
        assertThat(item.receivedAt()).isEqualTo(transferred.receivedAt());
        assertThat(item.registeredAt()).isEqualTo(transferred.registeredAt());
        assertThat(item.lastChangedAt()).isEqualTo(transferred.lastRecordedAt());
        assertThat(item.version()).isEqualTo(transferred.lastSequence());
    }

    @Test
    void a_list_item_has_no_place_for_customer_personal_data() {
        List<String> components = Arrays.stream(CaseListItem.class.getRecordComponents())
                .map(RecordComponent::getName).map(name -> name.toLowerCase(Locale.ROOT)).toList();

        assertThat(components).noneMatch(name -> name.contains("customer") || name.contains("name")
                || name.contains("phone") || name.contains("email") || name.contains("description"));
        assertThat(Arrays.stream(CaseFlags.class.getRecordComponents()).map(RecordComponent::getName))
                .doesNotContain("customerName", "customerPhone", "customerEmail", "description");
    }

    @Test
    void a_page_of_open_cases_as_json_contains_no_customer_personal_data() {
        String page = json.writeValueAsString(open(CaseFilter.NONE, "receivedAt,asc"));

        assertThat(page).contains(feeError.id());
        assertThat(page).doesNotContain(ComplaintStory.CUSTOMER_NAME, ComplaintStory.CUSTOMER_PHONE,
                ComplaintStory.CUSTOMER_EMAIL, ComplaintStory.DESCRIPTION);
    }

    // ---- helpers ----

    private OpenCases open(CaseFilter filter) {
        return open(filter, null);
    }

    private OpenCases open(CaseFilter filter, String sort) {
        return cases.open(new CaseQueries.FindOpenCases(filter, PageSpec.parse(0, 50, sort, "receivedAt", false)));
    }

    private static CaseFilter branch(String code) {
        return new CaseFilter(code, null, null, null, null);
    }

    private static CaseFilter status(ComplaintStatus status) {
        return new CaseFilter(null, null, null, null, status);
    }

    private static List<String> ids(CasePage<CaseListItem> page) {
        return page.items().stream().map(CaseListItem::complaintId).toList();
    }

    /** 09:00 UTC on that day of November 2026. */
    private static Instant day(int dayOfNovember) {
        return Instant.parse(String.format("2026-11-%02dT09:00:00Z", dayOfNovember));
    }
}
