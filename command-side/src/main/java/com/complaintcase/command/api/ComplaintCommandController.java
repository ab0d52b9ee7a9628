package com.complaintcase.command.api;

import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.platform.returns.ReturnMappings;

import com.complaintcase.command.api.CommandRequests.AssignBody;
import com.complaintcase.command.api.CommandRequests.CommandResponse;
import com.complaintcase.command.api.CommandRequests.CompensationApprovalBody;
import com.complaintcase.command.api.CommandRequests.CompensationPaymentBody;
import com.complaintcase.command.api.CommandRequests.ContactBody;
import com.complaintcase.command.api.CommandRequests.CustomerResponseBody;
import com.complaintcase.command.api.CommandRequests.DeadlineExtensionBody;
import com.complaintcase.command.api.CommandRequests.EscalateBody;
import com.complaintcase.command.api.CommandRequests.EvidenceBody;
import com.complaintcase.command.api.CommandRequests.FeedbackBody;
import com.complaintcase.command.api.CommandRequests.FindingsBody;
import com.complaintcase.command.api.CommandRequests.NoteBody;
import com.complaintcase.command.api.CommandRequests.ReasonBody;
import com.complaintcase.command.api.CommandRequests.RegisterComplaintBody;
import com.complaintcase.command.api.CommandRequests.ResolutionBody;
import com.complaintcase.command.api.CommandRequests.ReviewBody;
import com.complaintcase.command.api.CommandRequests.TransferBody;
import com.complaintcase.command.complaint.CommandResult;
import com.complaintcase.command.complaint.closure.CloseComplaint;
import com.complaintcase.command.complaint.closure.ReopenComplaint;
import com.complaintcase.command.complaint.closure.WithdrawComplaint;
import com.complaintcase.command.complaint.escalation.EscalateComplaint;
import com.complaintcase.command.complaint.escalation.ExtendDeadline;
import com.complaintcase.command.complaint.handling.AssignHandler;
import com.complaintcase.command.complaint.handling.AttachEvidence;
import com.complaintcase.command.complaint.handling.RecordContact;
import com.complaintcase.command.complaint.handling.RecordFindings;
import com.complaintcase.command.complaint.handling.TransferComplaint;
import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.command.complaint.resolution.DecideCompensation;
import com.complaintcase.command.complaint.resolution.ProposeResolution;
import com.complaintcase.command.complaint.resolution.RecordCompensationPayment;
import com.complaintcase.command.complaint.resolution.RecordCustomerResponse;
import com.complaintcase.command.complaint.resolution.RecordFeedback;
import com.complaintcase.command.complaint.review.ReviewComplaint;
import com.complaintcase.platform.security.UserDirectory;
import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Customer;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.InvalidValueException;
import com.complaintcase.values.RequestedRemedy;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.Role;
import com.complaintcase.values.SatisfactionScore;
import com.complaintcase.values.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

import static com.complaintcase.command.api.CommandRequests.LONG_TEXT;
import static com.complaintcase.command.api.CommandRequests.SHORT_TEXT;

/**
 * The command API of the contract. Input is checked here; who is acting comes from the authenticated
 * principal; the case itself decides whether the command is allowed.
 */
@RestController
@RequestMapping(path = "/api/complaints", produces = "application/json")
@Tag(name = "Complaint commands", description = "Register complaints and take them through their life")
public class ComplaintCommandController {

    private static final String IF_MATCH_DOC = "the version the client last saw, as \"<version>\"; the command fails with 412 if the case has moved on";

    private final CommandGateway commands;
    private final UserDirectory users;
    private final ReturnMappings catalogue;

    public ComplaintCommandController(CommandGateway commands, UserDirectory users, ReturnMappings catalogue) {
        this.commands = commands;
        this.users = users;
        this.catalogue = catalogue;
    }

    /** A product named in a request must be in the product catalogue (absent: the unknown product). */
    private String catalogued(String product) {
        if (product == null) {
            return null;
        }
        String code = product.trim();
        if (!catalogue.knowsProduct(code) || ComplaintRegistered.UNKNOWN_PRODUCT.equals(code)) {
            throw new UnknownProduct(code, catalogue.version());
        }
        return code;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Register a complaint", description = "Idempotent by client-chosen complaintId: the same request again returns the same result; different content under the same id is a 409.")
    public ResponseEntity<CommandResponse> register(@Valid @RequestBody RegisterComplaintBody body, Actor actor) {
        ComplaintId id = body.complaintId() == null || body.complaintId().isBlank()
                ? ComplaintId.random() : new ComplaintId(body.complaintId().trim());
        RegisterComplaint command = new RegisterComplaint(
                id, Fields.micros(body.receivedAt()), body.channel(), new BranchCode(body.branchCode().trim()),
                new Customer(Fields.named("customer.customerId", () -> new CustomerId(body.customer().customerId().trim())),
                        body.customer().name(), body.customer().phone(), body.customer().email()),
                body.category(), body.subcategory(), body.rootIssue(),
                Text.required("description", body.description(), LONG_TEXT),
                new RequestedRemedy(body.requestedRemedy().type(),
                        body.requestedRemedy().amount() == null ? null : body.requestedRemedy().amount().toMoney("requestedRemedy.amount")),
                flags(body.flags()),
                Text.optional("lateEntryReason", body.lateEntryReason(), LONG_TEXT),
                actor, catalogued(body.product()));
        CommandResult result = RefusedCommands.sendAndWait(commands, command);
        return ResponseEntity.created(URI.create("/api/cases/" + result.complaintId()))
                .eTag(etag(result.version()))
                .body(new CommandResponse(result.complaintId().value(), result.version()));
    }

    @PostMapping(path = "/{id}/review", consumes = "application/json")
    @Operation(summary = "Initial review: a complaint or not, business line, handling level")
    public ResponseEntity<CommandResponse> review(@PathVariable ComplaintId id, @Valid @RequestBody ReviewBody body,
                                                  @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                  Actor actor) {
        if (body.outcome() == ReviewOutcome.ACCEPTED) {
            Text.required("businessLine", body.businessLine(), SHORT_TEXT);
            if (body.handlingLevel() == null) {
                throw new InvalidValueException("handlingLevel", "is required when the outcome is ACCEPTED");
            }
        }
        if (body.handlingLevel() == HandlingLevel.REGULATOR_REPORTED) {
            throw new InvalidValueException("handlingLevel", "must be BRANCH, FIRST_LEVEL_BRANCH or HEAD_OFFICE");
        }
        return send(new ReviewComplaint(id, expected.value(), actor, body.outcome(),
                Text.optional("businessLine", body.businessLine(), SHORT_TEXT), body.handlingLevel(),
                Text.optional("note", body.note(), LONG_TEXT), catalogued(body.product())));
    }

    @PostMapping(path = "/{id}/assign", consumes = "application/json")
    @Operation(summary = "Assign a handler")
    public ResponseEntity<CommandResponse> assign(@PathVariable ComplaintId id, @Valid @RequestBody AssignBody body,
                                                  @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                  Actor actor) {
        String handlerId = body.handlerId().trim();
        boolean isHandler = users.find(handlerId).map(user -> user.role() == Role.HANDLER).orElse(false);
        if (!isHandler) {
            throw new UnknownHandler(handlerId);
        }
        return send(new AssignHandler(id, expected.value(), actor, handlerId));
    }

    @PostMapping(path = "/{id}/transfer", consumes = "application/json")
    @Operation(summary = "Forward the case to another unit")
    public ResponseEntity<CommandResponse> transfer(@PathVariable ComplaintId id, @Valid @RequestBody TransferBody body,
                                                    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                    Actor actor) {
        return send(new TransferComplaint(id, expected.value(), actor,
                Fields.named("toUnit", () -> new BranchCode(body.toUnit().trim())),
                Text.required("reason", body.reason(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/contacts", consumes = "application/json")
    @Operation(summary = "Record a contact with the customer")
    public ResponseEntity<CommandResponse> contact(@PathVariable ComplaintId id, @Valid @RequestBody ContactBody body,
                                                   @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                   Actor actor) {
        return send(new RecordContact(id, expected.value(), actor, Fields.micros(body.contactedAt()), body.method(),
                Text.required("summary", body.summary(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/evidence", consumes = "application/json")
    @Operation(summary = "Attach a reference to evidence")
    public ResponseEntity<CommandResponse> evidence(@PathVariable ComplaintId id, @Valid @RequestBody EvidenceBody body,
                                                    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                    Actor actor) {
        return send(new AttachEvidence(id, expected.value(), actor, body.kind(),
                Text.required("reference", body.reference(), 500),
                Text.optional("description", body.description(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/findings", consumes = "application/json")
    @Operation(summary = "Record validity and responsibility")
    public ResponseEntity<CommandResponse> findings(@PathVariable ComplaintId id, @Valid @RequestBody FindingsBody body,
                                                    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                    Actor actor) {
        return send(new RecordFindings(id, expected.value(), actor, body.validity(), body.responsibility(),
                Text.optional("rootCause", body.rootCause(), LONG_TEXT),
                Text.required("summary", body.summary(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/resolution", consumes = "application/json")
    @Operation(summary = "Propose a resolution, with or without compensation")
    public ResponseEntity<CommandResponse> resolution(@PathVariable ComplaintId id, @Valid @RequestBody ResolutionBody body,
                                                      @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                      Actor actor) {
        return send(new ProposeResolution(id, expected.value(), actor,
                Text.required("summary", body.summary(), LONG_TEXT),
                body.compensation() == null ? null : body.compensation().toMoney("compensation")));
    }

    @PostMapping(path = "/{id}/compensation-approval", consumes = "application/json")
    @Operation(summary = "Approve or refuse the proposed compensation (four eyes)")
    public ResponseEntity<CommandResponse> compensationApproval(@PathVariable ComplaintId id,
                                                                @Valid @RequestBody CompensationApprovalBody body,
                                                                @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                                Actor actor) {
        return send(new DecideCompensation(id, expected.value(), actor, body.approved(),
                Text.optional("note", body.note(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/customer-response", consumes = "application/json")
    @Operation(summary = "Record whether the customer accepted the resolution")
    public ResponseEntity<CommandResponse> customerResponse(@PathVariable ComplaintId id,
                                                            @Valid @RequestBody CustomerResponseBody body,
                                                            @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                            Actor actor) {
        return send(new RecordCustomerResponse(id, expected.value(), actor, body.accepted(),
                Text.optional("comment", body.comment(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/compensation-payment", consumes = "application/json")
    @Operation(summary = "Record the compensation actually paid")
    public ResponseEntity<CommandResponse> compensationPayment(@PathVariable ComplaintId id,
                                                               @Valid @RequestBody CompensationPaymentBody body,
                                                               @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                               Actor actor) {
        return send(new RecordCompensationPayment(id, expected.value(), actor, body.amount().toMoney("amount"),
                Fields.micros(body.paidAt()), Text.required("paymentReference", body.paymentReference(), SHORT_TEXT)));
    }

    @PostMapping(path = "/{id}/feedback", consumes = "application/json")
    @Operation(summary = "Record the customer's satisfaction score (1-5)")
    public ResponseEntity<CommandResponse> feedback(@PathVariable ComplaintId id, @Valid @RequestBody FeedbackBody body,
                                                    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                    Actor actor) {
        return send(new RecordFeedback(id, expected.value(), actor, new SatisfactionScore(body.score()),
                Text.optional("comment", body.comment(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/close", consumes = "application/json")
    @Operation(summary = "Close a resolved case")
    public ResponseEntity<CommandResponse> close(@PathVariable ComplaintId id, @Valid @RequestBody NoteBody body,
                                                 @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                 Actor actor) {
        return send(new CloseComplaint(id, expected.value(), actor, Text.optional("note", body.note(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/reopen", consumes = "application/json")
    @Operation(summary = "Reopen a closed case")
    public ResponseEntity<CommandResponse> reopen(@PathVariable ComplaintId id, @Valid @RequestBody ReasonBody body,
                                                  @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                  Actor actor) {
        return send(new ReopenComplaint(id, expected.value(), actor, Text.required("reason", body.reason(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/withdraw", consumes = "application/json")
    @Operation(summary = "The customer withdraws the complaint")
    public ResponseEntity<CommandResponse> withdraw(@PathVariable ComplaintId id, @Valid @RequestBody ReasonBody body,
                                                    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                    Actor actor) {
        return send(new WithdrawComplaint(id, expected.value(), actor, Text.required("reason", body.reason(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/escalate", consumes = "application/json")
    @Operation(summary = "Escalate the case one level up")
    public ResponseEntity<CommandResponse> escalate(@PathVariable ComplaintId id, @Valid @RequestBody EscalateBody body,
                                                    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                    Actor actor) {
        return send(new EscalateComplaint(id, expected.value(), actor, body.reason(),
                Text.optional("note", body.note(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/deadline-extension", consumes = "application/json")
    @Operation(summary = "Extend the resolution deadline within the policy")
    public ResponseEntity<CommandResponse> deadlineExtension(@PathVariable ComplaintId id,
                                                             @Valid @RequestBody DeadlineExtensionBody body,
                                                             @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                             Actor actor) {
        return send(new ExtendDeadline(id, expected.value(), actor, body.days(),
                Text.required("reason", body.reason(), LONG_TEXT), Boolean.TRUE.equals(body.headOfficeApproval())));
    }

    private ResponseEntity<CommandResponse> send(Object command) {
        CommandResult result = RefusedCommands.sendAndWait(commands, command);
        return ResponseEntity.status(HttpStatus.OK)
                .eTag(etag(result.version()))
                .body(new CommandResponse(result.complaintId().value(), result.version()));
    }

    private static ComplaintFlags flags(CommandRequests.FlagsBody flags) {
        if (flags == null) {
            return ComplaintFlags.NONE;
        }
        return new ComplaintFlags(Boolean.TRUE.equals(flags.mediaThreat()), Boolean.TRUE.equals(flags.vulnerableCustomer()),
                Boolean.TRUE.equals(flags.skippedLevel()), flags.incidentCode());
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
