package com.complaintcase.command.api;

import com.complaintcase.command.api.CommandRequests.CommandResponse;
import com.complaintcase.command.api.CommandRequests.NoteBody;
import com.complaintcase.command.api.CommandRequests.ReasonBody;
import com.complaintcase.command.complaint.CommandResult;
import com.complaintcase.command.complaint.handling.PutComplaintOnHold;
import com.complaintcase.command.complaint.handling.ResumeComplaint;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.complaintcase.command.api.CommandRequests.LONG_TEXT;

/** Putting a case on hold and resuming it (handling): the endpoints of the hold, apart until the endpoints are cut by capability. */
@RestController
@RequestMapping(path = "/api/complaints", produces = "application/json")
@Tag(name = "Complaint commands", description = "Register complaints and take them through their life")
public class HoldController {

    private static final String IF_MATCH_DOC = "the version the client last saw, as \"<version>\"; the command fails with 412 if the case has moved on";

    private final CommandGateway commands;

    public HoldController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/{id}/hold", consumes = "application/json")
    @Operation(summary = "Put the case on hold while handling waits, with the reason; no clock stops")
    public ResponseEntity<CommandResponse> hold(@PathVariable ComplaintId id, @Valid @RequestBody ReasonBody body,
                                                @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                Actor actor) {
        return send(new PutComplaintOnHold(id, expected.value(), actor, Text.required("reason", body.reason(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/resume", consumes = "application/json")
    @Operation(summary = "Resume handling of a case on hold")
    public ResponseEntity<CommandResponse> resume(@PathVariable ComplaintId id, @Valid @RequestBody NoteBody body,
                                                  @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                  Actor actor) {
        return send(new ResumeComplaint(id, expected.value(), actor, Text.optional("note", body.note(), LONG_TEXT)));
    }

    private ResponseEntity<CommandResponse> send(Object command) {
        CommandResult result = RefusedCommands.sendAndWait(commands, command);
        return ResponseEntity.ok()
                .eTag("\"" + result.version() + "\"")
                .body(new CommandResponse(result.complaintId().value(), result.version()));
    }
}
