package com.complaintcase.command.complaint;

import com.complaintcase.events.complaint.AppliedPolicy;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configurable limits a case is registered under (domain brief, section 6). The defaults are
 * the procedures' numbers; a bank changes them in configuration, and each case records the values
 * it was registered with.
 *
 * <p>The compensation authority of each handling level (domain brief, section 5: "a compensation claim
 * exceeds the unit's authority") is an amount in the policy's {@link #currency}; a level without an
 * amount has no limit. Unlike the time limits it is not recorded with the case: a proposal is weighed
 * against the authority in force when it is made, and the escalation it causes states that limit in its note.
 *
 * <p>The windows of repeat and group complaint detection (domain brief, section 5) are, like the authority, the
 * ones in force at registration, and not recorded with the case: the escalation they cause names what was found.
 * A complaint is a <em>repeat</em> when the same customer's case about the same subcategory was closed within
 * {@link #repeatWindow} before the new registration (by default 90 days: a quarter, the period the brief's volume
 * and repeat-complaint targets are reported by, and long enough to cover the 15 + 15 days a decision may take
 * plus the customer's second thoughts); it is part of a <em>group</em> when, counting its own customer,
 * {@link #groupThreshold} or more different customers complained about the same subcategory at the same branch,
 * or about the same incident, within {@link #groupWindow} (by default 7 days and 3 customers).
 */
public record ComplaintPolicy(
        String name,
        int version,
        Duration entryLimit,
        Duration firstContactLimit,
        Duration resolutionLimit,
        Duration maxExtension,
        Duration receiptClockSkew,
        String currency,
        Map<HandlingLevel, BigDecimal> authorityLimits,
        Duration repeatWindow,
        Duration groupWindow,
        int groupThreshold) {

    public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofDays(90);
    public static final Duration DEFAULT_GROUP_WINDOW = Duration.ofDays(7);
    public static final int DEFAULT_GROUP_THRESHOLD = 3;

    /** The procedures' compensation authority per level, in CNY; a report to the regulator has no limit. */
    public static final Map<HandlingLevel, BigDecimal> DEFAULT_AUTHORITY_LIMITS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            HandlingLevel.BRANCH, new BigDecimal("1000.00"),
            HandlingLevel.FIRST_LEVEL_BRANCH, new BigDecimal("10000.00"),
            HandlingLevel.HEAD_OFFICE, new BigDecimal("100000.00"))));

    public static final ComplaintPolicy DEFAULT = new ComplaintPolicy(
            "BANK_INTERNAL", 1,
            Duration.ofHours(24), Duration.ofHours(48),
            Duration.ofDays(15), Duration.ofDays(15),
            Duration.ofMinutes(5),
            "CNY", DEFAULT_AUTHORITY_LIMITS);

    /** A policy with the default windows and threshold of repeat and group complaint detection. */
    public ComplaintPolicy(String name, int version, Duration entryLimit, Duration firstContactLimit,
                           Duration resolutionLimit, Duration maxExtension, Duration receiptClockSkew,
                           String currency, Map<HandlingLevel, BigDecimal> authorityLimits) {
        this(name, version, entryLimit, firstContactLimit, resolutionLimit, maxExtension, receiptClockSkew, currency,
                authorityLimits, DEFAULT_REPEAT_WINDOW, DEFAULT_GROUP_WINDOW, DEFAULT_GROUP_THRESHOLD);
    }

    public ComplaintPolicy {
        requirePositive("entryLimit", entryLimit);
        requirePositive("firstContactLimit", firstContactLimit);
        requirePositive("resolutionLimit", resolutionLimit);
        if (maxExtension == null || maxExtension.isNegative()) {
            throw new IllegalArgumentException("maxExtension must not be negative");
        }
        if (receiptClockSkew == null || receiptClockSkew.isNegative()) {
            throw new IllegalArgumentException("receiptClockSkew must not be negative");
        }
        if (name == null || name.isBlank() || version < 1) {
            throw new IllegalArgumentException("a policy needs a name and a version of 1 or more");
        }
        requireCurrency(currency);
        requirePositive("repeatWindow", repeatWindow);
        requirePositive("groupWindow", groupWindow);
        if (groupThreshold < 2) {
            throw new IllegalArgumentException("groupThreshold must be 2 or more customers");
        }
        authorityLimits = authorityLimitsOf(authorityLimits);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    private static void requireCurrency(String currency) {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as CNY");
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency is not an ISO 4217 currency: " + currency);
        }
    }

    /** An unmodifiable copy; a level given no amount (absent, or null) has no limit. */
    private static Map<HandlingLevel, BigDecimal> authorityLimitsOf(Map<HandlingLevel, BigDecimal> limits) {
        EnumMap<HandlingLevel, BigDecimal> copy = new EnumMap<>(HandlingLevel.class);
        if (limits != null) {
            limits.forEach((level, limit) -> {
                if (level == null) {
                    throw new IllegalArgumentException("an authority limit needs a handling level");
                }
                if (limit != null) {
                    if (limit.signum() < 0) {
                        throw new IllegalArgumentException("the authority limit of " + level + " must not be negative");
                    }
                    copy.put(level, limit);
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    /** This policy with other windows and threshold of repeat and group complaint detection. */
    public ComplaintPolicy withRelatedComplaintDetection(Duration repeatWindow, Duration groupWindow, int groupThreshold) {
        return new ComplaintPolicy(name, version, entryLimit, firstContactLimit, resolutionLimit, maxExtension,
                receiptClockSkew, currency, authorityLimits, repeatWindow, groupWindow, groupThreshold);
    }

    public AppliedPolicy applied() {
        return new AppliedPolicy(name, version, entryLimit, firstContactLimit, resolutionLimit, maxExtension);
    }

    /** The most compensation a unit at {@code level} may grant, in {@link #currency}; empty when it has no limit. */
    public Optional<BigDecimal> authorityLimit(HandlingLevel level) {
        return Optional.ofNullable(authorityLimits.get(level));
    }

    /**
     * Whether {@code compensation} is more than a unit at {@code level} may grant. Only an amount in the
     * policy's currency is compared: there is no exchange rate here, so an amount in another currency is
     * never found to exceed the authority (and causes no escalation).
     */
    public boolean exceedsAuthority(Money compensation, HandlingLevel level) {
        if (compensation == null || !compensation.currency().equals(currency)) {
            return false;
        }
        return authorityLimit(level).map(limit -> compensation.amount().compareTo(limit) > 0).orElse(false);
    }
}
