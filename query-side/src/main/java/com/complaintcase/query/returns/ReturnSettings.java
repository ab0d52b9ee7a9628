package com.complaintcase.query.returns;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The numbers of the regulatory returns, under {@code complaints.returns} (defaults from domain/reporting.md sections
 * 3-5): {@code zone} the bank's reporting zone, whose days the periods' {@code from} and {@code to} are (recorded in
 * every answer); {@code max-days}, {@code min-year}, {@code max-year} the periods one may ask for; {@code fca.*} the
 * FCA return's bands (3 business days by close of business, in the {@code fca.calendar} of the SLA packs; 8 weeks),
 * its publication threshold, the firm reference numbers the return covers and, per grouping, the denominator of the
 * DISP 1.10A "complaints per 1,000" (accounts, policies or balances at the period's end; the bank supplies them);
 * {@code cfpb.*} the company name of the CFPB columns and the response limit of the timely flag.
 */
@ConfigurationProperties("complaints.returns")
record ReturnSettings(@DefaultValue("UTC") ZoneId zone, @DefaultValue("400") int maxDays,
                      @DefaultValue("1970") int minYear, @DefaultValue("9999") int maxYear,
                      @DefaultValue Fca fca, @DefaultValue Cfpb cfpb) {

    ReturnSettings {
        if (maxDays < 1 || minYear > maxYear) {
            throw new IllegalArgumentException("complaints.returns.max-days must be at least 1 and min-year at most max-year");
        }
    }

    record Fca(@DefaultValue("UK") String calendar, @DefaultValue("3") int summaryBusinessDays,
               @DefaultValue("17:00") LocalTime closeOfBusiness, @DefaultValue("P56D") Duration finalResponseLimit,
               @DefaultValue("500") int publicationThreshold, List<String> firmReferenceNumbers,
               Map<String, Long> denominators) {

        Fca {
            firmReferenceNumbers = firmReferenceNumbers == null ? List.of() : List.copyOf(firmReferenceNumbers);
            denominators = denominators == null ? Map.of() : Map.copyOf(denominators);
            if (summaryBusinessDays < 0 || finalResponseLimit.isNegative() || publicationThreshold < 0) {
                throw new IllegalArgumentException("complaints.returns.fca numbers must not be negative");
            }
        }

        /** The settings that decide the figures, recorded as the return's policy version. */
        String policy() {
            return "calendar=" + calendar + ";summaryBusinessDays=" + summaryBusinessDays + ";closeOfBusiness="
                    + closeOfBusiness + ";finalResponseLimit=" + finalResponseLimit;
        }
    }

    record Cfpb(@DefaultValue("Complaint Case Bank") String company, @DefaultValue("P15D") Duration responseLimit) {

        String policy() {
            return "responseLimit=" + responseLimit;
        }
    }
}
