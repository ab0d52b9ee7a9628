package com.complaintcase.casemodel;

import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintPutOnHold;
import com.complaintcase.events.complaint.ComplaintReopened;
import com.complaintcase.events.complaint.ComplaintWithdrawn;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.events.complaint.FindingsRecorded;
import com.complaintcase.events.complaint.ResolutionAccepted;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.events.complaint.ResolutionRejected;
import com.complaintcase.values.Actor;
import com.complaintcase.values.Channel;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.SlaStep;
import com.complaintcase.values.Validity;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.complaintcase.casemodel.CaseEvents.*;
import static com.complaintcase.values.ComplaintStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class CaseStateTest {

    private static final DeadlineSet FIRST_CONTACT = deadline(SlaClock.FIRST_CONTACT, REGISTERED_AT.plus(Duration.ofHours(48)));
    private static final DeadlineSet BRANCH_REPLY = deadline(SlaClock.BRANCH_REPLY, REGISTERED_AT.plus(Duration.ofDays(1)));
    private static final Money COMPENSATION = Money.of("50.00", "CNY");

    @Test
    void a_case_registered_before_policy_packs_has_the_first_contact_and_resolution_clocks_of_then() {
        CaseState state = folded(registered(Channel.PHONE, FIRST_CONTACT));

        assertThat(state.clocksMetBy(SlaStep.FIRST_CONTACT)).containsExactly(SlaClock.FIRST_CONTACT);
        assertThat(state.clocksMetBy(SlaStep.RESOLUTION_PROPOSED)).containsExactly(SlaClock.RESOLUTION);
        assertThat(state.runningClock(SlaClock.FIRST_CONTACT))
                .isEqualTo(new CaseState.ClockDue(FIRST_CONTACT.deadlineId(), FIRST_CONTACT.dueAt()));
        assertThat(state.extensionDaysAllowed(false)).isEqualTo(15);
    }

    @Test
    void a_breached_clock_stops_running_and_waits_to_be_met_late() {
        CaseState state = folded(registered(Channel.PHONE, FIRST_CONTACT),
                new DeadlineBreached(CASE, SlaClock.FIRST_CONTACT, FIRST_CONTACT.deadlineId(), FIRST_CONTACT.dueAt(),
                        FIRST_CONTACT.dueAt(), Actor.SYSTEM));

        assertThat(state.runningClock(SlaClock.FIRST_CONTACT)).isNull();
        assertThat(state.breachedClock(SlaClock.FIRST_CONTACT)).isNotNull();
    }

    @Test
    void escalation_above_the_branch_drops_the_branch_reply_clock_running_or_breached() {
        CaseState state = folded(registered(), accepted(HandlingLevel.BRANCH, BRANCH_REPLY),
                escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH, EscalationReason.SLA_BREACH));

        assertThat(state.level()).isEqualTo(HandlingLevel.FIRST_LEVEL_BRANCH);
        assertThat(state.runningClock(SlaClock.BRANCH_REPLY)).isNull();
        assertThat(state.breachedClock(SlaClock.BRANCH_REPLY)).isNull();
    }

    @Test
    void the_escalation_on_arrival_is_the_registration_s_last_event() {
        CaseState outside = folded(registered(Channel.REGULATOR),
                escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH, EscalationReason.OUTSIDE_CHANNEL));
        CaseState later = folded(registered(), accepted(HandlingLevel.BRANCH, null),
                escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH, EscalationReason.SLA_BREACH));

        assertThat(outside.registrationVersion()).isEqualTo(1);
        assertThat(later.registrationVersion()).isZero();
    }

    @Test
    void a_proposed_compensation_awaits_a_second_person_other_than_the_proposer_and_the_handler() {
        CaseState state = folded(registered(), accepted(HandlingLevel.BRANCH, null), assigned("handler1"),
                findings(), new ResolutionProposed(CASE, "refund", COMPENSATION, HANDLER));

        assertThat(state.status()).isEqualTo(RESOLUTION_PROPOSED);
        assertThat(state.awaitsCompensationDecision()).isTrue();
        assertThat(state.mayDecideCompensation("handler1")).isFalse();
        assertThat(state.mayDecideCompensation("supervisor2")).isTrue();
    }

    @Test
    void a_rejected_resolution_takes_its_compensation_back_to_handling() {
        CaseState state = folded(registered(), accepted(HandlingLevel.BRANCH, null), assigned("handler1"),
                findings(), new ResolutionProposed(CASE, "refund", COMPENSATION, HANDLER),
                new ResolutionRejected(CASE, "not enough", HANDLER));

        assertThat(state.status()).isEqualTo(IN_PROGRESS);
        assertThat(state.proposedCompensation()).isNull();
        assertThat(state.awaitsCompensationDecision()).isFalse();
    }

    @Test
    void an_agreed_compensation_not_yet_paid_stays_payable_after_a_reopening() {
        CaseState state = folded(registered(), accepted(HandlingLevel.BRANCH, null), assigned("handler1"),
                findings(), new ResolutionProposed(CASE, "refund", COMPENSATION, HANDLER),
                new CompensationApproved(CASE, COMPENSATION, "handler1", null, SUPERVISOR),
                new ResolutionAccepted(CASE, "fine", HANDLER), new ComplaintClosed(CASE, "done", HANDLER),
                new ComplaintReopened(CASE, "again", INTAKE));

        assertThat(state.status()).isEqualTo(IN_PROGRESS);
        assertThat(state.hasAgreedCompensation()).isTrue();
        assertThat(state.proposedCompensation()).isEqualTo(COMPENSATION);
    }

    @Test
    void a_case_that_ends_is_no_longer_on_hold() {
        CaseState onHold = folded(registered(), accepted(HandlingLevel.BRANCH, null), assigned("handler1"),
                new ComplaintPutOnHold(CASE, "waiting for the ledger", HANDLER));
        CaseState withdrawn = folded(registered(), accepted(HandlingLevel.BRANCH, null), assigned("handler1"),
                new ComplaintPutOnHold(CASE, "waiting for the ledger", HANDLER),
                new ComplaintWithdrawn(CASE, "no longer", INTAKE));

        assertThat(onHold.isOnHold()).isTrue();
        assertThat(onHold.status()).isEqualTo(ASSIGNED);
        assertThat(withdrawn.isOnHold()).isFalse();
    }

    private static FindingsRecorded findings() {
        return new FindingsRecorded(CASE, Validity.VALID, Responsibility.LIABLE, "batch ran twice", "duplicate fee", HANDLER);
    }
}
