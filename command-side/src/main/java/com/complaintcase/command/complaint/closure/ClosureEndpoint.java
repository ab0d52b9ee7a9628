package com.complaintcase.command.complaint.closure;

import com.complaintcase.command.api.CommandEndpoints;
import com.complaintcase.command.api.ComplaintCommandEndpoint;
import com.complaintcase.command.api.CommandRequests.CommandResponse;
import com.complaintcase.command.api.CommandRequests.NoteBody;
import com.complaintcase.command.api.CommandRequests.ReasonBody;
import com.complaintcase.command.api.ExpectedVersion;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import static com.complaintcase.command.api.CommandEndpoints.IF_MATCH_DOC;
import static com.complaintcase.command.api.CommandRequests.LONG_TEXT;

/** Ending a case and opening it again: close, reopen, withdraw. */
@ComplaintCommandEndpoint
public class ClosureEndpoint {

    private final CommandGateway commands;

    public ClosureEndpoint(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/{id}/close", consumes = "application/json")
    @Operation(summary = "Close a resolved case")
    public ResponseEntity<CommandResponse> close(@PathVariable ComplaintId id, @Valid @RequestBody NoteBody body,
                                                 @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                 Actor actor) {
        return CommandEndpoints.accepted(commands,
                new CloseComplaint(id, expected.value(), actor, Text.optional("note", body.note(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/reopen", consumes = "application/json")
    @Operation(summary = "Reopen a closed case")
    public ResponseEntity<CommandResponse> reopen(@PathVariable ComplaintId id, @Valid @RequestBody ReasonBody body,
                                                  @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                  Actor actor) {
        return CommandEndpoints.accepted(commands,
                new ReopenComplaint(id, expected.value(), actor, Text.required("reason", body.reason(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/withdraw", consumes = "application/json")
    @Operation(summary = "The customer withdraws the complaint")
    public ResponseEntity<CommandResponse> withdraw(@PathVariable ComplaintId id, @Valid @RequestBody ReasonBody body,
                                                    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                    Actor actor) {
        return CommandEndpoints.accepted(commands,
                new WithdrawComplaint(id, expected.value(), actor, Text.required("reason", body.reason(), LONG_TEXT)));
    }

}
