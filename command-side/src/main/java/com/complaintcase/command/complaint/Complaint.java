package com.complaintcase.command.complaint;

import com.complaintcase.casemodel.CaseState;
import com.complaintcase.command.complaint.closure.CloseComplaint;
import com.complaintcase.command.complaint.closure.Closure;
import com.complaintcase.command.complaint.closure.ReopenComplaint;
import com.complaintcase.command.complaint.closure.WithdrawComplaint;
import com.complaintcase.command.complaint.escalation.EscalateComplaint;
import com.complaintcase.command.complaint.escalation.Escalation;
import com.complaintcase.command.complaint.escalation.ExtendDeadline;
import com.complaintcase.command.complaint.handling.AssignHandler;
import com.complaintcase.command.complaint.handling.AttachEvidence;
import com.complaintcase.command.complaint.handling.Handling;
import com.complaintcase.command.complaint.handling.Hold;
import com.complaintcase.command.complaint.handling.PutComplaintOnHold;
import com.complaintcase.command.complaint.handling.RecordContact;
import com.complaintcase.command.complaint.handling.RecordFindings;
import com.complaintcase.command.complaint.handling.ResumeComplaint;
import com.complaintcase.command.complaint.handling.TransferComplaint;
import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.command.complaint.registration.Registration;
import com.complaintcase.command.complaint.resolution.DecideCompensation;
import com.complaintcase.command.complaint.resolution.ProposeResolution;
import com.complaintcase.command.complaint.resolution.RecordCompensationPayment;
import com.complaintcase.command.complaint.resolution.RecordCustomerResponse;
import com.complaintcase.command.complaint.resolution.RecordFeedback;
import com.complaintcase.command.complaint.resolution.Resolution;
import com.complaintcase.command.complaint.review.Review;
import com.complaintcase.command.complaint.review.ReviewComplaint;
import com.complaintcase.command.complaint.sla.PolicyPacks;
import com.complaintcase.command.complaint.sla.SlaClocks;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.values.ComplaintId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's complaint case, from registration to closure (domain brief, sections 4 and 5).
 *
 * <p>A complaint is <b>registered</b> by intake, a handler or a supervisor, under the policy pack its channel and
 * branch choose: the pack's clocks start (first contact, resolution, or the regulator's), a late entry is explained,
 * and a complaint that weighs more (an outside channel, a skipped level, a media threat, a repeat of a recently closed
 * case, a group of customers) is escalated by the system as it arrives. A supervisor <b>reviews</b> it: not a
 * complaint ends it there; accepted, it is handled at a level never below the one it reached, and at the branch the
 * branch must reply within its clock. A supervisor assigns a <b>handler</b>, who may forward it to another unit
 * (which assigns its own), contacts the customer, attaches evidence and records findings, and may put the case
 * <b>on hold</b> while handling waits (its clocks run on) and resume it. On those findings the
 * handler proposes a <b>resolution</b>; a compensation in it needs a second person's approval, and one above the
 * level's authority takes the case a level up. The customer accepts (the case is resolved; the agreed compensation
 * is paid and the customer's satisfaction recorded) or rejects it (back to handling). A resolved case is
 * <b>closed</b>; when the customer complains again about the same matter it is <b>reopened</b> and handled anew. An
 * open case may be <b>withdrawn</b> by the customer. At any time it may be <b>escalated</b> a level up, by a person or
 * by the system when a clock's limit passes; a supervisor may extend its deadline within the pack.
 *
 * <p>Each capability decides in its own package ({@code registration}, {@code review}, {@code handling},
 * {@code resolution}, {@code escalation}, {@code closure}) with the case's state as the case model
 * ({@link CaseState}) folds it from the events; the decisions only apply events, and the state changes only in
 * the event-sourcing handler, so a case reloaded from its history is the case that decided. Its snapshots are of
 * revision 2 (the state held as the case model): one of the earlier shape is skipped, and the case replayed from its
 * events.
 */
@Aggregate(snapshotTriggerDefinition = "complaintSnapshotTrigger")
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Complaint {

    @AggregateIdentifier
    private ComplaintId complaintId;
    private CaseState state = new CaseState();

    protected Complaint() {
        // for the framework: a case is rebuilt from its events
    }

    /**
     * Registers a complaint; {@code now} is the moment of entry into the system, {@code related} what was found
     * about other cases (a repeat, a group) under the policy's windows.
     */
    public Complaint(RegisterComplaint command, ComplaintPolicy policy, PolicyPacks packs, RelatedFindings related,
                     Instant now, DeadlineManager deadlines) {
        Registration.register(state, command, policy, packs, related, now,
                new SlaClocks(command.complaintId(), state, deadlines));
    }

    /**
     * A registration sent again under an existing id: the same request gets the original version back,
     * a different one is refused.
     */
    public long repeatRegistration(RegisterComplaint command) {
        return Registration.repeat(state, command);
    }

    public void review(ReviewComplaint command, PolicyPacks packs, DeadlineManager deadlines) {
        Review.review(state, command, packs, clocks(deadlines));
    }

    public void assign(AssignHandler command, Instant now, DeadlineManager deadlines) {
        Handling.assign(state, command, now, clocks(deadlines));
    }

    public void transfer(TransferComplaint command, PolicyPacks packs, Instant now, DeadlineManager deadlines) {
        Handling.transfer(state, command, packs, now, clocks(deadlines));
    }

    /** {@code notAfter}: the latest instant a reported time may have (now, plus the tolerated clock skew). */
    public void recordContact(RecordContact command, Instant notAfter, DeadlineManager deadlines) {
        Handling.recordContact(state, command, notAfter, clocks(deadlines));
    }

    public void attachEvidence(AttachEvidence command) {
        Handling.attachEvidence(state, command);
    }

    public void recordFindings(RecordFindings command) {
        Handling.recordFindings(state, command);
    }

    public void putOnHold(PutComplaintOnHold command) {
        Hold.putOnHold(state, command);
    }

    public void resume(ResumeComplaint command) {
        Hold.resume(state, command);
    }

    public void proposeResolution(ProposeResolution command, ComplaintPolicy policy, Instant now, DeadlineManager deadlines) {
        Resolution.propose(state, command, policy, now, clocks(deadlines));
    }

    public void decideCompensation(DecideCompensation command) {
        Resolution.decideCompensation(state, command);
    }

    public void recordCustomerResponse(RecordCustomerResponse command, Instant now, DeadlineManager deadlines) {
        Resolution.recordCustomerResponse(state, command, now, clocks(deadlines));
    }

    public void recordCompensationPayment(RecordCompensationPayment command, Instant notAfter) {
        Resolution.recordPayment(state, command, notAfter);
    }

    public void recordFeedback(RecordFeedback command) {
        Resolution.recordFeedback(state, command);
    }

    public void close(CloseComplaint command, DeadlineManager deadlines) {
        Closure.close(state, command, clocks(deadlines));
    }

    public void reopen(ReopenComplaint command) {
        Closure.reopen(state, command);
    }

    public void withdraw(WithdrawComplaint command, DeadlineManager deadlines) {
        Closure.withdraw(state, command, clocks(deadlines));
    }

    public void escalate(EscalateComplaint command, DeadlineManager deadlines) {
        Escalation.escalate(state, command, clocks(deadlines));
    }

    public void extendDeadline(ExtendDeadline command, PolicyPacks packs, DeadlineManager deadlines) {
        Escalation.extendDeadline(state, command, packs, clocks(deadlines));
    }

    /**
     * A clock's limit passed with its step not done: the breach is recorded at that moment, and the case
     * goes one level up (by the system) unless it is at the top already.
     */
    @DeadlineHandler(deadlineName = SlaDeadlineDue.NAME)
    void onDeadline(SlaDeadlineDue due) {
        Escalation.deadlinePassed(state, due);
    }

    /** Every event of the case, as the case model folds it. */
    @EventSourcingHandler
    void on(ComplaintEvent event, @SequenceNumber long sequenceNumber) {
        complaintId = event.complaintId();
        state.evolve(event, sequenceNumber);
    }

    private SlaClocks clocks(DeadlineManager deadlines) {
        return new SlaClocks(complaintId, state, deadlines);
    }

    @Override
    public String toString() {
        return "Complaint[" + complaintId + ", " + state.status() + ", " + state.level() + ", handler "
                + Objects.toString(state.handlerId(), "-") + "]";
    }
}
