package com.complaintcase.command.api;

import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ContactMethod;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.EvidenceKind;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.InvalidValueException;
import com.complaintcase.values.Money;
import com.complaintcase.values.RemedyType;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import com.complaintcase.values.Validity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** The request bodies of the command API, exactly as the contract names their fields. */
final class CommandRequests {

    static final int SHORT_TEXT = 200;
    static final int LONG_TEXT = 4000;

    private CommandRequests() {
    }

    record MoneyBody(@NotBlank String amount, @NotBlank String currency) {
        Money toMoney(String field) {
            try {
                return Money.of(amount.trim(), currency.trim());
            } catch (InvalidValueException e) {
                throw new InvalidValueException(field + "." + e.field(), e.reason());
            }
        }
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

    record ReviewBody(@NotNull ReviewOutcome outcome,
                      @Size(max = SHORT_TEXT) @SingleLine String businessLine,
                      HandlingLevel handlingLevel,
                      @Size(max = LONG_TEXT) String note,
                      @Size(max = 64) @SingleLine String product) {
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

    record NoteBody(@Size(max = LONG_TEXT) String note) {
    }

    record ReasonBody(@NotBlank @Size(max = LONG_TEXT) String reason) {
    }

    record EscalateBody(@NotNull EscalationReason reason, @Size(max = LONG_TEXT) String note) {
    }

    record DeadlineExtensionBody(@NotBlank @Size(max = LONG_TEXT) String reason,
                                 @NotNull @Min(1) @Max(365) Integer days,
                                 Boolean headOfficeApproval) {
    }

    /** Every accepted command answers with the case and its new version. */
    record CommandResponse(String complaintId, long version) {
    }

    record PrivacyResponse(String customerId, List<String> affectedCases, long version) {
    }
}
