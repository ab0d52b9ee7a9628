package com.complaintcase.platform.returns;

import com.complaintcase.calendar.BusinessCalendar;
import com.complaintcase.values.Money;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.Validity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * The definitions the regulatory returns and the bank's statistics share (domain/reporting.md sections 2-3), in one
 * place so that one figure means one thing everywhere. Pure functions, no framework.
 */
public final class ReportingDefinitions {

    private ReportingDefinitions() {
    }

    /**
     * Upheld: found valid with the bank liable in full ({@code LIABLE}) or in part ({@code SHARED}); a complaint
     * upheld in part counts as upheld (DISP 1 Annex 1R). No findings yet: not upheld.
     */
    public static boolean upheld(Validity validity, Responsibility responsibility) {
        return validity == Validity.VALID
                && (responsibility == Responsibility.LIABLE || responsibility == Responsibility.SHARED);
    }

    /**
     * Closed within {@code businessDays} business days: by close of business on the {@code businessDays}-th business
     * day after the day of receipt, in {@code calendar} (the UK calendar the SLA packs use for the FCA return).
     */
    public static boolean closedWithinBusinessDays(Instant received, Instant closed, int businessDays,
                                                   LocalTime closeOfBusiness, BusinessCalendar calendar) {
        return !closed.isAfter(calendar.endOfBusinessDay(received, businessDays, closeOfBusiness));
    }

    /** Closed within a limit in clock time from receipt (e.g. 8 weeks, P56D), the limit's last instant included. */
    public static boolean closedWithin(Instant received, Instant closed, Duration limit) {
        return !closed.isAfter(received.plus(limit));
    }

    /**
     * Redress paid, per currency (ISO code, sorted): every compensation paid counts, whatever the findings, so goodwill,
     * distress-and-inconvenience payments and interest on delayed settlement are included; currencies are never added
     * together.
     */
    public static Map<String, BigDecimal> redressByCurrency(Iterable<Money> paid) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Money money : paid) {
            sums.merge(money.currency(), money.amount(), BigDecimal::add);
        }
        return sums;
    }
}
