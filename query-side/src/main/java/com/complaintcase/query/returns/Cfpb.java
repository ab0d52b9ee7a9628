package com.complaintcase.query.returns;

import com.complaintcase.platform.returns.ReturnMappings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The CFPB complaint-database columns (domain/reporting.md section 4), one row per case received in the period
 * (reviewed as not a complaint: left out), for the bank to reconcile its records with the public data. Never a
 * narrative, state or ZIP code: the system holds no consent to publish one and they would be personal data. Company
 * response: in progress while open; redirected when forwarded to another firm; closed with monetary relief when a
 * compensation was paid, with non-monetary relief when upheld without payment, else with explanation. Timely: the
 * bank's first response (its first contact with the customer, or its first closure if earlier) within the response
 * limit (15 days) of receipt, or no response yet and that limit not passed at the as-of instant.
 */
final class Cfpb {

    static final String REGIME = "cfpb";
    static final String COMPUTATION = "cfpb/1";

    private static final Map<String, String> SUBMITTED_VIA = Map.ofEntries(
            Map.entry("PHONE", "Phone"), Map.entry("LETTER", "Postal mail"), Map.entry("VISIT", "In person"),
            Map.entry("FAX", "Fax"), Map.entry("EMAIL", "Email"), Map.entry("ONLINE", "Web"),
            Map.entry("MOBILE_APP", "Web"), Map.entry("REGULATOR", "Referral"),
            Map.entry("INDUSTRY_ASSOCIATION", "Referral"), Map.entry("CONSUMER_ASSOCIATION", "Referral"),
            Map.entry("MEDIA", "Other"), Map.entry("OTHER", "Other"));

    private final ReturnMappings mappings;
    private final ReturnSettings.Cfpb settings;

    Cfpb(ReturnMappings mappings, ReturnSettings.Cfpb settings) {
        this.mappings = mappings;
        this.settings = settings;
    }

    Figures compute(Collection<CaseFacts> cases, Period period, Instant asOf) {
        List<Row> rows = new ArrayList<>();
        ZoneId zone = period.zone();
        for (CaseFacts facts : cases) {
            if (!facts.registered() || facts.notAComplaint || !period.contains(facts.receivedAt)) {
                continue;
            }
            ReturnMappings.Product product = mappings.product(facts.product);
            ReturnMappings.CauseRule cause = mappings.cause(facts.category, facts.subcategory, facts.rootIssue);
            rows.add(new Row(facts.caseId, day(facts.receivedAt, zone), product.cfpbProduct(), product.cfpbSubProduct(),
                    cause.cfpbIssue(), facts.subcategory, null, null, settings.company(), null, null, null,
                    "N/A", SUBMITTED_VIA.getOrDefault(facts.channel, "Other"), day(facts.registeredAt, zone),
                    response(facts), timely(facts, asOf) ? "Yes" : "No", facts.resolutionRejected ? "Yes" : "No"));
        }
        rows.sort(Comparator.comparing(Row::dateReceived).thenComparing(Row::complaintId));
        return new Figures(rows.size(), rows);
    }

    private String response(CaseFacts facts) {
        if (mappings.isExternalFirm(facts.transferredTo)) {
            return "Redirected to a related company";
        }
        if (facts.finish() == null) {
            return "In progress";
        }
        if (!facts.payments.isEmpty()) {
            return "Closed with monetary relief";
        }
        return com.complaintcase.platform.returns.ReportingDefinitions.upheld(facts.validity, facts.responsibility)
                ? "Closed with non-monetary relief" : "Closed with explanation";
    }

    private boolean timely(CaseFacts facts, Instant asOf) {
        Instant limit = facts.receivedAt.plus(settings.responseLimit());
        Instant response = facts.firstContactAt;
        Instant closed = facts.firstClosedAt();
        if (closed != null && (response == null || closed.isBefore(response))) {
            response = closed;
        }
        if (response != null) {
            return !response.isAfter(limit);
        }
        return asOf != null && !asOf.isAfter(limit);
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toLocalDate();
    }

    record Figures(long complaints, List<Row> rows) {
    }

    /** The columns of the CFPB's public complaint database, in its order. */
    record Row(String complaintId, LocalDate dateReceived, String product, String subProduct, String issue,
               String subIssue, String consumerComplaintNarrative, String companyPublicResponse, String company,
               String state, String zipCode, String tags, String consumerConsentProvided, String submittedVia,
               LocalDate dateSentToCompany, String companyResponseToConsumer, String timelyResponse,
               String consumerDisputed) {
    }
}
