package com.complaintcase.benchpeer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/** {@code POST /api/complaints}, the platform's registration request: 201 once Axon has stored the event. */
@RestController
class RegistrationController {

    private final CommandGateway commands;

    RegistrationController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/complaints")
    ResponseEntity<Map<String, Object>> register(@RequestBody Map<String, Object> complaint) {
        String id = String.valueOf(complaint.get("complaintId"));
        commands.sendAndWait(new RegisterComplaint(id, complaint));
        return ResponseEntity.created(URI.create("/api/complaints/" + id)).body(Map.of("complaintId", id, "version", 0));
    }
}
