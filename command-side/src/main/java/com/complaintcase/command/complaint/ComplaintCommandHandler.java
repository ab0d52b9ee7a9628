package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.closure.CloseComplaint;
import com.complaintcase.command.complaint.closure.ReopenComplaint;
import com.complaintcase.command.complaint.closure.WithdrawComplaint;
import com.complaintcase.command.complaint.escalation.EscalateComplaint;
import com.complaintcase.command.complaint.escalation.ExtendDeadline;
import com.complaintcase.command.complaint.handling.AssignHandler;
import com.complaintcase.command.complaint.handling.AttachEvidence;
import com.complaintcase.command.complaint.handling.PutComplaintOnHold;
import com.complaintcase.command.complaint.handling.RecordContact;
import com.complaintcase.command.complaint.handling.RecordFindings;
import com.complaintcase.command.complaint.handling.ResumeComplaint;
import com.complaintcase.command.complaint.handling.TransferComplaint;
import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.command.complaint.resolution.DecideCompensation;
import com.complaintcase.command.complaint.resolution.ProposeResolution;
import com.complaintcase.command.complaint.resolution.RecordCompensationPayment;
import com.complaintcase.command.complaint.resolution.RecordCustomerResponse;
import com.complaintcase.command.complaint.resolution.RecordFeedback;
import com.complaintcase.command.complaint.review.ReviewComplaint;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.Repository;

import com.complaintcase.command.complaint.sla.PolicyPacks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * Loads the case a command is for, lets it decide, and answers with the case's new version. Time
 * comes from the injected {@link Clock}, never from the system directly.
 */
public class ComplaintCommandHandler {

    private final Repository<Complaint> repository;
    private final EventStore eventStore;
    private final ComplaintPolicy policy;
    private final Clock clock;
    private final RelatedComplaints relatedComplaints;
    private final PolicyPacks packs;

    /** Decides with {@code policy}, each case under the pack {@code packs} chooses for it. */
    public ComplaintCommandHandler(Repository<Complaint> repository, EventStore eventStore, ComplaintPolicy policy,
                                   PolicyPacks packs, Clock clock, RelatedComplaints relatedComplaints) {
        this.packs = packs;
        this.repository = repository;
        this.eventStore = eventStore;
        this.policy = policy;
        this.clock = clock;
        this.relatedComplaints = relatedComplaints;
    }

    @CommandHandler
    public CommandResult handle(RegisterComplaint command, DeadlineManager deadlines) throws Exception {
        Aggregate<Complaint> existing = findExisting(command);
        if (existing != null) {
            long version = existing.invoke(complaint -> complaint.repeatRegistration(command));
            return new CommandResult(command.complaintId(), version);
        }
        Instant now = now();
        RelatedFindings related = relatedTo(command, now);
        Aggregate<Complaint> created = repository.newInstance(() -> new Complaint(command, policy, packs, related, now, deadlines));
        return new CommandResult(command.complaintId(), created.version());
    }

    /**
     * What the other cases say about a new complaint (domain brief, section 5), each window reaching back from the
     * moment of registration: the same customer's case about the same subcategory closed within the repeat window;
     * the different customers who complained about the same subcategory at the same branch, and about the same
     * incident, registered within the group window, the new customer counted in.
     */
    private RelatedFindings relatedTo(RegisterComplaint command, Instant now) {
        CustomerId customer = command.customer().customerId();
        ComplaintId repeatOf = relatedComplaints.closedComplaintOfSameCustomerAndSubcategorySince(
                customer, command.subcategory(), now.minus(policy.repeatWindow())).orElse(null);
        Instant groupSince = now.minus(policy.groupWindow());
        int atBranch = relatedComplaints.distinctCustomersAtBranchAndSubcategorySince(
                command.branchCode(), command.subcategory(), groupSince, customer);
        int withIncident = command.flags().isIncident()
                ? relatedComplaints.distinctCustomersWithIncidentSince(command.flags().incidentCode(), groupSince, customer)
                : 0;
        return new RelatedFindings(repeatOf, atBranch, withIncident);
    }

    private Aggregate<Complaint> findExisting(RegisterComplaint command) {
        String id = command.complaintId().value();
        return isRegistered(id) ? repository.load(id) : null;
    }

    private boolean isRegistered(String id) {
        try {
            return eventStore.lastSequenceNumberFor(id).isPresent();
        } catch (AggregateNotFoundException noEvents) {
            return false;
        }
    }

    @CommandHandler
    public CommandResult handle(ReviewComplaint command, DeadlineManager deadlines) {
        return execute(command, complaint -> complaint.review(command, packs, deadlines));
    }

    @CommandHandler
    public CommandResult handle(AssignHandler command, DeadlineManager deadlines) {
        return execute(command, complaint -> complaint.assign(command, now(), deadlines));
    }

    @CommandHandler
    public CommandResult handle(TransferComplaint command, DeadlineManager deadlines) {
        return execute(command, complaint -> complaint.transfer(command, packs, now(), deadlines));
    }

    @CommandHandler
    public CommandResult handle(RecordContact command, DeadlineManager deadlines) {
        return execute(command, complaint -> complaint.recordContact(command, latestAcceptableTime(), deadlines));
    }

    @CommandHandler
    public CommandResult handle(AttachEvidence command) {
        return execute(command, complaint -> complaint.attachEvidence(command));
    }

    @CommandHandler
    public CommandResult handle(RecordFindings command) {
        return execute(command, complaint -> complaint.recordFindings(command));
    }

    @CommandHandler
    public CommandResult handle(PutComplaintOnHold command) {
        return execute(command, complaint -> complaint.putOnHold(command));
    }

    @CommandHandler
    public CommandResult handle(ResumeComplaint command) {
        return execute(command, complaint -> complaint.resume(command));
    }

    @CommandHandler
    public CommandResult handle(ProposeResolution command, DeadlineManager deadlines) {
        return execute(command, complaint -> complaint.proposeResolution(command, policy, now(), deadlines));
    }

    @CommandHandler
    public CommandResult handle(DecideCompensation command) {
        return execute(command, complaint -> complaint.decideCompensation(command));
    }

    @CommandHandler
    public CommandResult handle(RecordCustomerResponse command, DeadlineManager deadlines) {
        return execute(command, complaint -> complaint.recordCustomerResponse(command, now(), deadlines));
    }

    @CommandHandler
    public CommandResult handle(RecordCompensationPayment command) {
        return execute(command, complaint -> complaint.recordCompensationPayment(command, latestAcceptableTime()));
    }

    @CommandHandler
    public CommandResult handle(RecordFeedback command) {
        return execute(command, complaint -> complaint.recordFeedback(command));
    }

    @CommandHandler
    public CommandResult handle(CloseComplaint command, DeadlineManager deadlines) {
        return execute(command, complaint -> complaint.close(command, deadlines));
    }

    @CommandHandler
    public CommandResult handle(ReopenComplaint command) {
        return execute(command, complaint -> complaint.reopen(command));
    }

    @CommandHandler
    public CommandResult handle(WithdrawComplaint command, DeadlineManager deadlines) {
        return execute(command, complaint -> complaint.withdraw(command, deadlines));
    }

    @CommandHandler
    public CommandResult handle(EscalateComplaint command, DeadlineManager deadlines) {
        return execute(command, complaint -> complaint.escalate(command, deadlines));
    }

    @CommandHandler
    public CommandResult handle(ExtendDeadline command, DeadlineManager deadlines) {
        return execute(command, complaint -> complaint.extendDeadline(command, packs, deadlines));
    }

    private CommandResult execute(ComplaintCommand command, Consumer<Complaint> decision) {
        Aggregate<Complaint> complaint = repository.load(command.complaintId().value(), command.expectedVersion());
        requireExpectedVersion(command, complaint);
        complaint.execute(decision);
        return new CommandResult(command.complaintId(), complaint.version());
    }

    /** A client that names the version it saw is refused when the case has moved on, before any rule is asked. */
    private static void requireExpectedVersion(ComplaintCommand command, Aggregate<Complaint> complaint) {
        Long expected = command.expectedVersion();
        long actual = complaint.version();
        if (expected != null && expected != actual) {
            throw new ConflictingAggregateVersionException(command.complaintId().value(), expected, actual);
        }
    }

    private Instant latestAcceptableTime() {
        return now().plus(policy.receiptClockSkew());
    }

    /** Now, to the microsecond: the precision the stores keep, so a fact reads back as it was decided. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
