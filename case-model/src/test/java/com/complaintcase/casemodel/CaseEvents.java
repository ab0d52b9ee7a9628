package com.complaintcase.casemodel;

import com.complaintcase.events.complaint.AppliedPolicy;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Customer;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.Role;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.Subcategory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Events of one case for the case model's tests, with the values that do not matter to them. */
final class CaseEvents {

    static final ComplaintId CASE = ComplaintId.of("3f2b8c1e-6d4a-4b7e-9c1a-2e5f8d9b0a11");
    static final BranchCode BRANCH = BranchCode.of("BR-0101");
    static final Instant RECEIVED = Instant.parse("2026-11-02T09:00:00Z");
    static final Instant REGISTERED_AT = RECEIVED.plus(Duration.ofHours(1));
    static final Actor INTAKE = new Actor("intake1", Role.INTAKE);
    static final Actor SUPERVISOR = new Actor("supervisor1", Role.SUPERVISOR);
    static final Actor HANDLER = new Actor("handler1", Role.HANDLER);

    private CaseEvents() {
    }

    static ComplaintRegistered registered(Channel channel, DeadlineSet... deadlines) {
        return new ComplaintRegistered(CASE, RECEIVED, REGISTERED_AT, channel, BRANCH,
                new Customer(CustomerId.of("C-1001"), "Li Wei", null, null), Category.BUSINESS_ERROR,
                Subcategory.WRONG_FEE, RootIssue.FEES, "fee deducted twice", null, ComplaintFlags.NONE,
                HandlingLevel.BRANCH, new AppliedPolicy("BANK_INTERNAL", 1, Duration.ofHours(24), Duration.ofHours(48),
                Duration.ofDays(15), Duration.ofDays(15)), List.of(deadlines), "fingerprint", INTAKE);
    }

    static ComplaintRegistered registered() {
        return registered(Channel.PHONE);
    }

    static ComplaintReviewed accepted(HandlingLevel level, DeadlineSet branchReply) {
        return new ComplaintReviewed(CASE, ReviewOutcome.ACCEPTED, "Cards", level, null, SUPERVISOR, branchReply);
    }

    static HandlerAssigned assigned(String handlerId) {
        return new HandlerAssigned(CASE, handlerId, null, SUPERVISOR);
    }

    static ComplaintEscalated escalatedBySystem(HandlingLevel from, HandlingLevel to, EscalationReason reason) {
        return new ComplaintEscalated(CASE, from, to, reason, "note", Actor.SYSTEM);
    }

    static DeadlineSet deadline(SlaClock clock, Instant dueAt) {
        return new DeadlineSet(clock, dueAt, clock + "@" + dueAt);
    }

    /** The state after {@code events}, numbered from 0. */
    static CaseState folded(ComplaintEvent... events) {
        CaseState state = new CaseState();
        for (int sequence = 0; sequence < events.length; sequence++) {
            state.evolve(events[sequence], sequence);
        }
        return state;
    }
}
