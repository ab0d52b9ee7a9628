package com.complaintcase.values;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money in one currency, never negative, scaled to the currency's minor unit.
 * Serialised with the amount as a decimal string, as the API contract requires.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    private static final BigDecimal MAXIMUM = new BigDecimal("1000000000000");

    public Money {
        if (amount == null) {
            throw new InvalidValueException("amount", "is required");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new InvalidValueException("currency", "must be an ISO 4217 code such as CNY");
        }
        Currency iso;
        try {
            iso = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "is not an ISO 4217 currency: " + currency);
        }
        if (amount.signum() < 0) {
            throw new InvalidValueException("amount", "must not be negative");
        }
        if (amount.compareTo(MAXIMUM) >= 0) {
            throw new InvalidValueException("amount", "is implausibly large");
        }
        int minorUnits = Math.max(iso.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > minorUnits) {
            throw new InvalidValueException("amount", "has more decimals than " + currency + " allows (" + minorUnits + ")");
        }
        amount = amount.setScale(minorUnits);
    }

    public static Money of(String amount, String currency) {
        try {
            return new Money(new BigDecimal(amount), currency);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("amount", "must be a decimal number");
        }
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) > 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new InvalidValueException("currency", "differs: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
