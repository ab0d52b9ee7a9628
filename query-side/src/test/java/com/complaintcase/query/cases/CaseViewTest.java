package com.complaintcase.query.cases;

import com.complaintcase.query.scenario.Actors;
import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.SlaClock;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/cases/{id}}: the case view, with deadline states read at an instant, with or without
 * personal data, now or as it stood at a past instant (rebuilt from the event store).
 */
class CaseViewTest extends ProjectionTestSupport {

    @Autowired
    private CaseQueryHandler cases;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private JsonMapper json;

    // ---- deadline states at an instant ----

    @Test
    void a_running_deadline_past_its_due_time_shows_as_breached_at_its_due_time() {
        ComplaintStory notContacted = aCase().registered().reviewed().assignedTo("handler1");

        given(notContacted).then(readModel -> {
            CaseSummary summary = readModel.caseSummary(notContacted);
            Instant due = notContacted.firstContactDueAt();

            CaseView.Deadline before = deadline(CaseView.of(summary, due.minusSeconds(60), null), SlaClock.FIRST_CONTACT);
            CaseView.Deadline after = deadline(CaseView.of(summary, due.plus(Duration.ofHours(3)), null), SlaClock.FIRST_CONTACT);

            assertThat(before).isEqualTo(new CaseView.Deadline("FIRST_CONTACT", due, DeadlineState.RUNNING, null, null));
            assertThat(after).isEqualTo(new CaseView.Deadline("FIRST_CONTACT", due, DeadlineState.BREACHED, null, due));
        });
    }

    @Test
    void met_and_stopped_deadlines_keep_their_state_at_any_later_instant() {
        ComplaintStory contacted = aCase().registered().investigatedBy("handler1");
        ComplaintStory withdrawn = aCase().registered().reviewed().withdrawn();

        given(contacted, withdrawn).then(readModel -> {
            Instant muchLater = contacted.resolutionDueAt().plus(Duration.ofDays(60));
            CaseView contactedView = CaseView.of(readModel.caseSummary(contacted), muchLater, null);
            CaseView withdrawnView = CaseView.of(readModel.caseSummary(withdrawn), muchLater, null);

            assertThat(deadline(contactedView, SlaClock.FIRST_CONTACT).state()).isEqualTo(DeadlineState.MET);
            assertThat(deadline(contactedView, SlaClock.ENTRY).state()).isEqualTo(DeadlineState.MET);
            assertThat(deadline(contactedView, SlaClock.RESOLUTION).state()).isEqualTo(DeadlineState.BREACHED);
            assertThat(deadline(withdrawnView, SlaClock.FIRST_CONTACT).state()).isEqualTo(DeadlineState.STOPPED);
            assertThat(deadline(withdrawnView, SlaClock.RESOLUTION).state()).isEqualTo(DeadlineState.STOPPED);
        });
    }

    @Test
    void the_view_now_reads_deadlines_against_the_applications_clock() {
        ComplaintStory notContacted = aCase().registered().reviewed().assignedTo("handler1");
        given(notContacted);

        now(notContacted.firstContactDueAt().plus(Duration.ofMinutes(1)));
        CaseView view = cases.find(new CaseQueries.FindCase(notContacted.id(), null, null, Actors.SUPERVISOR)).orElseThrow();

        assertThat(deadline(view, SlaClock.FIRST_CONTACT).state()).isEqualTo(DeadlineState.BREACHED);
        assertThat(view.asOf()).isNull();
        assertThat(view.version()).isEqualTo(notContacted.lastSequence());
        assertThat(view.status()).isEqualTo(ComplaintStatus.ASSIGNED);
    }

    // ---- personal data ----

    @Test
    void the_full_view_carries_the_customers_personal_data_for_those_allowed_to_see_it() {
        ComplaintStory story = aCase().fromCustomer("C-2002").registered();
        given(story);

        CaseView view = cases.find(new CaseQueries.FindCase(story.id(), null, null, Actors.SUPERVISOR)).orElseThrow();

        assertThat(view.customer()).isEqualTo(new CaseView.Customer("C-2002", ComplaintStory.CUSTOMER_NAME,
                ComplaintStory.CUSTOMER_PHONE, ComplaintStory.CUSTOMER_EMAIL));
        assertThat(view.description()).isEqualTo(ComplaintStory.DESCRIPTION);
        assertThat(view.personalDataRedacted()).isNull();
    }

    @Test
    void without_personal_data_the_view_drops_name_phone_email_and_description_and_keeps_the_rest() {
        ComplaintStory story = aCase().fromCustomer("C-2002").registered().investigatedBy("handler1")
                .escalated(EscalationReason.CUSTOMER_REQUEST).resolutionProposed(Money.of("120.00", "CNY"));
        given(story);

        CaseView full = cases.find(new CaseQueries.FindCase(story.id(), null, null, Actors.SUPERVISOR)).orElseThrow();
        CaseView redacted = full.withoutPersonalData();

        assertThat(redacted.customer()).isEqualTo(new CaseView.Customer("C-2002", null, null, null));
        assertThat(redacted.description()).isNull();
        assertThat(redacted.personalDataRedacted()).isTrue();
        assertThat(redacted).usingRecursiveComparison()
                .ignoringFields("customer", "description", "personalDataRedacted")
                .isEqualTo(full);
        String asJson = json.writeValueAsString(redacted);
        assertThat(asJson).contains(story.id(), "C-2002");
        assertThat(asJson).doesNotContain(ComplaintStory.CUSTOMER_NAME, ComplaintStory.CUSTOMER_PHONE,
                ComplaintStory.CUSTOMER_EMAIL, ComplaintStory.DESCRIPTION);
    }

    @Test
    void the_query_handler_leaves_out_personal_data_for_an_analyst_or_a_query_naming_no_viewer() {
        ComplaintStory story = aCase().fromCustomer("C-2003").registered().reviewed();
        recordInEventStore(story);
        given(story);

        for (Actor viewer : new Actor[] {Actors.ANALYST, null}) {
            CaseView now = cases.find(new CaseQueries.FindCase(story.id(), null, null, viewer)).orElseThrow();
            CaseView then = cases.find(new CaseQueries.FindCase(story.id(), story.lastRecordedAt(), null, viewer)).orElseThrow();
            for (CaseView view : List.of(now, then)) {
                assertThat(view.personalDataRedacted()).as("redacted for %s", viewer).isTrue();
                assertThat(view.customer()).isEqualTo(new CaseView.Customer("C-2003", null, null, null));
                assertThat(view.description()).isNull();
            }
        }
    }

    @Test
    void every_role_that_reads_personal_data_gets_the_customer_and_the_description() {
        ComplaintStory story = aCase().registered();
        given(story);

        for (Actor viewer : List.of(Actors.INTAKE, Actors.HANDLER_1, Actors.SUPERVISOR, Actors.COMPLIANCE, Actors.REGULATOR)) {
            CaseView view = cases.find(new CaseQueries.FindCase(story.id(), null, null, viewer)).orElseThrow();
            assertThat(view.personalDataRedacted()).as("for %s", viewer).isNull();
            assertThat(view.customer().name()).isEqualTo(ComplaintStory.CUSTOMER_NAME);
            assertThat(view.description()).isEqualTo(ComplaintStory.DESCRIPTION);
        }
    }

    // ---- the view assembled from the row ----

    @Test
    void the_view_shows_findings_compensation_escalations_and_policy_from_the_row() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").escalated(EscalationReason.MEDIA_THREAT)
                .resolutionProposed(Money.of("300.00", "CNY")).compensationApproved().resolutionAccepted()
                .compensationPaid(Money.of("250.00", "CNY")).feedback(5);
        given(story);

        CaseView view = cases.find(new CaseQueries.FindCase(story.id(), null, null, Actors.SUPERVISOR)).orElseThrow();

        assertThat(view.findings()).isNotNull();
        assertThat(view.compensation()).isEqualTo(new CaseView.Compensation(Money.of("300.00", "CNY"),
                Money.of("300.00", "CNY"), Money.of("250.00", "CNY")));
        assertThat(view.escalations()).extracting(CaseView.Escalation::toLevel).containsExactly(HandlingLevel.FIRST_LEVEL_BRANCH);
        assertThat(view.level()).isEqualTo(HandlingLevel.FIRST_LEVEL_BRANCH);
        assertThat(view.policy()).isEqualTo(new CaseView.Policy("BANK_INTERNAL", 1));
        assertThat(view.satisfactionScore()).isEqualTo(5);
        assertThat(view.status()).isEqualTo(ComplaintStatus.RESOLVED);
    }

    // ---- as of a past instant, from the event store ----

    @Test
    void as_of_an_instant_the_view_is_rebuilt_from_the_events_recorded_up_to_then() {
        ComplaintStory story = aCase().inBranch("BR-0101").registered().reviewed().assignedTo("handler1");
        Instant assignedAt = story.lastRecordedAt();
        story.after(Duration.ofHours(2)).transferredTo("BR-0200");
        recordInEventStore(story);
        given(story);

        Instant asOf = assignedAt.plus(Duration.ofMinutes(30));
        CaseView then = cases.find(new CaseQueries.FindCase(story.id(), asOf, null, Actors.SUPERVISOR)).orElseThrow();

        assertThat(then.handlerId()).isEqualTo("handler1");
        assertThat(then.branchCode()).isEqualTo("BR-0101");
        assertThat(then.status()).isEqualTo(ComplaintStatus.ASSIGNED);
        assertThat(then.version()).isEqualTo(2);
        assertThat(then.asOf()).isEqualTo(asOf);
        CaseView now = cases.find(new CaseQueries.FindCase(story.id(), null, null, Actors.SUPERVISOR)).orElseThrow();
        assertThat(now.branchCode()).isEqualTo("BR-0200");
    }

    @Test
    void as_of_an_instant_an_event_recorded_at_that_very_instant_counts() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1");
        recordInEventStore(story);

        CaseView then = cases.find(new CaseQueries.FindCase(story.id(), story.lastRecordedAt(), null, Actors.SUPERVISOR)).orElseThrow();

        assertThat(then.version()).isEqualTo(story.lastSequence());
        assertThat(then.handlerId()).isEqualTo("handler1");
    }

    @Test
    void as_of_an_instant_before_registration_there_is_no_case() {
        ComplaintStory story = aCase().registered();
        recordInEventStore(story);

        Optional<CaseView> before = cases.find(new CaseQueries.FindCase(story.id(), story.registeredAt().minusSeconds(1), null, Actors.SUPERVISOR));

        assertThat(before).isEmpty();
    }

    @Test
    void as_of_an_instant_deadlines_are_read_at_that_instant() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1");
        story.at(story.firstContactDueAt().plus(Duration.ofDays(1))).contacted();
        recordInEventStore(story);

        Instant afterDueBeforeContact = story.firstContactDueAt().plus(Duration.ofHours(1));
        CaseView then = cases.find(new CaseQueries.FindCase(story.id(), afterDueBeforeContact, null, Actors.SUPERVISOR)).orElseThrow();
        CaseView later = cases.find(new CaseQueries.FindCase(story.id(), story.lastRecordedAt(), null, Actors.SUPERVISOR)).orElseThrow();

        assertThat(deadline(then, SlaClock.FIRST_CONTACT))
                .isEqualTo(new CaseView.Deadline("FIRST_CONTACT", story.firstContactDueAt(), DeadlineState.BREACHED, null,
                        story.firstContactDueAt()));
        assertThat(deadline(later, SlaClock.FIRST_CONTACT))
                .isEqualTo(new CaseView.Deadline("FIRST_CONTACT", story.firstContactDueAt(), DeadlineState.BREACHED,
                        story.lastRecordedAt(), story.firstContactDueAt()));
    }

    @Test
    void the_view_rebuilt_from_events_is_the_view_of_the_projected_row() {
        ComplaintStory story = aCase().registeredLate(Duration.ofHours(3), "weekend").investigatedBy("handler1")
                .escalated(EscalationReason.REPEAT_COMPLAINT).deadlineExtended(5)
                .resolutionProposed(Money.of("80.00", "CNY")).compensationApproved().resolutionAccepted().feedback(3);
        recordInEventStore(story);
        given(story);
        Instant at = story.lastRecordedAt();

        CaseView rebuilt = cases.find(new CaseQueries.FindCase(story.id(), at, null, Actors.SUPERVISOR)).orElseThrow();
        CaseView projected = readModel().read(entityManager -> {
            CaseSummary summary = entityManager.find(CaseSummary.class, story.id());
            return CaseView.of(summary, at, at).withPersonalDataDecrypted(cipher);
        });

        // the counting class is the statistics' (the row does not hold it): entered late, the case is a complaint
        assertThat(rebuilt).usingRecursiveComparison().ignoringFields("countingClass").isEqualTo(projected);
        assertThat(rebuilt.countingClass()).isEqualTo(com.complaintcase.query.statistics.counting.CountingClass.COMPLAINT);
    }

    @Test
    void a_case_the_projection_has_not_reached_yet_is_rebuilt_from_its_events() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1");
        recordInEventStore(story);

        CaseView view = cases.find(new CaseQueries.FindCase(story.id(), null, null, Actors.SUPERVISOR)).orElseThrow();

        assertThat(view.status()).isEqualTo(ComplaintStatus.ASSIGNED);
        assertThat(view.version()).isEqualTo(story.lastSequence());
    }

    @Test
    void asking_for_a_version_the_projection_has_not_reached_rebuilds_the_case_from_its_events() {
        ComplaintStory story = aCase().registered().reviewed();
        given(story);
        story.assignedTo("handler1");
        recordInEventStore(story);

        CaseView view = cases.find(new CaseQueries.FindCase(story.id(), null, story.lastSequence(), Actors.SUPERVISOR)).orElseThrow();

        assertThat(view.version()).isEqualTo(story.lastSequence());
        assertThat(view.handlerId()).isEqualTo("handler1");
    }

    @Test
    void an_unknown_case_is_not_found() {
        assertThat(cases.find(new CaseQueries.FindCase(ComplaintStory.aCase().id(), null, null, Actors.SUPERVISOR))).isEmpty();
    }

    // ---- helpers ----

    private void recordInEventStore(ComplaintStory story) {
        eventStore.publish(story.messages());
    }

    private static CaseView.Deadline deadline(CaseView view, SlaClock clock) {
        return view.deadlines().stream().filter(d -> d.name().equals(clock.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + clock + " deadline in the view"));
    }
}
