package com.complaintcase.command.privacy;

import com.complaintcase.command.api.CommandEndpoints;
import com.complaintcase.command.api.CommandRequests.ReasonBody;
import com.complaintcase.command.api.RefusedCommands;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static com.complaintcase.command.api.CommandRequests.LONG_TEXT;

/**
 * A customer's personal data (domain brief, section 9): erasure and legal holds, by compliance officers only.
 * The reason is required and recorded; it must not itself hold personal data (give the request's reference).
 */
@RestController
@RequestMapping(path = "/api/customers", produces = "application/json")
@Tag(name = "Customer personal data", description = "Erase a customer's personal data; place and release legal holds")
public class PrivacyEndpoint {

    private final CommandGateway commands;

    public PrivacyEndpoint(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/{customerId}/erasure", consumes = "application/json")
    @Operation(summary = "Erase the customer's personal data",
            description = "Destroys the keys of the customer's name, phone, email and the free text of their cases:"
                    + " they read as \"[erased]\" everywhere from then on; every other fact stays. Refused under a"
                    + " legal hold (409 LEGAL_HOLD), while a case is open (409 CASE_NOT_FINISHED), before the retention"
                    + " period has passed (422 RETENTION_PERIOD_RUNNING), and a second time (409 ALREADY_ERASED).")
    public ResponseEntity<PrivacyResponse> erase(@PathVariable CustomerId customerId, @Valid @RequestBody ReasonBody body,
                                                 Actor actor) {
        return send(new EraseCustomerData(customerId, reason(body), actor));
    }

    @PostMapping(path = "/{customerId}/legal-hold", consumes = "application/json")
    @Operation(summary = "Place a legal hold on the customer's data: no erasure until it is released")
    public ResponseEntity<PrivacyResponse> placeLegalHold(@PathVariable CustomerId customerId,
                                                          @Valid @RequestBody ReasonBody body, Actor actor) {
        return send(new PlaceLegalHold(customerId, reason(body), actor));
    }

    @PostMapping(path = "/{customerId}/legal-hold/release", consumes = "application/json")
    @Operation(summary = "Release the legal hold on the customer's data")
    public ResponseEntity<PrivacyResponse> releaseLegalHold(@PathVariable CustomerId customerId,
                                                            @Valid @RequestBody ReasonBody body, Actor actor) {
        return send(new ReleaseLegalHold(customerId, reason(body), actor));
    }

    private static String reason(ReasonBody body) {
        return Text.required("reason", body.reason(), LONG_TEXT);
    }

    private ResponseEntity<PrivacyResponse> send(Object command) {
        PrivacyResult result = RefusedCommands.sendAndWait(commands, command);
        return ResponseEntity.ok()
                .eTag(CommandEndpoints.etag(result.version()))
                .body(new PrivacyResponse(result.customerId().value(),
                        result.affectedCases().stream().map(ComplaintId::value).toList(), result.version()));
    }

    record PrivacyResponse(String customerId, List<String> affectedCases, long version) {
    }
}
