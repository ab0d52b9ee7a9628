package com.complaintcase.casemodel;

import com.complaintcase.casemodel.CaseLife.Lifecycle;
import com.complaintcase.casemodel.CaseLife.Step;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.ComplaintTransferred;
import com.complaintcase.events.complaint.ComplaintWithdrawn;
import com.complaintcase.events.complaint.CustomerContacted;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ContactMethod;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.ReviewOutcome;
import org.junit.jupiter.api.Test;

import static com.complaintcase.casemodel.CaseEvents.*;
import static com.complaintcase.values.ComplaintStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class CaseLifeTest {

    private static final BranchCode OTHER_UNIT = BranchCode.of("BR-0202");

    @Test
    void a_registered_case_stands_at_branch_level_with_the_unit_it_was_registered_at() {
        Step step = CaseLife.step(Lifecycle.UNREGISTERED, registered());

        assertThat(step.after()).isEqualTo(new Lifecycle(REGISTERED, HandlingLevel.BRANCH, BRANCH, null));
    }

    @Test
    void an_accepted_case_becomes_assigned_with_its_handler_and_in_progress_with_the_first_work() {
        Lifecycle accepted = new Lifecycle(ACCEPTED, HandlingLevel.BRANCH, BRANCH, null);

        Lifecycle assigned = CaseLife.step(accepted, assigned("handler1")).after();
        Lifecycle working = CaseLife.step(assigned, new CustomerContacted(CASE, REGISTERED_AT, ContactMethod.PHONE,
                "called", true, HANDLER)).after();

        assertThat(assigned).isEqualTo(new Lifecycle(ASSIGNED, HandlingLevel.BRANCH, BRANCH, "handler1"));
        assertThat(working.status()).isEqualTo(IN_PROGRESS);
    }

    @Test
    void a_transfer_clears_the_handler_and_the_receiving_unit_must_assign_again() {
        Lifecycle working = new Lifecycle(IN_PROGRESS, HandlingLevel.BRANCH, BRANCH, "handler1");

        Lifecycle transferred = CaseLife.step(working, transfer()).after();

        assertThat(transferred).isEqualTo(new Lifecycle(ACCEPTED, HandlingLevel.BRANCH, OTHER_UNIT, null));
    }

    @Test
    void a_case_transferred_before_its_review_is_still_to_be_reviewed() {
        Lifecycle registered = new Lifecycle(REGISTERED, HandlingLevel.BRANCH, BRANCH, null);

        assertThat(CaseLife.step(registered, transfer()).after().status()).isEqualTo(REGISTERED);
    }

    @Test
    void above_the_branch_the_branch_reply_clock_is_dropped() {
        Lifecycle atBranch = new Lifecycle(ACCEPTED, HandlingLevel.BRANCH, BRANCH, null);

        Step up = CaseLife.step(atBranch, escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                EscalationReason.SLA_BREACH));

        assertThat(up.after().level()).isEqualTo(HandlingLevel.FIRST_LEVEL_BRANCH);
        assertThat(up.dropsBranchReply()).isTrue();
        assertThat(up.endsTheCase()).isFalse();
    }

    @Test
    void not_a_complaint_closing_and_withdrawing_end_the_case() {
        Lifecycle registered = new Lifecycle(REGISTERED, HandlingLevel.BRANCH, BRANCH, null);
        Lifecycle resolved = new Lifecycle(RESOLVED, HandlingLevel.BRANCH, BRANCH, "handler1");

        Step notAComplaint = CaseLife.step(registered, new ComplaintReviewed(CASE, ReviewOutcome.NOT_A_COMPLAINT, null,
                HandlingLevel.BRANCH, null, SUPERVISOR, null));
        Step closed = CaseLife.step(resolved, new ComplaintClosed(CASE, "done", HANDLER));
        Step withdrawn = CaseLife.step(registered, new ComplaintWithdrawn(CASE, "no longer", INTAKE));

        assertThat(notAComplaint.after().status()).isEqualTo(NOT_A_COMPLAINT);
        assertThat(closed.after().status()).isEqualTo(CLOSED);
        assertThat(withdrawn.after().status()).isEqualTo(WITHDRAWN);
        assertThat(notAComplaint.endsTheCase() && closed.endsTheCase() && withdrawn.endsTheCase()).isTrue();
    }

    private static ComplaintTransferred transfer() {
        return new ComplaintTransferred(CASE, BRANCH, OTHER_UNIT, "their product", "handler1", HANDLER, REGISTERED_AT, null);
    }
}
