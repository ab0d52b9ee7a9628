package com.complaintcase.command.api;

import com.complaintcase.values.InvalidValueException;
import com.complaintcase.values.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the request bodies of several capabilities share, exactly as the contract names their fields; a body of one
 * capability is declared by its endpoint.
 */
public final class CommandRequests {

    public static final int SHORT_TEXT = 200;
    public static final int LONG_TEXT = 4000;

    private CommandRequests() {
    }

    public record MoneyBody(@NotBlank String amount, @NotBlank String currency) {
        public Money toMoney(String field) {
            try {
                return Money.of(amount.trim(), currency.trim());
            } catch (InvalidValueException e) {
                throw new InvalidValueException(field + "." + e.field(), e.reason());
            }
        }
    }

    public record ReasonBody(@NotBlank @Size(max = LONG_TEXT) String reason) {
    }

    public record NoteBody(@Size(max = LONG_TEXT) String note) {
    }

    /** Every accepted command answers with the case and its new version. */
    public record CommandResponse(String complaintId, long version) {
    }
}
