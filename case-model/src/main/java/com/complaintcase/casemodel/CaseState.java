package com.complaintcase.casemodel;

import com.complaintcase.events.complaint.AppliedClock;
import com.complaintcase.events.complaint.AppliedExtension;
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
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.events.complaint.EvidenceAttached;
import com.complaintcase.events.complaint.FeedbackRecorded;
import com.complaintcase.events.complaint.FindingsRecorded;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.events.complaint.ResolutionAccepted;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.events.complaint.ResolutionRejected;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ClockStart;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.Role;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.SlaStep;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.complaintcase.values.ComplaintStatus.*;

/**
 * A case as its events make it, for deciding what may happen next: where it stands ({@link CaseLife}), its clocks
 * and their states, its compensation, and the flags its rules read. {@link #evolve} is the only way it changes, one
 * event at a time; the rules below read it and change nothing. Kept in the aggregate's snapshots, field by field.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class CaseState {

    /** Where a proposed compensation stands: awaiting a second person, approved, and accepted by the customer. */
    public enum CompensationState { NONE, PENDING, APPROVED, ACCEPTED }

    /** A clock's due time and the id of the deadline that records its breach (none for a clock checked on the spot). */
    public record ClockDue(String deadlineId, Instant dueAt) {
    }

    private ComplaintId complaintId;
    private ComplaintStatus status;
    private HandlingLevel level;
    private BranchCode unit;
    private String handlerId;
    private Instant receivedAt;
    private Instant registeredAt;
    /** When the case reached the unit that holds it: its registration, or its latest transfer. */
    private Instant arrivedAt;
    private String registrationFingerprint;
    /** The version the registration answered: that of its last event (the late entry, the escalation on arrival). */
    private long registrationVersion;
    /** Registered with a reason to escalate on arrival, and that escalation not yet seen. */
    private boolean escalationOnRegistrationDue;
    /** Escalated at least once since registration (so no later escalation is the registration's). */
    private boolean escalatedSinceRegistration;
    private boolean firstContactMade;
    private boolean findingsRecorded;
    private String proposedBy;
    private Money proposedCompensation;
    private CompensationState compensationState = CompensationState.NONE;
    private boolean compensationPaid;
    private boolean feedbackRecorded;
    /** The clocks still running, each with the id of the deadline that records its breach. */
    private Map<SlaClock, ClockDue> runningClocks = new EnumMap<>(SlaClock.class);
    /** Clocks whose limit passed while their step is still not done. */
    private Map<SlaClock, ClockDue> breachedClocks = new EnumMap<>(SlaClock.class);
    /** The clocks of the pack the case was registered under, each with the step that meets it. */
    private Map<SlaClock, AppliedClock> clockRules = new EnumMap<>(SlaClock.class);
    /** How the pack lets the case's deadline be extended; null: not at all. */
    private AppliedExtension extension;
    private String jurisdiction;
    private int extensionDaysGranted;
    private int extensionsGranted;
    /** Handling waits; a case that ends is no longer on hold. */
    private boolean onHold;

    /** The case that has no event yet; its registration fills it. */
    public CaseState() {
    }

    /** Applies the case's event of sequence number {@code sequence}. */
    public void evolve(ComplaintEvent event, long sequence) {
        CaseLife.Step step = CaseLife.step(lifecycle(), event);
        event.accept(new Facts(sequence));
        status = step.after().status();
        level = step.after().level();
        unit = step.after().unit();
        handlerId = step.after().handlerId();
        if (step.endsTheCase()) {
            onHold = false;
        }
        if (step.dropsBranchReply()) {
            runningClocks.remove(SlaClock.BRANCH_REPLY);
            breachedClocks.remove(SlaClock.BRANCH_REPLY);
        }
    }

    /** Where the case stands. */
    public CaseLife.Lifecycle lifecycle() {
        return new CaseLife.Lifecycle(status, level, unit, handlerId);
    }

    // ---- the rules that read the state only ----

    public boolean isOpen() {
        return status.isOpen();
    }

    /** Whether {@code userId} is the case's assigned handler. */
    public boolean isHandledBy(String userId) {
        return userId.equals(handlerId);
    }

    /** Four eyes: a compensation is decided by neither its proposer nor the case's handler. */
    public boolean mayDecideCompensation(String userId) {
        return !userId.equals(proposedBy) && !userId.equals(handlerId);
    }

    public boolean awaitsCompensationDecision() {
        return compensationState == CompensationState.PENDING;
    }

    /** A compensation approved and accepted by the customer: the one that may be paid. */
    public boolean hasAgreedCompensation() {
        return compensationState == CompensationState.ACCEPTED;
    }

    /** The recorded clock of the case that starts at {@code start}, or null. */
    public AppliedClock clockStartingAt(ClockStart start) {
        return clockRules.values().stream().filter(rule -> rule.start() == start).findFirst().orElse(null);
    }

    /** The recorded rule of {@code clock}, or null when the case's pack has no such clock. */
    public AppliedClock clockRule(SlaClock clock) {
        return clockRules.get(clock);
    }

    /** The case's clocks that {@code step} meets, in the order of its pack. */
    public List<SlaClock> clocksMetBy(SlaStep step) {
        return clockRules.values().stream().filter(rule -> rule.metBy() == step).map(AppliedClock::clock).toList();
    }

    /** The running clock's due time and deadline, or null when it is not running. */
    public ClockDue runningClock(SlaClock clock) {
        return runningClocks.get(clock);
    }

    /** The due time and deadline of a clock whose limit passed with its step not done, or null. */
    public ClockDue breachedClock(SlaClock clock) {
        return breachedClocks.get(clock);
    }

    public Collection<ClockDue> runningClocks() {
        return List.copyOf(runningClocks.values());
    }

    /** The days of extension allowed in all: the supervisor's, and the head office's with its approval. */
    public int extensionDaysAllowed(boolean headOfficeApproval) {
        return extension.supervisorDays() + (headOfficeApproval ? extension.headOfficeDays() : 0);
    }

    /** Whether {@code days} more stay within what may be granted in all. */
    public boolean extensionWithinDays(int days, boolean headOfficeApproval) {
        return extensionDaysGranted + days <= extensionDaysAllowed(headOfficeApproval);
    }

    /**
     * The compound rule of packs with a head-office extension (CN NFRA: beyond the supervisor's 15 days, 30 more only
     * with the head office's approval): a request without that approval is held to the supervisor's days, and the
     * pack would allow more with it.
     */
    public boolean extensionNeedsHeadOfficeApproval(boolean headOfficeApproval) {
        return !headOfficeApproval && extension.headOfficeDays() > 0;
    }

    /** Whether the pack's limit on the number of extensions is reached. */
    public boolean extensionGrantsUsedUp() {
        return extension.maxGrants() > 0 && extensionsGranted >= extension.maxGrants();
    }

    /** The latest due time the pack allows from receipt, or null when it sets none. */
    public Instant latestDueFromReceipt() {
        return extension.maxFromReceipt() == null ? null : receivedAt.plus(extension.maxFromReceipt());
    }

    public ComplaintId complaintId() {
        return complaintId;
    }

    public ComplaintStatus status() {
        return status;
    }

    public HandlingLevel level() {
        return level;
    }

    public BranchCode unit() {
        return unit;
    }

    public String handlerId() {
        return handlerId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant arrivedAt() {
        return arrivedAt;
    }

    public String registrationFingerprint() {
        return registrationFingerprint;
    }

    public long registrationVersion() {
        return registrationVersion;
    }

    public boolean firstContactMade() {
        return firstContactMade;
    }

    public boolean findingsRecorded() {
        return findingsRecorded;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Money proposedCompensation() {
        return proposedCompensation;
    }

    public boolean compensationPaid() {
        return compensationPaid;
    }

    public boolean feedbackRecorded() {
        return feedbackRecorded;
    }

    /** How the case's deadline may be extended; null: not at all. */
    public AppliedExtension extension() {
        return extension;
    }

    public boolean isOnHold() {
        return onHold;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public int extensionDaysGranted() {
        return extensionDaysGranted;
    }

    /**
     * The system's escalation recorded by the registration itself: the first escalation of the case, directly
     * following the registration's other events, by the system, for a reason weighed on arrival. When the
     * registration's own facts (channel, flags) called for one, its reason is the first of those; otherwise only
     * what other cases showed (a repeat, a group) can have caused it, which the registered event does not carry.
     * A resend of the registration answers its version, as the first answer did.
     */
    private boolean isEscalationOnRegistration(ComplaintEscalated event, long sequence) {
        if (escalatedSinceRegistration || status != REGISTERED || sequence != registrationVersion + 1
                || !event.by().is(Role.SYSTEM)) {
            return false;
        }
        return escalationOnRegistrationDue
                ? ArrivalReasons.STATED.contains(event.reason())
                : ArrivalReasons.FOUND.contains(event.reason());
    }

    private void clearProposal() {
        proposedBy = null;
        proposedCompensation = null;
        compensationState = CompensationState.NONE;
    }

    private void start(DeadlineSet deadline) {
        runningClocks.put(deadline.clock(), new ClockDue(deadline.deadlineId(), deadline.dueAt()));
    }

    /** What each event does to the rest of the state; where it stands is {@link CaseLife}'s. */
    private final class Facts implements ComplaintEvent.Visitor<Void> {

        private final long sequence;

        private Facts(long sequence) {
            this.sequence = sequence;
        }

        @Override
        public Void on(ComplaintRegistered event) {
            complaintId = event.complaintId();
            receivedAt = event.receivedAt();
            registeredAt = event.registeredAt();
            arrivedAt = event.registeredAt();
            registrationFingerprint = event.requestFingerprint();
            registrationVersion = 0;
            escalationOnRegistrationDue = !ArrivalReasons.of(event.channel(), event.flags()).isEmpty();
            escalatedSinceRegistration = false;
            jurisdiction = event.policy().jurisdiction();
            clockRules = new LinkedHashMap<>();
            event.policy().clocks().forEach(clock -> clockRules.put(clock.clock(), clock));
            if (clockRules.isEmpty()) {
                // registered before policy packs: first contact and resolution, as then
                clockRules.put(SlaClock.FIRST_CONTACT, new AppliedClock(SlaClock.FIRST_CONTACT, null,
                        event.policy().firstContactLimit(), 0, false, SlaStep.FIRST_CONTACT, true));
                clockRules.put(SlaClock.RESOLUTION, new AppliedClock(SlaClock.RESOLUTION, null,
                        event.policy().resolutionLimit(), 0, false, SlaStep.RESOLUTION_PROPOSED, true));
            }
            extension = event.policy().extension();
            if (extension == null && event.policy().clocks().isEmpty() && event.policy().maxExtension() != null
                    && !event.policy().maxExtension().isZero()) {
                extension = new AppliedExtension(SlaClock.RESOLUTION, (int) event.policy().maxExtension().toDays(), 0,
                        false, 0, null);
            }
            extensionDaysGranted = 0;
            extensionsGranted = 0;
            runningClocks = new EnumMap<>(SlaClock.class);
            breachedClocks = new EnumMap<>(SlaClock.class);
            event.deadlines().forEach(CaseState.this::start);
            return null;
        }

        @Override
        public Void on(ComplaintEnteredLate event) {
            registrationVersion = sequence;
            return null;
        }

        @Override
        public Void on(ComplaintReviewed event) {
            if (event.branchReply() != null) {
                start(event.branchReply());
            }
            return null;
        }

        @Override
        public Void on(HandlerAssigned event) {
            return null;
        }

        @Override
        public Void on(ComplaintTransferred event) {
            if (event.transferredAt() != null) {
                arrivedAt = event.transferredAt();
            }
            if (event.startWork() != null) {
                breachedClocks.remove(event.startWork().clock());
                start(event.startWork());
            }
            return null;
        }

        @Override
        public Void on(CustomerContacted event) {
            firstContactMade = true;
            return null;
        }

        @Override
        public Void on(EvidenceAttached event) {
            return null;
        }

        @Override
        public Void on(FindingsRecorded event) {
            findingsRecorded = true;
            return null;
        }

        @Override
        public Void on(ResolutionProposed event) {
            proposedBy = event.by().userId();
            proposedCompensation = event.compensation();
            compensationState = event.compensation() == null ? CompensationState.NONE : CompensationState.PENDING;
            compensationPaid = false;
            return null;
        }

        @Override
        public Void on(CompensationApproved event) {
            compensationState = CompensationState.APPROVED;
            return null;
        }

        @Override
        public Void on(CompensationRejected event) {
            clearProposal();
            return null;
        }

        @Override
        public Void on(ResolutionAccepted event) {
            feedbackRecorded = false;
            if (compensationState == CompensationState.APPROVED) {
                compensationState = CompensationState.ACCEPTED;
            }
            return null;
        }

        @Override
        public Void on(ResolutionRejected event) {
            clearProposal();
            return null;
        }

        @Override
        public Void on(CompensationPaid event) {
            compensationPaid = true;
            return null;
        }

        @Override
        public Void on(FeedbackRecorded event) {
            feedbackRecorded = true;
            return null;
        }

        @Override
        public Void on(ComplaintClosed event) {
            // its deadlines were cancelled as it closed; a reopened case meets its clocks late, as before
            return null;
        }

        @Override
        public Void on(ComplaintReopened event) {
            feedbackRecorded = false;
            if (compensationState != CompensationState.ACCEPTED || compensationPaid) {
                // an agreed compensation not yet paid stays payable until a new resolution replaces it
                clearProposal();
            }
            return null;
        }

        @Override
        public Void on(ComplaintWithdrawn event) {
            return null;
        }

        @Override
        public Void on(ComplaintEscalated event) {
            if (isEscalationOnRegistration(event, sequence)) {
                registrationVersion = sequence;
            }
            escalationOnRegistrationDue = false;
            escalatedSinceRegistration = true;
            return null;
        }

        @Override
        public Void on(DeadlineExtended event) {
            runningClocks.put(event.clock(), new ClockDue(event.deadlineId(), event.newDueAt()));
            extensionDaysGranted += event.days();
            extensionsGranted++;
            return null;
        }

        @Override
        public Void on(DeadlineMet event) {
            runningClocks.remove(event.clock());
            breachedClocks.remove(event.clock());
            return null;
        }

        @Override
        public Void on(DeadlineBreached event) {
            ClockDue breached = runningClocks.remove(event.clock());
            if (breached != null) {
                breachedClocks.put(event.clock(), breached);
            }
            return null;
        }

        @Override
        public Void on(ComplaintPutOnHold event) {
            onHold = true;
            return null;
        }

        @Override
        public Void on(ComplaintResumed event) {
            onHold = false;
            return null;
        }
    }
}
