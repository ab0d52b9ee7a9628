package com.complaintcase.query.cases;

import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.CompensationRejected;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReopened;
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
import com.complaintcase.values.Money;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.SlaClock;

import java.time.Instant;

import static com.complaintcase.values.ComplaintStatus.*;

/**
 * How each event changes a {@link CaseSummary}. A visitor, so the compiler insists that every event
 * of the case is handled here.
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

    @Override
    public Void on(ComplaintRegistered e) {
        c.status = REGISTERED;
        c.level = e.level();
        c.category = e.category();
        c.subcategory = e.subcategory();
        c.rootIssue = e.rootIssue();
        c.channel = e.channel();
        c.branchCode = e.branchCode().value();
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
            c.status = ACCEPTED;
            c.businessLine = e.businessLine();
        } else {
            c.status = NOT_A_COMPLAINT;
            stopClocks();
        }
        c.level = e.handlingLevel();
        if (e.branchReply() != null) {
            c.deadlines.add(new DeadlineEntry(e.branchReply().clock(), e.branchReply().dueAt()));
        }
        return null;
    }

    @Override
    public Void on(HandlerAssigned e) {
        c.handlerId = e.handlerId();
        if (c.status == ACCEPTED) {
            c.status = ASSIGNED;
        }
        return null;
    }

    @Override
    public Void on(ComplaintTransferred e) {
        c.branchCode = e.toUnit().value();
        c.handlerId = null;
        if (e.startWork() != null) {
            // a new transfer replaces the start-work clock still waiting for the previous unit
            c.deadlines.removeIf(deadline -> deadline.clock == e.startWork().clock() && deadline.metAt == null
                    && deadline.state != DeadlineState.STOPPED);
            c.deadlines.add(new DeadlineEntry(e.startWork().clock(), e.startWork().dueAt()));
        }
        if (c.status != REGISTERED) {
            c.status = ACCEPTED;
        }
        return null;
    }

    @Override
    public Void on(CustomerContacted e) {
        startWork();
        return null;
    }

    @Override
    public Void on(EvidenceAttached e) {
        startWork();
        return null;
    }

    @Override
    public Void on(FindingsRecorded e) {
        c.validity = e.validity();
        c.responsibility = e.responsibility();
        startWork();
        return null;
    }

    @Override
    public Void on(ResolutionProposed e) {
        c.status = RESOLUTION_PROPOSED;
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
        c.status = IN_PROGRESS;
        c.compensationProposed = null;
        return null;
    }

    @Override
    public Void on(ResolutionAccepted e) {
        c.status = RESOLVED;
        c.resolvedAt = at;
        c.satisfactionScore = null;
        return null;
    }

    @Override
    public Void on(ResolutionRejected e) {
        c.status = IN_PROGRESS;
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
        c.status = CLOSED;
        c.closedAt = at;
        stopClocks();
        return null;
    }

    @Override
    public Void on(ComplaintReopened e) {
        c.status = IN_PROGRESS;
        c.closedAt = null;
        c.resolvedAt = null;
        c.reopenCount++;
        return null;
    }

    @Override
    public Void on(ComplaintWithdrawn e) {
        c.status = WITHDRAWN;
        stopClocks();
        return null;
    }

    @Override
    public Void on(ComplaintEscalated e) {
        c.level = e.toLevel();
        if (e.toLevel() != HandlingLevel.BRANCH) {
            // above the branch the branch no longer replies: its clock is dropped, neither met nor breached
            c.deadlines.removeIf(deadline -> deadline.clock == SlaClock.BRANCH_REPLY
                    && deadline.state == DeadlineState.RUNNING);
        }
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

    private void startWork() {
        if (c.status == ASSIGNED) {
            c.status = IN_PROGRESS;
        }
    }

    private void stopClocks() {
        c.deadlines.forEach(deadline -> deadline.stop(at));
    }

}
