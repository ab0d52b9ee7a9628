package com.complaintcase.command.complaint.escalation;

import com.complaintcase.command.api.CommandEndpoints;
import com.complaintcase.command.api.ComplaintCommandEndpoint;
import com.complaintcase.command.api.CommandRequests.CommandResponse;
import com.complaintcase.command.api.ExpectedVersion;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import static com.complaintcase.command.api.CommandEndpoints.IF_MATCH_DOC;
import static com.complaintcase.command.api.CommandRequests.LONG_TEXT;

/** Moving a case up the ladder and extending its resolution deadline. */
@ComplaintCommandEndpoint
public class EscalationEndpoint {

    private final CommandGateway commands;

    public EscalationEndpoint(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/{id}/escalate", consumes = "application/json")
    @Operation(summary = "Escalate the case one level up")
    public ResponseEntity<CommandResponse> escalate(@PathVariable ComplaintId id, @Valid @RequestBody EscalateBody body,
                                                    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                    Actor actor) {
        return CommandEndpoints.accepted(commands, new EscalateComplaint(id, expected.value(), actor, body.reason(),
                Text.optional("note", body.note(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/deadline-extension", consumes = "application/json")
    @Operation(summary = "Extend the resolution deadline within the policy")
    public ResponseEntity<CommandResponse> deadlineExtension(@PathVariable ComplaintId id,
                                                             @Valid @RequestBody DeadlineExtensionBody body,
                                                             @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                             Actor actor) {
        return CommandEndpoints.accepted(commands, new ExtendDeadline(id, expected.value(), actor, body.days(),
                Text.required("reason", body.reason(), LONG_TEXT), Boolean.TRUE.equals(body.headOfficeApproval())));
    }

    record EscalateBody(@NotNull EscalationReason reason, @Size(max = LONG_TEXT) String note) {
    }

    record DeadlineExtensionBody(@NotBlank @Size(max = LONG_TEXT) String reason,
                                 @NotNull @Min(1) @Max(365) Integer days,
                                 Boolean headOfficeApproval) {
    }
}
