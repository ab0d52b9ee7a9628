package com.complaintcase.command.complaint.registration;

import com.complaintcase.command.api.CataloguedProduct;
import com.complaintcase.command.api.CommandEndpoints;
import com.complaintcase.platform.returns.ReturnMappings;
import com.complaintcase.command.api.ComplaintCommandEndpoint;
import com.complaintcase.command.api.CommandRequests.CommandResponse;
import com.complaintcase.command.api.CommandRequests.MoneyBody;
import com.complaintcase.command.api.Fields;
import com.complaintcase.command.api.SingleLine;
import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Customer;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.RemedyType;
import com.complaintcase.values.RequestedRemedy;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import com.complaintcase.values.Text;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import java.time.Instant;

import static com.complaintcase.command.api.CommandRequests.LONG_TEXT;
import static com.complaintcase.command.api.CommandRequests.SHORT_TEXT;

/** {@code POST /api/complaints}: a complaint enters the system. */
@ComplaintCommandEndpoint
public class RegistrationEndpoint {

    private final CommandGateway commands;
    private final ReturnMappings catalogue;

    public RegistrationEndpoint(CommandGateway commands, ReturnMappings catalogue) {
        this.commands = commands;
        this.catalogue = catalogue;
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
                actor, CataloguedProduct.of(catalogue, body.product()));
        return CommandEndpoints.created(commands, command);
    }

    private static ComplaintFlags flags(FlagsBody flags) {
        if (flags == null) {
            return ComplaintFlags.NONE;
        }
        return new ComplaintFlags(Boolean.TRUE.equals(flags.mediaThreat()), Boolean.TRUE.equals(flags.vulnerableCustomer()),
                Boolean.TRUE.equals(flags.skippedLevel()), flags.incidentCode());
    }

    record CustomerBody(@NotBlank @Size(max = 64) String customerId,
                        @NotBlank @Size(max = SHORT_TEXT) @SingleLine String name,
                        @Size(max = 40) @SingleLine String phone,
                        @Size(max = 254) @SingleLine String email) {
    }

    record RemedyBody(@NotNull RemedyType type, @Valid MoneyBody amount) {
    }

    record FlagsBody(Boolean mediaThreat, Boolean vulnerableCustomer, Boolean skippedLevel,
                     @Size(max = 64) String incidentCode) {
    }

    record RegisterComplaintBody(
            @Size(max = 36) String complaintId,
            @NotNull Instant receivedAt,
            @NotNull Channel channel,
            @NotBlank @Size(max = 32) String branchCode,
            @NotNull @Valid CustomerBody customer,
            @NotNull Category category,
            @NotNull Subcategory subcategory,
            @NotNull RootIssue rootIssue,
            @NotBlank @Size(max = LONG_TEXT) String description,
            @NotNull @Valid RemedyBody requestedRemedy,
            @Valid FlagsBody flags,
            @Size(max = LONG_TEXT) String lateEntryReason,
            @Size(max = 64) @SingleLine String product) {
    }
}
