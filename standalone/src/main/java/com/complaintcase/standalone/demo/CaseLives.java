package com.complaintcase.standalone.demo;

import com.complaintcase.command.complaint.ComplaintCommand;
import com.complaintcase.command.complaint.closure.CloseComplaint;
import com.complaintcase.command.complaint.closure.WithdrawComplaint;
import com.complaintcase.command.complaint.escalation.EscalateComplaint;
import com.complaintcase.command.complaint.handling.AssignHandler;
import com.complaintcase.command.complaint.handling.AttachEvidence;
import com.complaintcase.command.complaint.handling.RecordContact;
import com.complaintcase.command.complaint.handling.RecordFindings;
import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.command.complaint.resolution.DecideCompensation;
import com.complaintcase.command.complaint.resolution.ProposeResolution;
import com.complaintcase.command.complaint.resolution.RecordCompensationPayment;
import com.complaintcase.command.complaint.resolution.RecordCustomerResponse;
import com.complaintcase.command.complaint.resolution.RecordFeedback;
import com.complaintcase.command.complaint.review.ReviewComplaint;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.platform.messaging.AuditMetadata;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.ContactMethod;
import com.complaintcase.values.EvidenceKind;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.Role;
import com.complaintcase.values.SatisfactionScore;
import com.complaintcase.workload.CaseScript;
import com.complaintcase.workload.Life;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * Takes a generated case through its life by the real command path: each step a command of the right person
 * through the command gateway, so the aggregate's rules, the SLA deadlines and repeat and group detection apply
 * exactly as over HTTP. The steps happen one after the other now; only the receipt lies in the past.
 */
class CaseLives {

    private static final Actor INTAKE = new Actor("intake1", Role.INTAKE);
    private static final Actor REVIEWER = new Actor("supervisor1", Role.SUPERVISOR);
    private static final Actor APPROVER = new Actor("supervisor2", Role.SUPERVISOR);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Clock clock;

    CaseLives(CommandGateway commands, EventStore eventStore, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    void live(CaseScript script) {
        ComplaintId id = script.complaintId();
        Life life = script.life();
        Actor handler = new Actor(life.handlerId(), Role.HANDLER);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        send(new RegisterComplaint(id, now.minus(script.receivedBefore()), script.channel(), script.branchCode(),
                script.customer(), script.category(), script.subcategory(), script.rootIssue(), script.description(),
                script.requestedRemedy(), script.flags(), script.lateEntryReason(), INTAKE));
        switch (life.ending()) {
            case OPEN_REGISTERED -> {
                return;
            }
            case NOT_A_COMPLAINT -> {
                send(new ReviewComplaint(id, null, REVIEWER, ReviewOutcome.NOT_A_COMPLAINT, null, null,
                        "An inquiry about the product, answered on the spot"));
                return;
            }
            default -> send(new ReviewComplaint(id, null, REVIEWER, ReviewOutcome.ACCEPTED, businessLine(script),
                    currentLevel(id), null));
        }
        send(new AssignHandler(id, null, REVIEWER, life.handlerId()));
        if (life.ending() == Life.Ending.OPEN_ASSIGNED) {
            return;
        }
        if (life.ending() == Life.Ending.WITHDRAWN) {
            send(new WithdrawComplaint(id, null, handler, "The customer no longer wishes to pursue it"));
            return;
        }
        send(new RecordContact(id, null, handler, clock.instant().truncatedTo(ChronoUnit.MICROS), ContactMethod.PHONE,
                "Told the customer who handles the case and what happens next"));
        for (int i = 0; i < life.evidence(); i++) {
            send(new AttachEvidence(id, null, handler, i == 0 ? EvidenceKind.SYSTEM_LOG : EvidenceKind.STATEMENT,
                    String.format(Locale.ROOT, "REF-%d-%d", script.index(), i), "Collected during the investigation"));
        }
        if (life.escalation() != null) {
            send(new EscalateComplaint(id, null, handler, life.escalation(), "Needs a decision above the branch"));
        }
        send(new RecordFindings(id, null, handler, life.validity(), life.responsibility(),
                "Found in the records", "Findings of the investigation"));
        if (life.ending() == Life.Ending.OPEN_IN_PROGRESS) {
            return;
        }
        if (life.firstResolutionRejected()) {
            send(new ProposeResolution(id, null, handler, "An explanation of what happened", null));
            send(new RecordCustomerResponse(id, null, handler, false, "The customer wants more"));
        }
        send(new ProposeResolution(id, null, handler, "Put right what went wrong", life.compensation()));
        boolean paid = false;
        if (life.compensation() != null) {
            send(new DecideCompensation(id, null, APPROVER, life.compensationApproved(),
                    life.compensationApproved() ? "Within the unit's authority" : "Not justified by the findings"));
            if (!life.compensationApproved()) {
                send(new ProposeResolution(id, null, handler, "An apology and an explanation", null));
            }
            paid = life.compensationApproved();
        }
        send(new RecordCustomerResponse(id, null, handler, true, "The customer agrees"));
        if (paid) {
            send(new RecordCompensationPayment(id, null, handler, life.compensation(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS), "PAY-" + script.index()));
        }
        if (life.score() > 0) {
            send(new RecordFeedback(id, null, handler, new SatisfactionScore(life.score()), null));
        }
        if (life.ending() == Life.Ending.CLOSED) {
            send(new CloseComplaint(id, null, handler, "Resolved with the customer"));
        }
    }

    /** The level the case stands at after the automatic escalations of its registration. */
    private HandlingLevel currentLevel(ComplaintId id) {
        HandlingLevel level = HandlingLevel.BRANCH;
        var events = eventStore.readEvents(id.value());
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof ComplaintEscalated escalated) {
                level = escalated.toLevel();
            }
        }
        return level == HandlingLevel.REGULATOR_REPORTED ? HandlingLevel.HEAD_OFFICE : level;
    }

    private static String businessLine(CaseScript script) {
        return switch (script.rootIssue()) {
            case TECHNICAL -> "Digital banking";
            case FEES -> "Cards";
            case PRODUCT_INFORMATION -> "Wealth management";
            default -> "Retail branches";
        };
    }

    private void send(Object command) {
        Actor actor = actorOf(command);
        MetaData audit = MetaData.with(AuditMetadata.USER_ID, actor.userId())
                .and(AuditMetadata.ROLE, actor.role().name())
                .and(AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(audit));
    }

    private static Actor actorOf(Object command) {
        return command instanceof RegisterComplaint registration ? registration.actor()
                : ((ComplaintCommand) command).actor();
    }
}
