package com.complaintcase.command.complaint.handling;

import com.complaintcase.command.api.CommandEndpoints;
import com.complaintcase.command.api.ComplaintCommandEndpoint;
import com.complaintcase.command.api.CommandRequests.CommandResponse;
import com.complaintcase.command.api.CommandRequests.NoteBody;
import com.complaintcase.command.api.CommandRequests.ReasonBody;
import com.complaintcase.command.api.ExpectedVersion;
import com.complaintcase.command.api.Fields;
import com.complaintcase.command.api.SingleLine;
import com.complaintcase.command.api.UnknownHandler;
import com.complaintcase.platform.security.UserDirectory;
import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.ContactMethod;
import com.complaintcase.values.EvidenceKind;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.Role;
import com.complaintcase.values.Text;
import com.complaintcase.values.Validity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import java.time.Instant;

import static com.complaintcase.command.api.CommandEndpoints.IF_MATCH_DOC;
import static com.complaintcase.command.api.CommandRequests.LONG_TEXT;

/** Handling a case: assignment, transfer, contacts with the customer, evidence and findings. */
@ComplaintCommandEndpoint
public class HandlingEndpoint {

    private final CommandGateway commands;
    private final UserDirectory users;

    public HandlingEndpoint(CommandGateway commands, UserDirectory users) {
        this.commands = commands;
        this.users = users;
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
        return CommandEndpoints.accepted(commands, new AssignHandler(id, expected.value(), actor, handlerId));
    }

    @PostMapping(path = "/{id}/transfer", consumes = "application/json")
    @Operation(summary = "Forward the case to another unit")
    public ResponseEntity<CommandResponse> transfer(@PathVariable ComplaintId id, @Valid @RequestBody TransferBody body,
                                                    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                    Actor actor) {
        return CommandEndpoints.accepted(commands, new TransferComplaint(id, expected.value(), actor,
                Fields.named("toUnit", () -> new BranchCode(body.toUnit().trim())),
                Text.required("reason", body.reason(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/contacts", consumes = "application/json")
    @Operation(summary = "Record a contact with the customer")
    public ResponseEntity<CommandResponse> contact(@PathVariable ComplaintId id, @Valid @RequestBody ContactBody body,
                                                   @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                   Actor actor) {
        return CommandEndpoints.accepted(commands, new RecordContact(id, expected.value(), actor,
                Fields.micros(body.contactedAt()), body.method(), Text.required("summary", body.summary(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/evidence", consumes = "application/json")
    @Operation(summary = "Attach a reference to evidence")
    public ResponseEntity<CommandResponse> evidence(@PathVariable ComplaintId id, @Valid @RequestBody EvidenceBody body,
                                                    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                    Actor actor) {
        return CommandEndpoints.accepted(commands, new AttachEvidence(id, expected.value(), actor, body.kind(),
                Text.required("reference", body.reference(), 500),
                Text.optional("description", body.description(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/findings", consumes = "application/json")
    @Operation(summary = "Record validity and responsibility")
    public ResponseEntity<CommandResponse> findings(@PathVariable ComplaintId id, @Valid @RequestBody FindingsBody body,
                                                    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                    Actor actor) {
        return CommandEndpoints.accepted(commands, new RecordFindings(id, expected.value(), actor, body.validity(),
                body.responsibility(), Text.optional("rootCause", body.rootCause(), LONG_TEXT),
                Text.required("summary", body.summary(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/hold", consumes = "application/json")
    @Operation(summary = "Put the case on hold while handling waits, with the reason; no clock stops")
    public ResponseEntity<CommandResponse> hold(@PathVariable ComplaintId id, @Valid @RequestBody ReasonBody body,
                                                @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                Actor actor) {
        return CommandEndpoints.accepted(commands,
                new PutComplaintOnHold(id, expected.value(), actor, Text.required("reason", body.reason(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/resume", consumes = "application/json")
    @Operation(summary = "Resume handling of a case on hold")
    public ResponseEntity<CommandResponse> resume(@PathVariable ComplaintId id, @Valid @RequestBody NoteBody body,
                                                  @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                  Actor actor) {
        return CommandEndpoints.accepted(commands,
                new ResumeComplaint(id, expected.value(), actor, Text.optional("note", body.note(), LONG_TEXT)));
    }

    record AssignBody(@NotBlank @Size(max = 64) @SingleLine String handlerId) {
    }

    record TransferBody(@NotBlank @Size(max = 32) String toUnit, @NotBlank @Size(max = LONG_TEXT) String reason) {
    }

    record ContactBody(@NotNull Instant contactedAt, @NotNull ContactMethod method,
                       @NotBlank @Size(max = LONG_TEXT) String summary) {
    }

    record EvidenceBody(@NotNull EvidenceKind kind, @NotBlank @Size(max = 500) @SingleLine String reference,
                        @Size(max = LONG_TEXT) String description) {
    }

    record FindingsBody(@NotNull Validity validity, @NotNull Responsibility responsibility,
                        @Size(max = LONG_TEXT) String rootCause, @NotBlank @Size(max = LONG_TEXT) String summary) {
    }
}
