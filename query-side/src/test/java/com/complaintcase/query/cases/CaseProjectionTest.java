package com.complaintcase.query.cases;

import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.CustomerContacted;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineExtended;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.platform.privacy.PersonalDataModule;
import com.complaintcase.query.scenario.Actors;
import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.RemedyType;
import com.complaintcase.values.RequestedRemedy;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.Subcategory;
import com.complaintcase.values.Validity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The cases projection, one event type at a time: given the events of a case, the row it keeps for
 * the case. Every test also checks the row's version (the last sequence applied) and last change.
 */
class CaseProjectionTest extends ProjectionTestSupport {

    private static final Money FIVE_HUNDRED = Money.of("500.00", "CNY");
    private static final Money THREE_HUNDRED = Money.of("300.00", "CNY");

    // ---- ComplaintRegistered ----

    @Test
    void a_registration_keeps_the_customers_personal_data_in_the_row_only_as_the_stored_event_holds_it() {
        ComplaintStory story = aCase().fromCustomer("C-1001").registered();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            JsonNode stored = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(new PersonalDataModule(cipher))
                    .build().valueToTree(story.message(0).getPayload());
            assertThat(List.of(c.customerName(), c.customerPhone(), c.customerEmail(), c.description()))
                    .containsExactly(stored.path("customer").path("name").asText(),
                            stored.path("customer").path("phone").asText(),
                            stored.path("customer").path("email").asText(), stored.path("description").asText())
                    .allSatisfy(value -> assertThat(value).startsWith("pd1:").doesNotContain(
                            ComplaintStory.CUSTOMER_NAME, ComplaintStory.CUSTOMER_PHONE, ComplaintStory.CUSTOMER_EMAIL,
                            ComplaintStory.DESCRIPTION));
        });
    }

    @Test
    void a_registration_opens_a_case_at_the_receiving_branch_with_its_clocks_running() {
        ComplaintStory story = aCase()
                .inBranch("BR-0101").through(Channel.PHONE)
                .about(Subcategory.WRONG_FEE).withRootIssue(RootIssue.FEES)
                .fromCustomer("C-1001")
                .asking(new RequestedRemedy(RemedyType.REFUND, Money.of("200.00", "CNY")))
                .flagged(new ComplaintFlags(true, false, true, "INC-2026-11"))
                .registered();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.REGISTERED);
            assertThat(c.isOpen()).isTrue();
            assertThat(c.level()).isEqualTo(HandlingLevel.BRANCH);
            assertThat(c.category()).isEqualTo(Category.BUSINESS_ERROR);
            assertThat(c.subcategory()).isEqualTo(Subcategory.WRONG_FEE);
            assertThat(c.rootIssue()).isEqualTo(RootIssue.FEES);
            assertThat(c.channel()).isEqualTo(Channel.PHONE);
            assertThat(c.branchCode()).isEqualTo("BR-0101");
            assertThat(c.registeredBranchCode()).isEqualTo("BR-0101");
            assertThat(c.handlerId()).isNull();
            assertThat(c.firstResponderId()).isEqualTo("intake1");
            assertThat(c.receivedAt()).isEqualTo(story.receivedAt());
            assertThat(c.registeredAt()).isEqualTo(story.registeredAt());
            assertThat(c.customerId()).isEqualTo("C-1001");
            assertThat(cipher.decrypt(c.customerName())).isEqualTo(ComplaintStory.CUSTOMER_NAME);
            assertThat(cipher.decrypt(c.customerPhone())).isEqualTo(ComplaintStory.CUSTOMER_PHONE);
            assertThat(cipher.decrypt(c.customerEmail())).isEqualTo(ComplaintStory.CUSTOMER_EMAIL);
            assertThat(cipher.decrypt(c.description())).isEqualTo(ComplaintStory.DESCRIPTION);
            assertThat(c.requestedRemedy()).isEqualTo(RemedyType.REFUND);
            assertThat(c.requestedAmount()).isEqualByComparingTo("200.00");
            assertThat(c.requestedCurrency()).isEqualTo("CNY");
            assertThat(c.mediaThreat()).isTrue();
            assertThat(c.vulnerableCustomer()).isFalse();
            assertThat(c.skippedLevel()).isTrue();
            assertThat(c.incidentCode()).isEqualTo("INC-2026-11");
            assertThat(c.lateEntry()).isFalse();
            assertThat(c.policyName()).isEqualTo("BANK_INTERNAL");
            assertThat(c.policyVersion()).isEqualTo(1);
            assertThat(c.escalations()).isEmpty();
            assertThat(c.reopenCount()).isZero();
            assertThat(c.satisfactionScore()).isNull();
            assertThat(c.deadlines())
                    .extracting(DeadlineEntry::clock, DeadlineEntry::dueAt, DeadlineEntry::state,
                            DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactlyInAnyOrder(
                            tuple(SlaClock.ENTRY, story.receivedAt().plus(Duration.ofHours(24)), DeadlineState.MET,
                                    story.registeredAt(), null),
                            tuple(SlaClock.FIRST_CONTACT, story.registeredAt().plus(Duration.ofHours(48)),
                                    DeadlineState.RUNNING, null, null),
                            tuple(SlaClock.RESOLUTION, story.receivedAt().plus(Duration.ofDays(15)),
                                    DeadlineState.RUNNING, null, null));
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- ComplaintEnteredLate ----

    @Test
    void a_late_entry_breaches_the_entry_clock_and_flags_the_case_as_entered_late() {
        ComplaintStory story = aCase().registeredLate(Duration.ofHours(6), "the letter lay in the mailroom");

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.lateEntry()).isTrue();
            assertThat(deadline(c, SlaClock.ENTRY))
                    .extracting(DeadlineEntry::dueAt, DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(story.entryDueAt(), DeadlineState.BREACHED, story.registeredAt(), story.entryDueAt());
            assertThat(deadline(c, SlaClock.FIRST_CONTACT).dueAt()).isEqualTo(story.registeredAt().plus(Duration.ofHours(48)));
            assertThat(c.status()).isEqualTo(ComplaintStatus.REGISTERED);
            assertThat(c.version()).isEqualTo(1);
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- ComplaintReviewed ----

    @Test
    void an_accepting_review_records_the_business_line_and_the_handling_level() {
        ComplaintStory story = aCase().registered().reviewed(HandlingLevel.FIRST_LEVEL_BRANCH);

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.ACCEPTED);
            assertThat(c.isOpen()).isTrue();
            assertThat(c.businessLine()).isEqualTo("Cards");
            assertThat(c.level()).isEqualTo(HandlingLevel.FIRST_LEVEL_BRANCH);
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_review_that_finds_no_complaint_ends_the_case_and_stops_its_running_clocks() {
        ComplaintStory story = aCase().registered().foundNotAComplaint();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.NOT_A_COMPLAINT);
            assertThat(c.isOpen()).isFalse();
            assertThat(c.deadlines()).extracting(DeadlineEntry::clock, DeadlineEntry::state)
                    .containsExactlyInAnyOrder(
                            tuple(SlaClock.ENTRY, DeadlineState.MET),
                            tuple(SlaClock.FIRST_CONTACT, DeadlineState.STOPPED),
                            tuple(SlaClock.RESOLUTION, DeadlineState.STOPPED));
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- HandlerAssigned ----

    @Test
    void assigning_a_handler_to_an_accepted_case_makes_it_assigned_to_that_handler() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1");

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.ASSIGNED);
            assertThat(c.handlerId()).isEqualTo("handler1");
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void reassigning_a_case_in_progress_changes_its_handler_but_not_its_status() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").assignedTo("handler2");

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
            assertThat(c.handlerId()).isEqualTo("handler2");
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- ComplaintTransferred ----

    @Test
    void a_transfer_moves_the_case_to_the_new_unit_and_clears_its_handler() {
        ComplaintStory story = aCase().inBranch("BR-0101").registered().investigatedBy("handler1")
                .transferredTo("BR-0200");

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.branchCode()).isEqualTo("BR-0200");
            assertThat(c.registeredBranchCode()).isEqualTo("BR-0101");
            assertThat(c.handlerId()).isNull();
            assertThat(c.status()).as("the receiving unit must assign a handler").isEqualTo(ComplaintStatus.ACCEPTED);
            assertThat(c.isOpen()).isTrue();
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_transfer_before_the_review_leaves_the_case_registered() {
        ComplaintStory story = aCase().inBranch("BR-0101").registered().transferredTo("BR-0300");

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.branchCode()).isEqualTo("BR-0300");
            assertThat(c.status()).isEqualTo(ComplaintStatus.REGISTERED);
        });
    }

    // ---- CustomerContacted ----

    @Test
    void a_first_contact_in_time_meets_the_first_contact_clock_and_starts_work() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1").contacted();
        Instant contactedAt = story.lastRecordedAt();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
            assertThat(deadline(c, SlaClock.FIRST_CONTACT))
                    .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(DeadlineState.MET, contactedAt, null);
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_first_contact_after_its_due_time_is_done_but_breached() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1");
        Instant late = story.firstContactDueAt().plus(Duration.ofHours(3));
        story.at(late).contacted();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(deadline(c, SlaClock.FIRST_CONTACT))
                    .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(DeadlineState.BREACHED, late, story.firstContactDueAt());
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_contact_recorded_afterwards_counts_from_when_it_took_place() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1");
        Instant contactedInTime = story.firstContactDueAt().minus(Duration.ofHours(3));
        story.at(story.firstContactDueAt().minus(Duration.ofHours(1))).contactedAt(contactedInTime);

        given(story).then(readModel -> assertThat(deadline(readModel.caseSummary(story), SlaClock.FIRST_CONTACT))
                .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                .containsExactly(DeadlineState.MET, contactedInTime, null));
    }

    @Test
    void a_contact_in_time_recorded_only_after_the_deadline_fired_leaves_the_recorded_breach_on_record() {
        // the breach was recorded (and the case escalated) when the deadline fired; the contact recorded later
        // says when it took place, but does not undo a recorded fact
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1");
        Instant contactedInTime = story.firstContactDueAt().minus(Duration.ofHours(1));
        story.at(story.firstContactDueAt().plus(Duration.ofHours(2))).contactedAt(contactedInTime);

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(deadline(c, SlaClock.FIRST_CONTACT))
                    .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(DeadlineState.BREACHED, contactedInTime, story.firstContactDueAt());
            assertThat(c.level()).isEqualTo(HandlingLevel.FIRST_LEVEL_BRANCH);
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void later_contacts_leave_the_first_contact_as_it_was() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1").contacted();
        Instant first = story.lastRecordedAt();
        story.after(Duration.ofDays(3)).contacted();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(deadline(c, SlaClock.FIRST_CONTACT))
                    .extracting(DeadlineEntry::state, DeadlineEntry::metAt)
                    .containsExactly(DeadlineState.MET, first);
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- EvidenceAttached ----

    @Test
    void attaching_evidence_starts_work_on_an_assigned_case() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1").evidenceAttached();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
            assertThat(deadline(c, SlaClock.FIRST_CONTACT).state()).isEqualTo(DeadlineState.RUNNING);
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- FindingsRecorded ----

    @Test
    void findings_record_validity_and_responsibility_and_later_findings_supersede_them() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1")
                .findingsRecorded(Validity.VALID, Responsibility.LIABLE)
                .findingsRecorded(Validity.SPECIAL, Responsibility.SHARED);

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.validity()).isEqualTo(Validity.SPECIAL);
            assertThat(c.responsibility()).isEqualTo(Responsibility.SHARED);
            assertThat(c.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- ResolutionProposed ----

    @Test
    void a_proposed_resolution_awaits_the_customer_with_the_proposed_compensation() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolutionProposed(FIVE_HUNDRED);

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.RESOLUTION_PROPOSED);
            assertThat(c.compensationProposed()).isEqualByComparingTo("500.00");
            assertThat(c.compensationCurrency()).isEqualTo("CNY");
            assertThat(c.compensationApproved()).isNull();
            assertThat(c.compensationPaid()).isNull();
            assertThat(c.isOpen()).isTrue();
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_resolution_proposed_in_time_meets_the_resolution_clock() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolutionProposed();
        Instant proposedAt = story.lastRecordedAt();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(deadline(c, SlaClock.RESOLUTION))
                    .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(DeadlineState.MET, proposedAt, null);
            assertThat(c.status()).isEqualTo(ComplaintStatus.RESOLUTION_PROPOSED);
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_resolution_proposed_after_its_deadline_fired_is_done_but_breached() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1");
        Instant late = story.resolutionDueAt().plus(Duration.ofDays(2));
        story.at(late).resolutionProposed();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(deadline(c, SlaClock.RESOLUTION))
                    .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(DeadlineState.BREACHED, late, story.resolutionDueAt());
            assertThat(c.escalations()).extracting(EscalationEntry::reason, EscalationEntry::escalatedBy,
                            EscalationEntry::escalatedAt)
                    .containsExactly(tuple(EscalationReason.SLA_BREACH, "system", story.resolutionDueAt()));
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_later_proposal_after_a_rejection_leaves_the_resolution_clock_met_at_the_first_one() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolutionProposed();
        Instant firstProposal = story.lastRecordedAt();
        story.resolutionRejected().after(Duration.ofDays(20)).resolutionProposed();

        given(story).then(readModel -> assertThat(deadline(readModel.caseSummary(story), SlaClock.RESOLUTION))
                .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                .containsExactly(DeadlineState.MET, firstProposal, null));
    }

    // ---- CompensationApproved ----

    @Test
    void an_approved_compensation_is_recorded_while_the_proposal_still_awaits_the_customer() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolutionProposed(FIVE_HUNDRED)
                .compensationApproved();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.RESOLUTION_PROPOSED);
            assertThat(c.compensationProposed()).isEqualByComparingTo("500.00");
            assertThat(c.compensationApproved()).isEqualByComparingTo("500.00");
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- CompensationRejected ----

    @Test
    void a_rejected_compensation_lapses_the_proposal_and_puts_the_case_back_in_progress() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolutionProposed(FIVE_HUNDRED)
                .compensationRejected();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
            assertThat(c.compensationProposed()).isNull();
            assertThat(c.compensationApproved()).isNull();
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- ResolutionAccepted ----

    @Test
    void an_accepted_resolution_resolves_the_case_and_the_resolution_clock_stays_met_when_the_proposal_was_made() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolutionProposed();
        Instant proposedAt = story.lastRecordedAt();
        story.after(Duration.ofDays(3)).resolutionAccepted();
        Instant acceptedAt = story.lastRecordedAt();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.RESOLVED);
            assertThat(c.isOpen()).as("a resolved case is open until closed").isTrue();
            assertThat(c.resolvedAt()).isEqualTo(acceptedAt);
            assertThat(deadline(c, SlaClock.RESOLUTION))
                    .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(DeadlineState.MET, proposedAt, null);
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_resolution_accepted_after_the_due_time_of_a_proposal_made_in_time_leaves_the_clock_met() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolutionProposed();
        Instant proposedAt = story.lastRecordedAt();
        story.at(story.resolutionDueAt().plus(Duration.ofDays(2))).resolutionAccepted();

        given(story).then(readModel -> assertThat(deadline(readModel.caseSummary(story), SlaClock.RESOLUTION))
                .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                .containsExactly(DeadlineState.MET, proposedAt, null));
    }

    // ---- ResolutionRejected ----

    @Test
    void a_rejected_resolution_puts_the_case_back_in_progress_and_drops_the_proposal() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolutionProposed(THREE_HUNDRED);
        Instant proposedAt = story.lastRecordedAt();
        story.compensationApproved().resolutionRejected();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
            assertThat(c.compensationProposed()).isNull();
            assertThat(c.compensationApproved()).isNull();
            assertThat(c.resolvedAt()).isNull();
            assertThat(deadline(c, SlaClock.RESOLUTION))
                    .as("the resolution clock waits for a proposal, which was made; a rejection does not restart it")
                    .extracting(DeadlineEntry::state, DeadlineEntry::metAt)
                    .containsExactly(DeadlineState.MET, proposedAt);
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- CompensationPaid ----

    @Test
    void a_payment_records_the_amount_actually_paid_next_to_the_approved_one() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolutionProposed(THREE_HUNDRED)
                .compensationApproved().resolutionAccepted().compensationPaid(Money.of("280.00", "CNY"));

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.compensationProposed()).isEqualByComparingTo("300.00");
            assertThat(c.compensationApproved()).isEqualByComparingTo("300.00");
            assertThat(c.compensationPaid()).isEqualByComparingTo("280.00");
            assertThat(c.compensationCurrency()).isEqualTo("CNY");
            assertThat(c.status()).isEqualTo(ComplaintStatus.RESOLVED);
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_compensation_paid_stays_on_record_when_a_later_resolution_offers_none() {
        // paid, closed, reopened by the customer, then a new resolution without compensation
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolutionProposed(THREE_HUNDRED)
                .compensationApproved().resolutionAccepted().compensationPaid(THREE_HUNDRED).closed()
                .reopened().resolutionProposed();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.compensationPaid()).isEqualByComparingTo("300.00");
            assertThat(CaseView.of(c, story.lastRecordedAt(), null).compensation())
                    .as("the case view's compensation")
                    .isEqualTo(new CaseView.Compensation(null, null, THREE_HUNDRED));
        });
    }

    // ---- FeedbackRecorded ----

    @Test
    void feedback_records_the_customers_satisfaction_score() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolved().feedback(4);

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.satisfactionScore()).isEqualTo(4);
            assertThat(c.status()).isEqualTo(ComplaintStatus.RESOLVED);
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- ComplaintClosed ----

    @Test
    void closing_ends_the_case_and_stops_the_clocks_still_running() {
        // resolved the same day, without a recorded contact: the first-contact clock still runs at closure
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1").evidenceAttached()
                .findingsRecorded().resolved().closed();
        Instant closedAt = story.lastRecordedAt();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.CLOSED);
            assertThat(c.isOpen()).isFalse();
            assertThat(c.closedAt()).isEqualTo(closedAt);
            assertThat(c.deadlines()).extracting(DeadlineEntry::clock, DeadlineEntry::state)
                    .containsExactlyInAnyOrder(
                            tuple(SlaClock.ENTRY, DeadlineState.MET),
                            tuple(SlaClock.FIRST_CONTACT, DeadlineState.STOPPED),
                            tuple(SlaClock.RESOLUTION, DeadlineState.MET));
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_clock_that_ran_out_before_the_case_was_closed_still_shows_its_breach() {
        // domain brief, section 6: a breach is a recorded fact; closing the case later does not undo it
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1").evidenceAttached()
                .findingsRecorded().resolutionProposed();
        story.at(story.firstContactDueAt().plus(Duration.ofDays(1))).resolutionAccepted().closed();

        given(story).then(readModel -> assertThat(deadline(readModel.caseSummary(story), SlaClock.FIRST_CONTACT))
                .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                .containsExactly(DeadlineState.BREACHED, null, story.firstContactDueAt()));
    }

    // ---- ComplaintReopened ----

    @Test
    void reopening_a_closed_case_puts_it_back_in_progress_and_counts_the_reopening() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolved().closed().reopened();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
            assertThat(c.isOpen()).isTrue();
            assertThat(c.reopenCount()).isEqualTo(1);
            assertThat(c.closedAt()).isNull();
            assertThat(c.resolvedAt()).isNull();
            assertThat(c.handlerId()).isEqualTo("handler1");
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void every_reopening_is_counted() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolved().closed()
                .reopened().resolved().closed().reopened();

        given(story).then(readModel -> assertThat(readModel.caseSummary(story).reopenCount()).isEqualTo(2));
    }

    // ---- ComplaintWithdrawn ----

    @Test
    void a_hold_and_its_end_leave_the_case_as_it_stood_with_its_clocks_running() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").putOnHold().resumed();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
            assertThat(c.handlerId()).isEqualTo("handler1");
            assertThat(c.deadlines()).extracting(DeadlineEntry::clock, DeadlineEntry::state)
                    .containsExactlyInAnyOrder(
                            tuple(SlaClock.ENTRY, DeadlineState.MET),
                            tuple(SlaClock.FIRST_CONTACT, DeadlineState.MET),
                            tuple(SlaClock.RESOLUTION, DeadlineState.RUNNING));
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_withdrawal_ends_the_case_and_stops_its_running_clocks() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").withdrawn();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.status()).isEqualTo(ComplaintStatus.WITHDRAWN);
            assertThat(c.isOpen()).isFalse();
            assertThat(c.deadlines()).extracting(DeadlineEntry::clock, DeadlineEntry::state)
                    .containsExactlyInAnyOrder(
                            tuple(SlaClock.ENTRY, DeadlineState.MET),
                            tuple(SlaClock.FIRST_CONTACT, DeadlineState.MET),
                            tuple(SlaClock.RESOLUTION, DeadlineState.STOPPED));
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- ComplaintEscalated ----

    @Test
    void an_escalation_raises_the_level_and_is_listed_with_its_reason_and_who_escalated() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").escalated(EscalationReason.MEDIA_THREAT);
        Instant first = story.lastRecordedAt();
        story.escalated(EscalationReason.SLA_BREACH);
        Instant second = story.lastRecordedAt();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.level()).isEqualTo(HandlingLevel.HEAD_OFFICE);
            assertThat(c.escalations())
                    .extracting(EscalationEntry::fromLevel, EscalationEntry::toLevel, EscalationEntry::reason,
                            EscalationEntry::note, EscalationEntry::escalatedAt, EscalationEntry::escalatedBy)
                    .containsExactly(
                            tuple(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH, EscalationReason.MEDIA_THREAT,
                                    "escalated: MEDIA_THREAT", first, "supervisor1"),
                            tuple(HandlingLevel.FIRST_LEVEL_BRANCH, HandlingLevel.HEAD_OFFICE, EscalationReason.SLA_BREACH,
                                    "escalated: SLA_BREACH", second, "system"));
            assertThat(c.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
            assertIsAtLastEventOf(c, story);
        });
    }

    // ---- DeadlineExtended ----

    @Test
    void a_deadline_extension_moves_the_resolution_due_time_and_extensions_add_up() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1");
        Instant originalDue = story.resolutionDueAt();
        story.deadlineExtended(10).deadlineExtended(5);

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(deadline(c, SlaClock.RESOLUTION))
                    .extracting(DeadlineEntry::dueAt, DeadlineEntry::state, DeadlineEntry::metAt)
                    .containsExactly(originalDue.plus(Duration.ofDays(15)), DeadlineState.RUNNING, null);
            assertThat(deadline(c, SlaClock.FIRST_CONTACT).state()).isEqualTo(DeadlineState.MET);
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_resolution_proposed_within_the_extended_time_meets_the_clock() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").deadlineExtended(10);
        Instant afterOriginalDueButInExtension = story.receivedAt().plus(Duration.ofDays(20));
        story.at(afterOriginalDueButInExtension).resolutionProposed();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(deadline(c, SlaClock.RESOLUTION))
                    .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(DeadlineState.MET, afterOriginalDueButInExtension, null);
            assertThat(c.escalations()).as("the replaced deadline never fired").isEmpty();
        });
    }

    // ---- DeadlineMet ----

    @Test
    void a_deadline_met_in_time_is_met_at_the_time_the_step_was_done() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1");
        Instant contactedAt = story.firstContactDueAt().minus(Duration.ofHours(2));
        story.at(contactedAt).contacted();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(story.lastMessage().getPayload()).isInstanceOf(DeadlineMet.class);
            assertThat(deadline(c, SlaClock.FIRST_CONTACT))
                    .extracting(DeadlineEntry::dueAt, DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(story.firstContactDueAt(), DeadlineState.MET, contactedAt, null);
            assertThat(c.nextDueAt).as("the resolution clock is the next one due").isEqualTo(story.resolutionDueAt());
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_deadline_met_on_its_own_changes_only_that_clock() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1");
        Instant metAt = story.lastRecordedAt().plus(Duration.ofMinutes(5));
        List<DomainEventMessage<?>> messages = withExtra(story, metAt,
                new DeadlineMet(story.complaintId(), SlaClock.RESOLUTION, story.deadlineId(SlaClock.RESOLUTION),
                        story.resolutionDueAt(), metAt, Actors.HANDLER_1));

        given(messages).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.deadlines()).extracting(DeadlineEntry::clock, DeadlineEntry::state, DeadlineEntry::metAt)
                    .containsExactlyInAnyOrder(
                            tuple(SlaClock.ENTRY, DeadlineState.MET, story.registeredAt()),
                            tuple(SlaClock.FIRST_CONTACT, DeadlineState.RUNNING, null),
                            tuple(SlaClock.RESOLUTION, DeadlineState.MET, metAt));
            assertThat(c.status()).as("a met clock changes no status").isEqualTo(ComplaintStatus.ASSIGNED);
            assertThat(c.version()).isEqualTo(story.lastSequence() + 1);
            assertThat(c.lastChangedAt()).isEqualTo(metAt);
        });
    }

    // ---- DeadlineBreached ----

    @Test
    void a_fired_deadline_breaches_its_clock_at_the_due_time_and_the_system_escalates_the_case() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1")
                .idleUntil(Instant.parse("2026-11-06T00:00:00Z"));

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(types(story)).endsWith(
                    DeadlineBreached.class, ComplaintEscalated.class);
            assertThat(deadline(c, SlaClock.FIRST_CONTACT))
                    .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(DeadlineState.BREACHED, null, story.firstContactDueAt());
            assertThat(deadline(c, SlaClock.RESOLUTION).state()).isEqualTo(DeadlineState.RUNNING);
            assertThat(c.level()).isEqualTo(HandlingLevel.FIRST_LEVEL_BRANCH);
            assertThat(c.escalations()).extracting(EscalationEntry::fromLevel, EscalationEntry::toLevel,
                            EscalationEntry::reason, EscalationEntry::escalatedAt, EscalationEntry::escalatedBy)
                    .containsExactly(tuple(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                            EscalationReason.SLA_BREACH, story.firstContactDueAt(), "system"));
            assertThat(c.status()).isEqualTo(ComplaintStatus.ASSIGNED);
            assertThat(c.isOpen()).isTrue();
            assertThat(c.nextDueAt).as("a breached clock not done is still pending").isEqualTo(story.firstContactDueAt());
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_breached_clock_done_late_stays_breached_with_the_time_it_was_done() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1");
        Instant late = story.firstContactDueAt().plus(Duration.ofHours(7));
        story.at(late).contacted();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(types(story)).containsSubsequence(
                    DeadlineBreached.class, ComplaintEscalated.class, CustomerContacted.class, DeadlineMet.class);
            assertThat(deadline(c, SlaClock.FIRST_CONTACT))
                    .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(DeadlineState.BREACHED, late, story.firstContactDueAt());
            assertThat(c.nextDueAt).as("done: the resolution clock is next").isEqualTo(story.resolutionDueAt());
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_step_done_late_before_its_deadline_fired_records_the_breach_and_the_late_completion_together() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1").deadlinesNotFiring();
        Instant late = story.firstContactDueAt().plus(Duration.ofMinutes(1));
        story.at(late).contacted();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(types(story)).endsWith(
                    CustomerContacted.class, DeadlineBreached.class, DeadlineMet.class);
            assertThat(deadline(c, SlaClock.FIRST_CONTACT))
                    .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(DeadlineState.BREACHED, late, story.firstContactDueAt());
            assertThat(c.escalations()).as("only a fired deadline escalates").isEmpty();
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_breach_takes_the_time_the_event_records_not_the_time_it_was_delivered() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1");
        Instant breachedAt = story.firstContactDueAt();
        Instant recordedAt = breachedAt.plus(Duration.ofSeconds(40));
        List<DomainEventMessage<?>> messages = withExtra(story, recordedAt,
                new DeadlineBreached(story.complaintId(), SlaClock.FIRST_CONTACT, story.deadlineId(SlaClock.FIRST_CONTACT),
                        story.firstContactDueAt(), breachedAt, Actors.SYSTEM));

        given(messages).then(readModel -> assertThat(deadline(readModel.caseSummary(story), SlaClock.FIRST_CONTACT))
                .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                .containsExactly(DeadlineState.BREACHED, null, breachedAt));
    }

    @Test
    void a_breached_clock_is_not_stopped_by_closing_the_case() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1").evidenceAttached()
                .findingsRecorded().resolutionProposed()
                .idleUntil(Instant.parse("2026-11-05T00:00:00Z"));
        story.resolutionAccepted().closed();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.deadlines()).extracting(DeadlineEntry::clock, DeadlineEntry::state, DeadlineEntry::breachedAt)
                    .containsExactlyInAnyOrder(
                            tuple(SlaClock.ENTRY, DeadlineState.MET, null),
                            tuple(SlaClock.FIRST_CONTACT, DeadlineState.BREACHED, story.firstContactDueAt()),
                            tuple(SlaClock.RESOLUTION, DeadlineState.MET, null));
            assertThat(c.nextDueAt).as("an ended case has nothing due").isNull();
        });
    }

    @Test
    void a_deadline_that_fires_at_the_top_level_records_the_breach_without_an_escalation() {
        ComplaintStory story = aCase().registered().reviewed(HandlingLevel.REGULATOR_REPORTED).assignedTo("handler1")
                .idleUntil(Instant.parse("2026-11-06T00:00:00Z"));

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(story.lastMessage().getPayload()).isInstanceOf(DeadlineBreached.class);
            assertThat(deadline(c, SlaClock.FIRST_CONTACT).state()).isEqualTo(DeadlineState.BREACHED);
            assertThat(c.level()).isEqualTo(HandlingLevel.REGULATOR_REPORTED);
            assertThat(c.escalations()).isEmpty();
        });
    }

    @Test
    void an_extension_granted_after_the_due_time_passed_keeps_the_breach_on_record() {
        // the deadline store was behind: the resolution limit passed without a recorded breach, then a
        // supervisor extended the clock
        ComplaintStory story = aCase().registered().investigatedBy("handler1").deadlinesNotFiring();
        Instant originalDue = story.resolutionDueAt();
        story.at(originalDue.plus(Duration.ofHours(2))).deadlineExtended(5);

        given(story).then(readModel -> assertThat(deadline(readModel.caseSummary(story), SlaClock.RESOLUTION))
                .extracting(DeadlineEntry::dueAt, DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                .containsExactly(originalDue.plus(Duration.ofDays(5)), DeadlineState.RUNNING, null, originalDue));
    }

    @Test
    void an_extension_after_a_recorded_breach_moves_the_due_time_and_keeps_the_breach() {
        // the aggregate refuses to extend a breached clock; the projection must still not lose the breach
        ComplaintStory story = aCase().registered().investigatedBy("handler1");
        Instant originalDue = story.resolutionDueAt();
        String deadlineId = story.deadlineId(SlaClock.RESOLUTION);
        story.idleUntil(originalDue.plus(Duration.ofHours(1)));
        Instant extendedAt = originalDue.plus(Duration.ofHours(3));
        Instant newDue = originalDue.plus(Duration.ofDays(5));
        List<DomainEventMessage<?>> messages = withExtra(story, extendedAt,
                new DeadlineExtended(story.complaintId(), SlaClock.RESOLUTION, originalDue, newDue, 5,
                        "statements from the card scheme are still awaited", deadlineId, "replacement-deadline",
                        Actors.SUPERVISOR));

        given(messages).then(readModel -> assertThat(deadline(readModel.caseSummary(story), SlaClock.RESOLUTION))
                .extracting(DeadlineEntry::dueAt, DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                .containsExactly(newDue, DeadlineState.BREACHED, null, originalDue));
    }

    @Test
    void the_deadlines_of_a_closed_case_fire_no_more_even_once_it_is_reopened() {
        // closed without a recorded contact: closing cancelled the first-contact deadline for good
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1").evidenceAttached()
                .findingsRecorded().resolved().closed().reopened()
                .after(Duration.ofDays(20)).evidenceAttached();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(types(story))
                    .doesNotContain(DeadlineBreached.class, ComplaintEscalated.class);
            assertThat(c.deadlines()).extracting(DeadlineEntry::clock, DeadlineEntry::state)
                    .containsExactlyInAnyOrder(
                            tuple(SlaClock.ENTRY, DeadlineState.MET),
                            tuple(SlaClock.FIRST_CONTACT, DeadlineState.STOPPED),
                            tuple(SlaClock.RESOLUTION, DeadlineState.MET));
            assertThat(c.level()).isEqualTo(HandlingLevel.BRANCH);
        });
    }

    // ---- helpers ----

    /** The types of the story's events, in order. */
    private static List<Class<?>> types(ComplaintStory story) {
        return story.messages().stream().<Class<?>>map(DomainEventMessage::getPayloadType).toList();
    }

    /** The story's messages and one more event, recorded at {@code at} with the next sequence number. */
    private static List<DomainEventMessage<?>> withExtra(ComplaintStory story, Instant at, ComplaintEvent event) {
        List<DomainEventMessage<?>> messages = new ArrayList<>(story.messages());
        messages.add(new GenericDomainEventMessage<>(ComplaintStory.AGGREGATE_TYPE, story.id(), story.lastSequence() + 1,
                event, MetaData.with("userId", event.by().userId()), UUID.randomUUID().toString(), at));
        return messages;
    }

    // ---- BANK_INTERNAL handover clocks: branch reply, forward, start work ----

    @Test
    void a_review_at_branch_level_shows_the_branch_reply_clock_running() {
        ComplaintStory story = aCase().registered();
        Instant replyDue = story.registeredAt().plus(Duration.ofDays(1));
        story.reviewedAtBranchWithReplyDueAt(replyDue);

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(deadline(c, SlaClock.BRANCH_REPLY))
                    .extracting(DeadlineEntry::state, DeadlineEntry::dueAt, DeadlineEntry::metAt)
                    .containsExactly(DeadlineState.RUNNING, replyDue, null);
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_proposal_meets_the_branch_reply_clock() {
        ComplaintStory story = aCase().registered();
        story.reviewedAtBranchWithReplyDueAt(story.registeredAt().plus(Duration.ofDays(1)))
                .assignedTo("handler1").contacted().findingsRecorded().resolutionProposed();
        Instant proposedAt = story.lastRecordedAt();

        given(story).then(readModel -> assertThat(deadline(readModel.caseSummary(story), SlaClock.BRANCH_REPLY))
                .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                .containsExactly(DeadlineState.MET, proposedAt, null));
    }

    @Test
    void an_escalation_above_the_branch_drops_the_branch_reply_clock() {
        ComplaintStory story = aCase().registered();
        story.reviewedAtBranchWithReplyDueAt(story.registeredAt().plus(Duration.ofDays(1)))
                .escalated(EscalationReason.MEDIA_THREAT);

        given(story).then(readModel -> assertThat(readModel.caseSummary(story).deadlines())
                .extracting(DeadlineEntry::clock)
                .doesNotContain(SlaClock.BRANCH_REPLY));
    }

    @Test
    void a_transfer_within_the_hour_shows_the_forward_clock_met_and_the_start_work_clock_running() {
        ComplaintStory story = aCase().registered().after(Duration.ofMinutes(30)).transferredWithHandoverClocksTo("BR-0200");
        Instant transferredAt = story.lastRecordedAt();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(deadline(c, SlaClock.FORWARD))
                    .extracting(DeadlineEntry::state, DeadlineEntry::dueAt, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                    .containsExactly(DeadlineState.MET, story.registeredAt().plus(Duration.ofHours(1)), transferredAt, null);
            assertThat(deadline(c, SlaClock.START_WORK))
                    .extracting(DeadlineEntry::state, DeadlineEntry::dueAt)
                    .containsExactly(DeadlineState.RUNNING, transferredAt.plus(Duration.ofHours(2)));
            assertIsAtLastEventOf(c, story);
        });
    }

    @Test
    void a_transfer_later_than_an_hour_after_arrival_shows_the_forward_clock_breached_and_done() {
        ComplaintStory story = aCase().registered().reviewed().after(Duration.ofHours(2))
                .transferredWithHandoverClocksTo("BR-0200");
        Instant transferredAt = story.lastRecordedAt();
        Instant forwardDue = story.registeredAt().plus(Duration.ofHours(1));

        given(story).then(readModel -> assertThat(deadline(readModel.caseSummary(story), SlaClock.FORWARD))
                .extracting(DeadlineEntry::state, DeadlineEntry::metAt, DeadlineEntry::breachedAt)
                .containsExactly(DeadlineState.BREACHED, transferredAt, forwardDue));
    }

    @Test
    void the_receiving_unit_assigning_a_handler_meets_the_start_work_clock() {
        ComplaintStory story = aCase().registered().reviewed().transferredWithHandoverClocksTo("BR-0200")
                .assignedTo("handler2");
        Instant assignedAt = story.lastRecordedAt();

        given(story).then(readModel -> assertThat(deadline(readModel.caseSummary(story), SlaClock.START_WORK))
                .extracting(DeadlineEntry::state, DeadlineEntry::metAt)
                .containsExactly(DeadlineState.MET, assignedAt));
    }

    @Test
    void a_second_transfer_replaces_the_running_start_work_clock() {
        ComplaintStory story = aCase().registered().reviewed().transferredWithHandoverClocksTo("BR-0200")
                .after(Duration.ofMinutes(30)).transferredWithHandoverClocksTo("BR-0101");
        Instant secondTransfer = story.lastRecordedAt();

        given(story).then(readModel -> {
            CaseSummary c = readModel.caseSummary(story);
            assertThat(c.deadlines()).filteredOn(d -> d.clock() == SlaClock.START_WORK)
                    .extracting(DeadlineEntry::state, DeadlineEntry::dueAt)
                    .containsExactly(tuple(DeadlineState.RUNNING, secondTransfer.plus(Duration.ofHours(2))));
            assertThat(c.deadlines()).filteredOn(d -> d.clock() == SlaClock.FORWARD)
                    .extracting(DeadlineEntry::state).containsExactly(DeadlineState.BREACHED, DeadlineState.MET);
        });
    }

    private static DeadlineEntry deadline(CaseSummary summary, SlaClock clock) {
        return summary.deadlines().stream().filter(d -> d.clock() == clock).findFirst()
                .orElseThrow(() -> new AssertionError("no " + clock + " deadline on " + summary.complaintId()));
    }

    /** The row's version is the sequence of the story's last event, and its last change that event's time. */
    private static void assertIsAtLastEventOf(CaseSummary summary, ComplaintStory story) {
        assertThat(summary.version()).as("version").isEqualTo(story.lastSequence());
        assertThat(summary.lastChangedAt()).as("lastChangedAt").isEqualTo(story.lastRecordedAt());
    }
}
