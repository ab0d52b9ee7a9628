package com.complaintcase.command.api;

import com.complaintcase.command.api.CommandRequests.CommandResponse;
import com.complaintcase.command.complaint.CommandResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * What every capability's endpoint shares: the API description's tag and If-Match text, and the answer to an
 * accepted command (its case and new version, the version also as ETag). Input is checked by the endpoint; who is
 * acting comes from the authenticated principal; the case itself decides whether the command is allowed.
 */
public final class CommandEndpoints {

    public static final String TAG = "Complaint commands";
    public static final String TAG_DESCRIPTION = "Register complaints and take them through their life";
    public static final String IF_MATCH_DOC = "the version the client last saw, as \"<version>\"; the command fails with 412 if the case has moved on";

    private CommandEndpoints() {
    }

    /** Sends a command that creates a case: 201 with the case's location. */
    public static ResponseEntity<CommandResponse> created(CommandGateway commands, Object command) {
        CommandResult result = RefusedCommands.sendAndWait(commands, command);
        return ResponseEntity.created(URI.create("/api/cases/" + result.complaintId()))
                .eTag(etag(result.version()))
                .body(new CommandResponse(result.complaintId().value(), result.version()));
    }

    /** Sends a command to an existing case: 200. */
    public static ResponseEntity<CommandResponse> accepted(CommandGateway commands, Object command) {
        CommandResult result = RefusedCommands.sendAndWait(commands, command);
        return ResponseEntity.status(HttpStatus.OK)
                .eTag(etag(result.version()))
                .body(new CommandResponse(result.complaintId().value(), result.version()));
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
