package com.complaintcase.query.scenario;

import com.complaintcase.events.complaint.AppliedPolicy;
import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.CompensationRejected;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintPutOnHold;
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
import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.ContactMethod;
import com.complaintcase.values.Customer;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.EvidenceKind;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.RemedyType;
import com.complaintcase.values.RequestedRemedy;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.SatisfactionScore;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.Subcategory;
import com.complaintcase.values.Validity;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Test data builder for one complaint case's event stream, told as the case's life:
 * {@code aCase().inBranch("BR-0101").registered().reviewed().assignedTo("handler1").contacted()...}.
 * <p>
 * Each step appends the event the command side would record for it, as a domain event message with
 * the next sequence number, a fresh event id, the audit metadata and the moment it was recorded. By
 * default every step happens one hour after the previous one; {@link #at(Instant)} and
 * {@link #after(Duration)} place the next step. The story keeps the case's state (handler, unit,
 * level, proposal, running clocks and their deadline ids) so that each event carries what the aggregate
 * would put in it.
 * <p>
 * The SLA clocks behave as the aggregate's scheduled deadlines do: the first contact is followed by
 * {@link DeadlineMet} for {@link SlaClock#FIRST_CONTACT}, the first proposal by {@link DeadlineMet} for
 * {@link SlaClock#RESOLUTION}; closing, withdrawing and finding no complaint cancel the deadlines. When
 * the story lets time pass beyond a clock's due time before its step is done, the deadline fires at the
 * due time: {@link DeadlineBreached} by the system (breached at the due time) and, below the top level,
 * {@link ComplaintEscalated} for {@link EscalationReason#SLA_BREACH} by the system, both recorded at the
 * due time. The step done later records {@link DeadlineMet} with its (late) time. With
 * {@link #deadlinesNotFiring()} the deadlines never fire (the deadline store was down or behind), so a
 * step done late records its own breach ({@link DeadlineBreached} by the actor, then {@link DeadlineMet}).
 */
public final class ComplaintStory {

    public static final String AGGREGATE_TYPE = "Complaint";

    /** The bank's internal policy pack, with the procedures' default numbers. */
    public static final AppliedPolicy DEFAULT_POLICY = new AppliedPolicy("BANK_INTERNAL", 1,
            Duration.ofHours(24), Duration.ofHours(48), Duration.ofDays(15), Duration.ofDays(15));

    /** The customer's personal data: none of it may appear in a list or an analytics answer. */
    public static final String CUSTOMER_NAME = "Wang Xiuying";
    public static final String CUSTOMER_PHONE = "+86 138 0013 8000";
    public static final String CUSTOMER_EMAIL = "wang.xiuying@example.com";
    public static final String DESCRIPTION = "The annual fee of my debit card was deducted twice in October";

    /** Monday 2 November 2026, 09:00 UTC: when the default story's complaint is received. */
    public static final Instant DEFAULT_RECEIVED_AT = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration DEFAULT_STEP = Duration.ofHours(1);
    private static final Duration DEFAULT_ENTRY_DELAY = Duration.ofMinutes(30);

    private final ComplaintId id = ComplaintId.random();
    private final List<DomainEventMessage<ComplaintEvent>> messages = new ArrayList<>();
    private final String correlationId = UUID.randomUUID().toString();

    // what the registration will say
    private Instant receivedAt = DEFAULT_RECEIVED_AT;
    private Channel channel = Channel.PHONE;
    private String branchCode = "BR-0101";
    private Subcategory subcategory = Subcategory.WRONG_FEE;
    private RootIssue rootIssue = RootIssue.FEES;
    private String customerId = "C-1001";
    private RequestedRemedy requestedRemedy = new RequestedRemedy(RemedyType.REFUND, Money.of("200.00", "CNY"));
    private ComplaintFlags flags = ComplaintFlags.NONE;
    private AppliedPolicy policy = DEFAULT_POLICY;
    private String product;

    // the case as the aggregate would know it
    private Instant nextAt;
    private Instant registeredAt;
    /** When the case reached the unit that holds it: its registration, or its latest transfer. */
    private Instant arrivedAt;
    private HandlingLevel level = HandlingLevel.BRANCH;
    private String unit;
    private String handlerId;
    private boolean contacted;
    private Money proposedCompensation;
    private String proposedBy;
    private Instant resolutionDueAt;
    private boolean open;
    /** The clocks still running, each with the id of the deadline that records its breach. */
    private final Map<SlaClock, RunningClock> runningClocks = new EnumMap<>(SlaClock.class);
    /** Clocks whose limit passed while their step is still not done. */
    private final Map<SlaClock, RunningClock> breachedClocks = new EnumMap<>(SlaClock.class);
    /** The clocks whose deadline is still scheduled (not fired, not cancelled). */
    private final Set<SlaClock> scheduled = EnumSet.noneOf(SlaClock.class);
    private boolean deadlinesFire = true;
    /** The id of the deadline scheduled last for each clock. */
    private final Map<SlaClock, String> deadlineIds = new EnumMap<>(SlaClock.class);

    private record RunningClock(String deadlineId, Instant dueAt) {
    }

    private ComplaintStory() {
    }

    /** A new case, with a fresh id, received on {@link #DEFAULT_RECEIVED_AT} at branch BR-0101 by phone. */
    public static ComplaintStory aCase() {
        return new ComplaintStory();
    }

    // ---- what the complaint is ----

    public ComplaintStory receivedAt(Instant instant) {
        requireNotRegistered();
        this.receivedAt = instant;
        return this;
    }

    /** The product the registration names (from the catalogue; none: the unknown product). */
    public ComplaintStory ofProduct(String code) {
        this.product = code;
        return this;
    }

    public ComplaintStory inBranch(String code) {
        requireNotRegistered();
        this.branchCode = code;
        return this;
    }

    public ComplaintStory through(Channel via) {
        requireNotRegistered();
        this.channel = via;
        return this;
    }

    /** The subcategory, and so the category it belongs to. */
    public ComplaintStory about(Subcategory what) {
        requireNotRegistered();
        this.subcategory = what;
        return this;
    }

    public ComplaintStory withRootIssue(RootIssue issue) {
        requireNotRegistered();
        this.rootIssue = issue;
        return this;
    }

    public ComplaintStory fromCustomer(String id) {
        requireNotRegistered();
        this.customerId = id;
        return this;
    }

    public ComplaintStory asking(RequestedRemedy remedy) {
        requireNotRegistered();
        this.requestedRemedy = remedy;
        return this;
    }

    public ComplaintStory flagged(ComplaintFlags registrationFlags) {
        requireNotRegistered();
        this.flags = registrationFlags;
        return this;
    }

    public ComplaintStory underPolicy(AppliedPolicy applied) {
        requireNotRegistered();
        this.policy = applied;
        return this;
    }

    // ---- when the next step happens ----

    /** The next step is recorded at {@code instant}. */
    public ComplaintStory at(Instant instant) {
        this.nextAt = instant;
        return this;
    }

    /** The next step is recorded {@code duration} after the previous one. */
    public ComplaintStory after(Duration duration) {
        this.nextAt = lastRecordedAt().plus(duration);
        return this;
    }

    /**
     * Nothing is done on the case until {@code instant}: the deadlines due before then fire (and are
     * recorded at their due times). The next step still happens at its own time.
     */
    public ComplaintStory idleUntil(Instant instant) {
        fireDeadlinesDueBefore(instant);
        return this;
    }

    /**
     * From now on the case's deadlines do not fire (the deadline store was down, or behind): a clock's
     * limit passes without a recorded breach, and a step done late records the breach itself.
     */
    public ComplaintStory deadlinesNotFiring() {
        this.deadlinesFire = false;
        return this;
    }

    // ---- the case's life ----

    /** Entered 30 minutes after receipt (or at the time set with {@link #at}) by the intake agent. */
    public ComplaintStory registered() {
        requireNotRegistered();
        Instant at = nextAt != null ? nextAt : receivedAt.plus(DEFAULT_ENTRY_DELAY);
        nextAt = null;
        registeredAt = at;
        arrivedAt = at;
        unit = branchCode;
        open = true;
        resolutionDueAt = receivedAt.plus(policy.resolutionLimit());
        List<DeadlineSet> clocks = List.of(
                schedule(SlaClock.FIRST_CONTACT, registeredAt.plus(policy.firstContactLimit())),
                schedule(SlaClock.RESOLUTION, resolutionDueAt));
        record(at, new ComplaintRegistered(id, receivedAt, registeredAt, channel, BranchCode.of(branchCode),
                new Customer(CustomerId.of(customerId), CUSTOMER_NAME, CUSTOMER_PHONE, CUSTOMER_EMAIL),
                subcategory.category(), subcategory, rootIssue, DESCRIPTION, requestedRemedy, flags,
                HandlingLevel.BRANCH, policy, clocks, "sha256:" + id.value(), Actors.INTAKE, product));
        return this;
    }

    /**
     * Entered {@code lateBy} after the entry limit had run out: the registration and, with it, the
     * recorded reason for the late entry.
     */
    public ComplaintStory registeredLate(Duration lateBy, String reason) {
        at(receivedAt.plus(policy.entryLimit()).plus(lateBy));
        registered();
        record(registeredAt, new ComplaintEnteredLate(id, receivedAt, registeredAt, policy.entryLimit(), lateBy,
                reason, Actors.INTAKE));
        return this;
    }

    public ComplaintStory reviewed() {
        return reviewed(level);
    }

    /** The initial review accepted it as a complaint, owned by the cards business line, handled at {@code at}. */
    public ComplaintStory reviewed(HandlingLevel handlingLevel) {
        level = handlingLevel;
        record(next(), new ComplaintReviewed(id, ReviewOutcome.ACCEPTED, "Cards", handlingLevel,
                "a fee error, handled by the cards team", Actors.SUPERVISOR, null));
        return this;
    }

    /** The initial review accepted it and named its product (a correction of the registration's). */
    public ComplaintStory reviewedAsProduct(String product) {
        record(next(), new ComplaintReviewed(id, ReviewOutcome.ACCEPTED, "Cards", level,
                "the product is corrected at review", Actors.SUPERVISOR, null, product));
        return this;
    }

    /**
     * Under BANK_INTERNAL: the review accepted it at branch level, which starts the branch's reply clock, due at
     * {@code replyDueAt} (a working day after registration).
     */
    public ComplaintStory reviewedAtBranchWithReplyDueAt(Instant replyDueAt) {
        level = HandlingLevel.BRANCH;
        Instant at = next();
        record(at, new ComplaintReviewed(id, ReviewOutcome.ACCEPTED, "Cards", HandlingLevel.BRANCH,
                "a fee error, handled by the cards team", Actors.SUPERVISOR, schedule(SlaClock.BRANCH_REPLY, replyDueAt)));
        return this;
    }

    /** The initial review found an inquiry, not a complaint. */
    public ComplaintStory foundNotAComplaint() {
        record(next(), new ComplaintReviewed(id, ReviewOutcome.NOT_A_COMPLAINT, null, level,
                "the customer only asked how the fee is computed", Actors.SUPERVISOR, null));
        caseEnded();
        return this;
    }

    public ComplaintStory assignedTo(String handler) {
        String previous = handlerId;
        handlerId = handler;
        Instant at = next();
        record(at, new HandlerAssigned(id, handler, previous, Actors.SUPERVISOR));
        stepDone(SlaClock.START_WORK, at, at, Actors.SUPERVISOR);
        return this;
    }

    public ComplaintStory transferredTo(String toUnit) {
        String from = unit;
        String previousHandler = handlerId;
        unit = toUnit;
        handlerId = null;
        Instant at = next();
        arrivedAt = at;
        record(at, new ComplaintTransferred(id, BranchCode.of(from), BranchCode.of(toUnit),
                "the card is managed by the other branch", previousHandler, Actors.SUPERVISOR, at, null));
        return this;
    }

    /**
     * Under BANK_INTERNAL: forwarded to {@code toUnit}, which must start work (assign a handler) within 2 hours, the
     * start-work clock replacing one still running; the transfer met the 1-hour forward clock counted from the case's
     * arrival at its unit, after recording its breach when later.
     */
    public ComplaintStory transferredWithHandoverClocksTo(String toUnit) {
        String from = unit;
        String previousHandler = handlerId;
        unit = toUnit;
        handlerId = null;
        Instant at = next();
        Instant forwardDue = arrivedAt.plus(Duration.ofHours(1));
        arrivedAt = at;
        runningClocks.remove(SlaClock.START_WORK);
        breachedClocks.remove(SlaClock.START_WORK);
        scheduled.remove(SlaClock.START_WORK);
        record(at, new ComplaintTransferred(id, BranchCode.of(from), BranchCode.of(toUnit),
                "the card is managed by the other branch", previousHandler, Actors.SUPERVISOR, at,
                schedule(SlaClock.START_WORK, at.plus(Duration.ofHours(2)))));
        if (at.isAfter(forwardDue)) {
            record(at, new DeadlineBreached(id, SlaClock.FORWARD, null, forwardDue, forwardDue, Actors.SUPERVISOR));
        }
        record(at, new DeadlineMet(id, SlaClock.FORWARD, null, forwardDue, at, Actors.SUPERVISOR));
        return this;
    }

    /** The handler phoned the customer at the moment this step is recorded. */
    public ComplaintStory contacted() {
        Instant at = next();
        return contact(at, at);
    }

    /** The handler records, at the next step's time, a contact that took place at {@code contactedAt}. */
    public ComplaintStory contactedAt(Instant contactedAt) {
        return contact(contactedAt, next());
    }

    private ComplaintStory contact(Instant contactedAt, Instant recordedAt) {
        boolean first = !contacted;
        contacted = true;
        record(recordedAt, new CustomerContacted(id, contactedAt, ContactMethod.PHONE,
                "told the customer who handles the case and what happens next", first, actingHandler()));
        stepDone(SlaClock.FIRST_CONTACT, contactedAt, recordedAt, actingHandler());
        return this;
    }

    public ComplaintStory evidenceAttached() {
        record(next(), new EvidenceAttached(id, EvidenceKind.SYSTEM_LOG, "CARD-FEE-LOG-2026-10",
                "fee posting log of October", actingHandler()));
        return this;
    }

    public ComplaintStory findingsRecorded() {
        return findingsRecorded(Validity.VALID, Responsibility.LIABLE);
    }

    public ComplaintStory findingsRecorded(Validity validity, Responsibility responsibility) {
        record(next(), new FindingsRecorded(id, validity, responsibility, "fee posted twice by a batch re-run",
                "the second deduction was an error", actingHandler()));
        return this;
    }

    /** A resolution without compensation. */
    public ComplaintStory resolutionProposed() {
        return resolutionProposed(null);
    }

    public ComplaintStory resolutionProposed(Money compensation) {
        proposedCompensation = compensation;
        proposedBy = actingHandler().userId();
        Instant at = next();
        record(at, new ResolutionProposed(id, "refund the second deduction and apologise", compensation,
                actingHandler()));
        stepDone(SlaClock.BRANCH_REPLY, at, at, actingHandler());
        stepDone(SlaClock.RESOLUTION, at, at, actingHandler());
        return this;
    }

    /** A second supervisor (neither proposer nor handler) approved the proposed compensation. */
    public ComplaintStory compensationApproved() {
        record(next(), new CompensationApproved(id, requireProposedCompensation(), proposedBy,
                "within the branch's authority", Actors.SECOND_SUPERVISOR));
        return this;
    }

    public ComplaintStory compensationRejected() {
        Money amount = requireProposedCompensation();
        String proposer = proposedBy;
        proposedCompensation = null;
        proposedBy = null;
        record(next(), new CompensationRejected(id, amount, proposer, "beyond what the loss justifies",
                Actors.SECOND_SUPERVISOR));
        return this;
    }

    public ComplaintStory resolutionAccepted() {
        record(next(), new ResolutionAccepted(id, "the customer agreed on the phone", actingHandler()));
        return this;
    }

    public ComplaintStory resolutionRejected() {
        proposedCompensation = null;
        proposedBy = null;
        record(next(), new ResolutionRejected(id, "the customer wants an apology in writing", actingHandler()));
        return this;
    }

    public ComplaintStory compensationPaid(Money amount) {
        Instant at = next();
        record(at, new CompensationPaid(id, amount, at, "PAY-" + id.value().substring(0, 8), actingHandler()));
        return this;
    }

    /** The customer's survey answer, 1 to 5. */
    public ComplaintStory feedback(int score) {
        record(next(), new FeedbackRecorded(id, SatisfactionScore.of(score), "answered the survey", actingHandler()));
        return this;
    }

    public ComplaintStory closed() {
        record(next(), new ComplaintClosed(id, "resolved to the customer's satisfaction", Actors.SUPERVISOR));
        caseEnded();
        return this;
    }

    public ComplaintStory reopened() {
        record(next(), new ComplaintReopened(id, "the fee was deducted a third time", Actors.INTAKE));
        open = true;
        return this;
    }

    /** Handling waits, for a reason; no clock stops. */
    public ComplaintStory putOnHold() {
        record(next(), new ComplaintPutOnHold(id, "waiting for the card centre's ledger", actingHandler()));
        return this;
    }

    public ComplaintStory resumed() {
        record(next(), new ComplaintResumed(id, "the ledger arrived", actingHandler()));
        return this;
    }

    public ComplaintStory withdrawn() {
        record(next(), new ComplaintWithdrawn(id, "the customer no longer wishes to pursue it", Actors.INTAKE));
        caseEnded();
        return this;
    }

    /** One level up, by a supervisor (by the system itself for a missed deadline). */
    public ComplaintStory escalated(EscalationReason reason) {
        HandlingLevel from = level;
        level = level.next().orElseThrow(() -> new IllegalStateException("already at the top level"));
        Actor by = reason == EscalationReason.SLA_BREACH ? Actors.SYSTEM : Actors.SUPERVISOR;
        record(next(), new ComplaintEscalated(id, from, level, reason, "escalated: " + reason, by));
        leftBranch();
        return this;
    }

    /**
     * The resolution clock extended by {@code days}, with the reason the customer is told: its deadline
     * is replaced by one at the new due time. As for the aggregate, only a running clock can be extended.
     */
    public ComplaintStory deadlineExtended(int days) {
        Instant at = next();
        RunningClock running = runningClocks.get(SlaClock.RESOLUTION);
        if (running == null) {
            throw new IllegalStateException("the RESOLUTION clock is not running: the aggregate refuses the extension");
        }
        Instant previous = running.dueAt();
        resolutionDueAt = previous.plus(Duration.ofDays(days));
        DeadlineSet rescheduled = schedule(SlaClock.RESOLUTION, resolutionDueAt);
        record(at, new DeadlineExtended(id, SlaClock.RESOLUTION, previous, resolutionDueAt, days,
                "statements from the card scheme are still awaited", running.deadlineId(), rescheduled.deadlineId(),
                Actors.SUPERVISOR));
        return this;
    }

    // ---- common stretches of a case's life ----

    /** Reviewed, assigned to {@code handler}, customer contacted, findings recorded: in progress. */
    public ComplaintStory investigatedBy(String handler) {
        return reviewed().assignedTo(handler).contacted().findingsRecorded();
    }

    /** A resolution without compensation, which the customer accepted. */
    public ComplaintStory resolved() {
        return resolutionProposed().resolutionAccepted();
    }

    // ---- what the story produced ----

    public String id() {
        return id.value();
    }

    public ComplaintId complaintId() {
        return id;
    }

    /** Every message so far, in sequence order. */
    public List<DomainEventMessage<ComplaintEvent>> messages() {
        return Collections.unmodifiableList(messages);
    }

    public DomainEventMessage<ComplaintEvent> message(long sequence) {
        return messages.get((int) sequence);
    }

    /** The last message so far. */
    public DomainEventMessage<ComplaintEvent> lastMessage() {
        return messages.get(messages.size() - 1);
    }

    public long lastSequence() {
        return messages.size() - 1L;
    }

    public Instant lastRecordedAt() {
        if (messages.isEmpty()) {
            return receivedAt;
        }
        return lastMessage().getTimestamp();
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant entryDueAt() {
        return receivedAt.plus(policy.entryLimit());
    }

    public Instant firstContactDueAt() {
        return registeredAt.plus(policy.firstContactLimit());
    }

    /** The resolution clock's due time, extensions included. */
    public Instant resolutionDueAt() {
        return resolutionDueAt;
    }

    /** The id of the deadline scheduled last for {@code clock} (after an extension, the new one). */
    public String deadlineId(SlaClock clock) {
        String deadlineId = deadlineIds.get(clock);
        if (deadlineId == null) {
            throw new IllegalStateException("no deadline was scheduled for " + clock);
        }
        return deadlineId;
    }

    public String branchCode() {
        return unit != null ? unit : branchCode;
    }

    public Category category() {
        return subcategory.category();
    }

    public String handlerId() {
        return handlerId;
    }

    public HandlingLevel level() {
        return level;
    }

    // ---- plumbing ----

    /** The time of the next step; the deadlines due before it fire first. */
    private Instant next() {
        if (registeredAt == null) {
            throw new IllegalStateException("register the case first");
        }
        Instant at = nextAt != null ? nextAt : lastRecordedAt().plus(DEFAULT_STEP);
        nextAt = null;
        fireDeadlinesDueBefore(at);
        return at;
    }

    private DeadlineSet schedule(SlaClock clock, Instant dueAt) {
        String deadlineId = UUID.randomUUID().toString();
        runningClocks.put(clock, new RunningClock(deadlineId, dueAt));
        deadlineIds.put(clock, deadlineId);
        scheduled.add(clock);
        return new DeadlineSet(clock, dueAt, deadlineId);
    }

    /** What the aggregate's deadline handler records for each deadline due before {@code at}, in due order. */
    private void fireDeadlinesDueBefore(Instant at) {
        if (!deadlinesFire) {
            return;
        }
        List<Map.Entry<SlaClock, RunningClock>> due = runningClocks.entrySet().stream()
                .filter(entry -> scheduled.contains(entry.getKey()) && entry.getValue().dueAt().isBefore(at))
                .sorted(Comparator.comparing(entry -> entry.getValue().dueAt()))
                .toList();
        for (Map.Entry<SlaClock, RunningClock> entry : due) {
            SlaClock clock = entry.getKey();
            RunningClock running = entry.getValue();
            scheduled.remove(clock);
            if (runningClocks.get(clock) != running) {
                continue; // stopped by an earlier escalation in this loop: fires on a stopped clock
            }
            if (!open) {
                continue;
            }
            Instant firedAt = running.dueAt().isBefore(lastRecordedAt()) ? lastRecordedAt() : running.dueAt();
            runningClocks.remove(clock);
            breachedClocks.put(clock, running);
            record(firedAt, new DeadlineBreached(id, clock, running.deadlineId(), running.dueAt(), running.dueAt(),
                    Actors.SYSTEM));
            HandlingLevel from = level;
            level.next().ifPresent(up -> {
                level = up;
                record(firedAt, new ComplaintEscalated(id, from, up, EscalationReason.SLA_BREACH,
                        "the " + clock + " limit passed at " + running.dueAt(), Actors.SYSTEM));
                leftBranch();
            });
        }
    }

    /** The step {@code clock} waits for was done at {@code doneAt} (recorded at {@code recordedAt}). */
    private void stepDone(SlaClock clock, Instant doneAt, Instant recordedAt, Actor by) {
        RunningClock running = runningClocks.remove(clock);
        if (running != null) {
            scheduled.remove(clock);
            if (doneAt.isAfter(running.dueAt())) {
                record(recordedAt, new DeadlineBreached(id, clock, running.deadlineId(), running.dueAt(),
                        running.dueAt(), by));
            }
            record(recordedAt, new DeadlineMet(id, clock, running.deadlineId(), running.dueAt(), doneAt, by));
            return;
        }
        RunningClock breached = breachedClocks.remove(clock);
        if (breached != null) {
            record(recordedAt, new DeadlineMet(id, clock, breached.deadlineId(), breached.dueAt(), doneAt, by));
        }
    }

    /** Above the branch the branch no longer replies: its reply clock stops (its deadline cancelled). */
    private void leftBranch() {
        if (level != HandlingLevel.BRANCH) {
            runningClocks.remove(SlaClock.BRANCH_REPLY);
            breachedClocks.remove(SlaClock.BRANCH_REPLY);
            scheduled.remove(SlaClock.BRANCH_REPLY);
        }
    }

    /** Closed, withdrawn or found no complaint: the deadlines still scheduled are cancelled. */
    private void caseEnded() {
        open = false;
        scheduled.clear();
    }

    private void record(Instant at, ComplaintEvent event) {
        long sequence = messages.size();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> audit = Map.of(
                "userId", event.by().userId(),
                "role", event.by().role().name(),
                "correlationId", correlationId,
                "causationId", UUID.randomUUID().toString());
        messages.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, id.value(), sequence, event, MetaData.from(audit),
                eventId, at));
    }

    private Actor actingHandler() {
        return handlerId == null ? Actors.INTAKE : Actors.handler(handlerId);
    }

    private Money requireProposedCompensation() {
        if (proposedCompensation == null) {
            throw new IllegalStateException("no compensation was proposed");
        }
        return proposedCompensation;
    }

    private void requireNotRegistered() {
        if (registeredAt != null) {
            throw new IllegalStateException("the case is already registered");
        }
    }

    @Override
    public String toString() {
        return "case " + id + " (" + messages.size() + " events)";
    }
}
