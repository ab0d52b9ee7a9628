package com.complaintcase.command.complaint.resolution;

import com.complaintcase.command.api.CommandEndpoints;
import com.complaintcase.command.api.ComplaintCommandEndpoint;
import com.complaintcase.command.api.CommandRequests.CommandResponse;
import com.complaintcase.command.api.CommandRequests.MoneyBody;
import com.complaintcase.command.api.ExpectedVersion;
import com.complaintcase.command.api.Fields;
import com.complaintcase.command.api.SingleLine;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.SatisfactionScore;
import com.complaintcase.values.Text;
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
import static com.complaintcase.command.api.CommandRequests.SHORT_TEXT;

/** Resolving a case: the proposal, the four-eyes decision on compensation, the customer's answer, payment, feedback. */
@ComplaintCommandEndpoint
public class ResolutionEndpoint {

    private final CommandGateway commands;

    public ResolutionEndpoint(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/{id}/resolution", consumes = "application/json")
    @Operation(summary = "Propose a resolution, with or without compensation")
    public ResponseEntity<CommandResponse> resolution(@PathVariable ComplaintId id, @Valid @RequestBody ResolutionBody body,
                                                      @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                      Actor actor) {
        return CommandEndpoints.accepted(commands, new ProposeResolution(id, expected.value(), actor,
                Text.required("summary", body.summary(), LONG_TEXT),
                body.compensation() == null ? null : body.compensation().toMoney("compensation")));
    }

    @PostMapping(path = "/{id}/compensation-approval", consumes = "application/json")
    @Operation(summary = "Approve or refuse the proposed compensation (four eyes)")
    public ResponseEntity<CommandResponse> compensationApproval(@PathVariable ComplaintId id,
                                                                @Valid @RequestBody CompensationApprovalBody body,
                                                                @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                                Actor actor) {
        return CommandEndpoints.accepted(commands, new DecideCompensation(id, expected.value(), actor, body.approved(),
                Text.optional("note", body.note(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/customer-response", consumes = "application/json")
    @Operation(summary = "Record whether the customer accepted the resolution")
    public ResponseEntity<CommandResponse> customerResponse(@PathVariable ComplaintId id,
                                                            @Valid @RequestBody CustomerResponseBody body,
                                                            @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                            Actor actor) {
        return CommandEndpoints.accepted(commands, new RecordCustomerResponse(id, expected.value(), actor,
                body.accepted(), Text.optional("comment", body.comment(), LONG_TEXT)));
    }

    @PostMapping(path = "/{id}/compensation-payment", consumes = "application/json")
    @Operation(summary = "Record the compensation actually paid")
    public ResponseEntity<CommandResponse> compensationPayment(@PathVariable ComplaintId id,
                                                               @Valid @RequestBody CompensationPaymentBody body,
                                                               @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                               Actor actor) {
        return CommandEndpoints.accepted(commands, new RecordCompensationPayment(id, expected.value(), actor,
                body.amount().toMoney("amount"), Fields.micros(body.paidAt()),
                Text.required("paymentReference", body.paymentReference(), SHORT_TEXT)));
    }

    @PostMapping(path = "/{id}/feedback", consumes = "application/json")
    @Operation(summary = "Record the customer's satisfaction score (1-5)")
    public ResponseEntity<CommandResponse> feedback(@PathVariable ComplaintId id, @Valid @RequestBody FeedbackBody body,
                                                    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DOC) ExpectedVersion expected,
                                                    Actor actor) {
        return CommandEndpoints.accepted(commands, new RecordFeedback(id, expected.value(), actor,
                new SatisfactionScore(body.score()), Text.optional("comment", body.comment(), LONG_TEXT)));
    }

    record ResolutionBody(@NotBlank @Size(max = LONG_TEXT) String summary, @Valid MoneyBody compensation) {
    }

    record CompensationApprovalBody(@NotNull Boolean approved, @Size(max = LONG_TEXT) String note) {
    }

    record CustomerResponseBody(@NotNull Boolean accepted, @Size(max = LONG_TEXT) String comment) {
    }

    record CompensationPaymentBody(@NotNull @Valid MoneyBody amount, @NotNull Instant paidAt,
                                   @NotBlank @Size(max = SHORT_TEXT) @SingleLine String paymentReference) {
    }

    record FeedbackBody(@NotNull Integer score, @Size(max = LONG_TEXT) String comment) {
    }
}
