package com.complaintcase.query.cases;

import com.complaintcase.casemodel.CaseLife;
import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.CompensationRejected;
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
import com.complaintcase.events.complaint.EvidenceAttached;
import com.complaintcase.events.complaint.FeedbackRecorded;
import com.complaintcase.events.complaint.FindingsRecorded;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.events.complaint.ResolutionAccepted;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.events.complaint.ResolutionRejected;
import com.complaintcase.platform.privacy.DataSubjects;
import com.complaintcase.platform.privacy.PersonalDataCipher;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Money;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.SlaClock;

import java.time.Instant;

/**
 * How each event changes a {@link CaseSummary}. Where the case stands (status, level, unit, handler), whether its
 * clocks stop and whether the branch-reply clock is dropped is the case model's step ({@link CaseLife}), the same the
 * command side decides with; this adds what the view shows besides. A visitor, so the compiler insists that every
 * event of the case is handled here.
 */
final class CaseEvolution implements ComplaintEvent.Visitor<Void> {

    private final CaseSummary c;
    private final Instant at;
    private final PersonalDataCipher cipher;

    CaseEvolution(CaseSummary summary, Instant recordedAt, PersonalDataCipher cipher) {
        this.c = summary;
        this.at = recordedAt;
        this.cipher = cipher;
    }

    /** Applies {@code event}: the case model's step, then what the view keeps of the event. */
    void evolve(ComplaintEvent event) {
        CaseLife.Step step = CaseLife.step(new CaseLife.Lifecycle(c.status, c.level,
                c.branchCode == null ? null : BranchCode.of(c.branchCode), c.handlerId), event);
        event.accept(this);
        c.status = step.after().status();
        c.level = step.after().level();
        c.branchCode = step.after().unit() == null ? null : step.after().unit().value();
        c.handlerId = step.after().handlerId();
        if (step.endsTheCase()) {
            c.deadlines.forEach(deadline -> deadline.stop(at));
        }
        if (step.dropsBranchReply()) {
            // dropped, neither met nor breached
            c.deadlines.removeIf(deadline -> deadline.clock == SlaClock.BRANCH_REPLY
                    && deadline.state == DeadlineState.RUNNING);
        }
    }

    @Override
    public Void on(ComplaintRegistered e) {
        c.category = e.category();
        c.subcategory = e.subcategory();
        c.rootIssue = e.rootIssue();
        c.channel = e.channel();
        c.registeredBranchCode = e.branchCode().value();
        c.firstResponderId = e.by().userId();
        c.receivedAt = e.receivedAt();
        c.registeredAt = e.registeredAt();
        c.customerId = e.customer().customerId().value();
        // under the event's subjects and field names: each value is the very text the stored event holds
        String customer = DataSubjects.customer(e.customer().customerId());
        c.customerName = sealed(customer, "name", e.customer().name());
        c.customerPhone = sealed(customer, "phone", e.customer().phone());
        c.customerEmail = sealed(customer, "email", e.customer().email());
        c.description = sealed(DataSubjects.complaint(e.complaintId()), "description", e.description());
        if (e.requestedRemedy() != null) {
            c.requestedRemedy = e.requestedRemedy().type();
            Money amount = e.requestedRemedy().amount();
            c.requestedAmount = amount == null ? null : amount.amount();
            c.requestedCurrency = amount == null ? null : amount.currency();
        }
        c.mediaThreat = e.flags().mediaThreat();
        c.vulnerableCustomer = e.flags().vulnerableCustomer();
        c.skippedLevel = e.flags().skippedLevel();
        c.incidentCode = e.flags().incidentCode();
        c.policyName = e.policy().name();
        c.policyVersion = e.policy().version();
        DeadlineEntry entry = new DeadlineEntry(SlaClock.ENTRY, e.receivedAt().plus(e.policy().entryLimit()));
        entry.complete(e.registeredAt());
        c.deadlines.add(entry);
        e.deadlines().forEach(deadline -> c.deadlines.add(new DeadlineEntry(deadline.clock(), deadline.dueAt())));
        return null;
    }

    @Override
    public Void on(ComplaintEnteredLate e) {
        c.lateEntry = true;
        return null;
    }

    @Override
    public Void on(ComplaintReviewed e) {
        if (e.outcome() == ReviewOutcome.ACCEPTED) {
            c.businessLine = e.businessLine();
        }
        if (e.branchReply() != null) {
            c.deadlines.add(new DeadlineEntry(e.branchReply().clock(), e.branchReply().dueAt()));
        }
        return null;
    }

    @Override
    public Void on(HandlerAssigned e) {
        return null;
    }

    @Override
    public Void on(ComplaintTransferred e) {
        if (e.startWork() != null) {
            // a new transfer replaces the start-work clock still waiting for the previous unit
            c.deadlines.removeIf(deadline -> deadline.clock == e.startWork().clock() && deadline.metAt == null
                    && deadline.state != DeadlineState.STOPPED);
            c.deadlines.add(new DeadlineEntry(e.startWork().clock(), e.startWork().dueAt()));
        }
        return null;
    }

    @Override
    public Void on(CustomerContacted e) {
        return null;
    }

    @Override
    public Void on(EvidenceAttached e) {
        return null;
    }

    @Override
    public Void on(FindingsRecorded e) {
        c.validity = e.validity();
        c.responsibility = e.responsibility();
        return null;
    }

    @Override
    public Void on(ResolutionProposed e) {
        c.compensationProposed = e.compensation() == null ? null : e.compensation().amount();
        c.compensationCurrency = e.compensation() == null ? null : e.compensation().currency();
        c.compensationApproved = null;
        return null;
    }

    @Override
    public Void on(CompensationApproved e) {
        c.compensationApproved = e.amount().amount();
        return null;
    }

    @Override
    public Void on(CompensationRejected e) {
        c.compensationProposed = null;
        return null;
    }

    @Override
    public Void on(ResolutionAccepted e) {
        c.resolvedAt = at;
        c.satisfactionScore = null;
        return null;
    }

    @Override
    public Void on(ResolutionRejected e) {
        c.compensationProposed = null;
        c.compensationApproved = null;
        return null;
    }

    @Override
    public Void on(CompensationPaid e) {
        c.compensationPaid = e.amount().amount();
        c.compensationPaidCurrency = e.amount().currency();
        return null;
    }

    @Override
    public Void on(FeedbackRecorded e) {
        c.satisfactionScore = e.score().value();
        return null;
    }

    @Override
    public Void on(ComplaintClosed e) {
        c.closedAt = at;
        return null;
    }

    @Override
    public Void on(ComplaintReopened e) {
        c.closedAt = null;
        c.resolvedAt = null;
        c.reopenCount++;
        return null;
    }

    @Override
    public Void on(ComplaintWithdrawn e) {
        return null;
    }

    @Override
    public Void on(ComplaintEscalated e) {
        c.escalations.add(new EscalationEntry(e.fromLevel(), e.toLevel(), e.reason(), e.note(), at, e.by().userId()));
        return null;
    }

    @Override
    public Void on(DeadlineExtended e) {
        c.deadline(e.clock()).ifPresent(deadline -> deadline.extendTo(e.newDueAt(), at));
        return null;
    }

    @Override
    public Void on(DeadlineMet e) {
        checkedAtTransfer(e.clock(), e.dueAt());
        c.deadline(e.clock()).ifPresent(deadline -> deadline.complete(e.metAt()));
        return null;
    }

    @Override
    public Void on(DeadlineBreached e) {
        checkedAtTransfer(e.clock(), e.dueAt());
        c.deadline(e.clock()).ifPresent(deadline -> deadline.breach(e.breachedAt()));
        return null;
    }

    /** A hold shows in the case's history; the case view and its clocks are as they were (no pack pauses a clock). */
    @Override
    public Void on(ComplaintPutOnHold e) {
        return null;
    }

    @Override
    public Void on(ComplaintResumed e) {
        return null;
    }

    /**
     * The forward clock is never set: a transfer records whether it was in time (met, or breached then met). Its entry
     * appears with the first of these facts for each due time.
     */
    private void checkedAtTransfer(SlaClock clock, java.time.Instant dueAt) {
        if (clock != SlaClock.FORWARD) {
            return;
        }
        boolean known = c.deadlines.stream().anyMatch(deadline -> deadline.clock == clock && deadline.dueAt.equals(dueAt));
        if (!known) {
            c.deadlines.add(new DeadlineEntry(clock, dueAt));
        }
    }

    private String sealed(String subject, String field, String plaintext) {
        return plaintext == null ? null : cipher.encrypt(subject, field, plaintext);
    }

}
