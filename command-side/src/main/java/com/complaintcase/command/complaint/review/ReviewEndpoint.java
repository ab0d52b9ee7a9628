package com.complaintcase.command.complaint.review;

import com.complaintcase.command.api.CataloguedProduct;
import com.complaintcase.command.api.CommandEndpoints;
import com.complaintcase.platform.returns.ReturnMappings;
import com.complaintcase.command.api.ComplaintCommandEndpoint;
import com.complaintcase.command.api.CommandRequests.CommandResponse;
import com.complaintcase.command.api.ExpectedVersion;
import com.complaintcase.command.api.SingleLine;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.InvalidValueException;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.validation.Valid;
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
import static com.complaintcase.command.api.CommandRequests.SHORT_TEXT;

/** {@code POST /api/complaints/{id}/review}: the initial review. */
@ComplaintCommandEndpoint
public class ReviewEndpoint {

    private final CommandGateway commands;
    private final ReturnMappings catalogue;

    public ReviewEndpoint(CommandGateway commands, ReturnMappings catalogue) {
        this.commands = commands;
        this.catalogue = catalogue;
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
        return CommandEndpoints.accepted(commands, new ReviewComplaint(id, expected.value(), actor, body.outcome(),
                Text.optional("businessLine", body.businessLine(), SHORT_TEXT), body.handlingLevel(),
                Text.optional("note", body.note(), LONG_TEXT), CataloguedProduct.of(catalogue, body.product())));
    }

    record ReviewBody(@NotNull ReviewOutcome outcome,
                      @Size(max = SHORT_TEXT) @SingleLine String businessLine,
                      HandlingLevel handlingLevel,
                      @Size(max = LONG_TEXT) String note,
                      @Size(max = 64) @SingleLine String product) {
    }
}
