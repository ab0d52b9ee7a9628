package com.complaintcase.query.cases;

import com.complaintcase.query.scenario.Actors;
import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.HandlingLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code GET /api/cases/overdue}: open cases with a limit that has passed while its step is not done,
 * read against the application's clock, each with the most overdue deadline, its due time and by how
 * much it is overdue.
 */
class OverdueCasesQueryTest extends ProjectionTestSupport {

    @Autowired
    private CaseQueryHandler cases;

    @Autowired
    private JsonMapper json;

    @Test
    void a_case_not_contacted_within_its_first_contact_limit_is_overdue_by_the_time_since_it_fell_due() {
        ComplaintStory notContacted = aCase().registered().reviewed().assignedTo("handler1");
        now(notContacted.firstContactDueAt().plus(Duration.ofHours(5)));

        given(notContacted);

        OverdueCases overdue = overdue(CaseFilter.NONE);
        assertThat(overdue.items()).hasSize(1);
        OverdueCase item = overdue.items().get(0);
        assertThat(item.item().complaintId()).isEqualTo(notContacted.id());
        assertThat(item.deadline()).isEqualTo("FIRST_CONTACT");
        assertThat(item.dueAt()).isEqualTo(notContacted.firstContactDueAt());
        assertThat(item.overdueBy()).isEqualTo(Duration.ofHours(5));
        assertThat(item.overdueDeadlines()).containsExactly("FIRST_CONTACT");
        assertThat(overdue.totalElements()).isEqualTo(1);
    }

    @Test
    void a_case_is_overdue_only_once_its_limit_has_passed() {
        ComplaintStory notContacted = aCase().registered().reviewed().assignedTo("handler1");
        given(notContacted);

        now(notContacted.firstContactDueAt().minusSeconds(1));
        assertThat(overdue(CaseFilter.NONE).items()).isEmpty();

        now(notContacted.firstContactDueAt().plusSeconds(1));
        assertThat(overdue(CaseFilter.NONE).items()).extracting(o -> o.item().complaintId())
                .containsExactly(notContacted.id());
    }

    @Test
    void a_met_deadline_is_not_overdue_even_after_its_due_time() {
        ComplaintStory contactedInTime = aCase().registered().investigatedBy("handler1");
        ComplaintStory resolvedInTime = aCase().registered().investigatedBy("handler1").resolved();
        now(resolvedInTime.resolutionDueAt().plus(Duration.ofDays(3)));
        // the first one's resolution clock still runs and has passed: overdue for that, not for first contact
        given(contactedInTime, resolvedInTime);

        OverdueCases overdue = overdue(CaseFilter.NONE);
        assertThat(overdue.items()).extracting(o -> o.item().complaintId()).containsExactly(contactedInTime.id());
        assertThat(overdue.items().get(0).overdueDeadlines()).containsExactly("RESOLUTION");
    }

    @Test
    void a_step_done_late_is_no_longer_overdue() {
        ComplaintStory contactedLate = aCase().registered().reviewed().assignedTo("handler1");
        contactedLate.at(contactedLate.firstContactDueAt().plus(Duration.ofHours(3))).contacted();
        ComplaintStory enteredLate = aCase().registeredLate(Duration.ofHours(4), "the letter lay in the mailroom")
                .investigatedBy("handler1");
        now(contactedLate.firstContactDueAt().plus(Duration.ofHours(5)));

        given(contactedLate, enteredLate);

        assertThat(overdue(CaseFilter.NONE).items()).isEmpty();
    }

    @Test
    void a_recorded_breach_is_overdue_while_its_step_is_not_done_and_the_case_shows_it_breached() {
        ComplaintStory neglected = aCase().registered().reviewed().assignedTo("handler1");
        neglected.idleUntil(neglected.firstContactDueAt().plus(Duration.ofHours(1)));
        now(neglected.firstContactDueAt().plus(Duration.ofHours(5)));

        given(neglected);

        OverdueCases overdue = overdue(CaseFilter.NONE);
        assertThat(overdue.items()).extracting(o -> o.item().complaintId(), OverdueCase::deadline, OverdueCase::dueAt,
                        OverdueCase::overdueBy)
                .containsExactly(tuple(neglected.id(), "FIRST_CONTACT", neglected.firstContactDueAt(), Duration.ofHours(5)));
        assertThat(overdue.items().get(0).item().level()).as("escalated by the breach")
                .isEqualTo(HandlingLevel.FIRST_LEVEL_BRANCH);
        CaseView view = cases.find(new CaseQueries.FindCase(neglected.id(), null, null, Actors.SUPERVISOR)).orElseThrow();
        assertThat(deadline(view, "FIRST_CONTACT"))
                .isEqualTo(new CaseView.Deadline("FIRST_CONTACT", neglected.firstContactDueAt(), DeadlineState.BREACHED,
                        null, neglected.firstContactDueAt()));
    }

    @Test
    void a_breached_step_done_late_is_no_longer_overdue_but_stays_breached() {
        ComplaintStory contactedLate = aCase().registered().reviewed().assignedTo("handler1");
        Instant late = contactedLate.firstContactDueAt().plus(Duration.ofHours(6));
        contactedLate.at(late).contacted();
        now(late.plus(Duration.ofHours(2)));

        given(contactedLate);

        assertThat(overdue(CaseFilter.NONE).items()).isEmpty();
        CaseView view = cases.find(new CaseQueries.FindCase(contactedLate.id(), null, null, Actors.SUPERVISOR)).orElseThrow();
        assertThat(deadline(view, "FIRST_CONTACT"))
                .isEqualTo(new CaseView.Deadline("FIRST_CONTACT", contactedLate.firstContactDueAt(), DeadlineState.BREACHED,
                        late, contactedLate.firstContactDueAt()));
    }

    @Test
    void a_case_closed_after_a_recorded_breach_is_not_overdue() {
        ComplaintStory closed = aCase().registered().reviewed().assignedTo("handler1").evidenceAttached()
                .findingsRecorded().resolutionProposed();
        closed.idleUntil(closed.firstContactDueAt().plus(Duration.ofHours(1)));
        closed.resolutionAccepted().closed();
        now(closed.firstContactDueAt().plus(Duration.ofDays(2)));

        given(closed);

        assertThat(overdue(CaseFilter.NONE).items()).isEmpty();
        assertThat(overdue(CaseFilter.NONE).totalElements()).isZero();
    }

    @Test
    void stopped_deadlines_and_ended_cases_are_not_overdue() {
        ComplaintStory closed = aCase().registered().reviewed().assignedTo("handler1").evidenceAttached()
                .findingsRecorded().resolved().closed();
        ComplaintStory withdrawn = aCase().registered().reviewed().assignedTo("handler1").withdrawn();
        ComplaintStory inquiry = aCase().registered().foundNotAComplaint();
        now(closed.resolutionDueAt().plus(Duration.ofDays(30)));

        given(closed, withdrawn, inquiry);

        OverdueCases overdue = overdue(CaseFilter.NONE);
        assertThat(overdue.items()).isEmpty();
        assertThat(overdue.totalElements()).isZero();
    }

    @Test
    void an_extended_deadline_is_overdue_only_after_its_new_due_time() {
        ComplaintStory extended = aCase().registered().investigatedBy("handler1").deadlineExtended(10);
        given(extended);

        now(extended.receivedAt().plus(Duration.ofDays(20)));
        assertThat(overdue(CaseFilter.NONE).items()).isEmpty();

        now(extended.resolutionDueAt().plus(Duration.ofHours(1)));
        assertThat(overdue(CaseFilter.NONE).items()).extracting(OverdueCase::deadline, OverdueCase::dueAt, OverdueCase::overdueBy)
                .containsExactly(tuple("RESOLUTION", extended.resolutionDueAt(), Duration.ofHours(1)));
    }

    @Test
    void the_most_overdue_case_comes_first_and_a_case_with_several_overdue_deadlines_is_listed_once() {
        ComplaintStory neverContacted = aCase().receivedAt(day(2)).registered().reviewed().assignedTo("handler1");
        ComplaintStory contacted = aCase().receivedAt(day(3)).registered().investigatedBy("handler2");
        ComplaintStory extended = aCase().receivedAt(day(5)).registered().investigatedBy("handler1").deadlineExtended(10);
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        now(now);

        given(contacted, extended, neverContacted);

        OverdueCases overdue = overdue(CaseFilter.NONE);
        assertThat(overdue.items()).extracting(o -> o.item().complaintId())
                .containsExactly(neverContacted.id(), contacted.id());
        assertThat(overdue.totalElements()).isEqualTo(2);
        OverdueCase worst = overdue.items().get(0);
        assertThat(worst.deadline()).isEqualTo("FIRST_CONTACT");
        assertThat(worst.dueAt()).isEqualTo(neverContacted.firstContactDueAt());
        assertThat(worst.overdueBy()).isEqualTo(Duration.between(neverContacted.firstContactDueAt(), now));
        assertThat(worst.overdueDeadlines()).containsExactly("FIRST_CONTACT", "RESOLUTION");
        OverdueCase next = overdue.items().get(1);
        assertThat(next.deadline()).isEqualTo("RESOLUTION");
        assertThat(next.dueAt()).isEqualTo(contacted.resolutionDueAt());
        assertThat(next.overdueBy()).isEqualTo(Duration.between(contacted.resolutionDueAt(), now));
    }

    @Test
    void the_overdue_list_takes_the_same_filters_as_the_open_list() {
        ComplaintStory atBr0101 = aCase().inBranch("BR-0101").registered().reviewed().assignedTo("handler1");
        ComplaintStory atBr0200 = aCase().inBranch("BR-0200").registered().reviewed().assignedTo("handler2");
        ComplaintStory unassigned = aCase().inBranch("BR-0200").registered();
        now(atBr0101.firstContactDueAt().plus(Duration.ofHours(2)));

        given(atBr0101, atBr0200, unassigned);

        assertThat(ids(overdue(new CaseFilter("BR-0200", null, null, null, null))))
                .containsExactlyInAnyOrder(atBr0200.id(), unassigned.id());
        assertThat(ids(overdue(new CaseFilter(null, null, null, "handler1", null)))).containsExactly(atBr0101.id());
        assertThat(ids(overdue(new CaseFilter(null, null, null, null, ComplaintStatus.REGISTERED))))
                .containsExactly(unassigned.id());
        assertThat(overdue(new CaseFilter("BR-0200", null, null, "handler1", null)).items()).isEmpty();
    }

    @Test
    void overdue_cases_are_paged_and_counted_per_case() {
        ComplaintStory first = aCase().receivedAt(day(2)).registered();
        ComplaintStory second = aCase().receivedAt(day(3)).registered();
        ComplaintStory third = aCase().receivedAt(day(4)).registered();
        now(Instant.parse("2026-11-25T09:00:00Z"));
        given(third, first, second);

        OverdueCases page0 = cases.overdue(new CaseQueries.FindOverdueCases(CaseFilter.NONE, PageSpec.parse(0, 2, null, "receivedAt", true)));
        OverdueCases page1 = cases.overdue(new CaseQueries.FindOverdueCases(CaseFilter.NONE, PageSpec.parse(1, 2, null, "receivedAt", true)));

        assertThat(ids(page0)).containsExactly(first.id(), second.id());
        assertThat(ids(page1)).containsExactly(third.id());
        assertThat(page0.totalElements()).isEqualTo(3);
        assertThat(page0.totalPages()).isEqualTo(2);
        assertThat(page1.totalElements()).isEqualTo(3);
    }

    @Test
    void an_overdue_page_as_json_gives_iso_times_and_durations_and_no_customer_personal_data() {
        ComplaintStory notContacted = aCase().registered().reviewed().assignedTo("handler1");
        now(notContacted.firstContactDueAt().plus(Duration.ofHours(5)));
        given(notContacted);

        String page = json.writeValueAsString(overdue(CaseFilter.NONE));

        assertThat(page).contains(notContacted.id(), "\"deadline\":\"FIRST_CONTACT\"",
                "\"dueAt\":\"" + notContacted.firstContactDueAt() + "\"", "\"overdueBy\":\"PT5H\"");
        assertThat(page).doesNotContain(ComplaintStory.CUSTOMER_NAME, ComplaintStory.CUSTOMER_PHONE,
                ComplaintStory.CUSTOMER_EMAIL, ComplaintStory.DESCRIPTION);
    }

    // ---- helpers ----

    private OverdueCases overdue(CaseFilter filter) {
        return cases.overdue(new CaseQueries.FindOverdueCases(filter, PageSpec.parse(0, 50, null, "receivedAt", true)));
    }

    private static CaseView.Deadline deadline(CaseView view, String name) {
        return view.deadlines().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " deadline in " + view));
    }

    private static List<String> ids(OverdueCases page) {
        return page.items().stream().map(o -> o.item().complaintId()).toList();
    }

    /** 09:00 UTC on that day of November 2026. */
    private static Instant day(int dayOfNovember) {
        return Instant.parse(String.format("2026-11-%02dT09:00:00Z", dayOfNovember));
    }
}
