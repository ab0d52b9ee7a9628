package com.complaintcase.values;

/** The remedy the customer asks for; an amount is required for compensation and allowed for a refund. */
public record RequestedRemedy(RemedyType type, Money amount) {

    public RequestedRemedy {
        if (type == null) {
            throw new InvalidValueException("requestedRemedy.type", "is required");
        }
        if (type == RemedyType.COMPENSATION && amount == null) {
            throw new InvalidValueException("requestedRemedy.amount", "is required when compensation is requested");
        }
        if (!type.involvesMoney() && amount != null) {
            throw new InvalidValueException("requestedRemedy.amount", "only applies to a refund or compensation");
        }
    }
}
