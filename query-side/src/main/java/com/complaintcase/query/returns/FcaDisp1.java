package com.complaintcase.query.returns;

import com.complaintcase.calendar.BusinessCalendar;
import com.complaintcase.platform.returns.ReportingDefinitions;
import com.complaintcase.platform.returns.ReturnMappings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The FCA complaints return (DISP 1 Annex 1R) and the DISP 1.10A publication summary for a period, from the cases'
 * facts as of the as-of position. In the return: every registered case except one reviewed as not a complaint and one
 * forwarded in full to another firm (transferred to a unit of {@code externalFirmUnits}). Opened: received in the
 * period. Outstanding at the start: received before it and not closed or withdrawn then. Closed: its closure or
 * withdrawal that stands at the period's end was recorded in the period (a case reopened and closed again counts
 * once), banded by the time from receipt: by close of business on the 3rd business day (UK calendar), else within 8
 * weeks, else after. Upheld: closed in the period and upheld ({@link ReportingDefinitions#upheld}). Redress paid:
 * compensation paid in the period, per currency. Grouping from the case's product, cause from (category, subcategory,
 * root issue), by the mappings.
 */
final class FcaDisp1 {

    static final String REGIME = "fca-disp1";
    static final String COMPUTATION = "fca-disp1/1";

    static final String OPENED = "opened";
    static final String CLOSED_WITHIN_3_BUSINESS_DAYS = "closedWithin3BusinessDays";
    static final String CLOSED_WITHIN_8_WEEKS = "closedAfter3BusinessDaysWithin8Weeks";
    static final String CLOSED_AFTER_8_WEEKS = "closedAfter8Weeks";
    static final String UPHELD = "upheld";
    static final String REDRESS_PAID = "redressPaid";
    static final String OUTSTANDING_AT_START = "outstandingAtStart";
    static final String CLOSED = "closed";

    private final ReturnMappings mappings;
    private final ReturnSettings.Fca settings;
    private final BusinessCalendar calendar;

    FcaDisp1(ReturnMappings mappings, ReturnSettings.Fca settings, BusinessCalendar calendar) {
        this.mappings = mappings;
        this.settings = settings;
        this.calendar = calendar;
    }

    Computed compute(Collection<CaseFacts> cases, Period period) {
        Cells cells = new Cells();
        Map<String, Map<String, BigDecimal>> redress = new TreeMap<>();
        for (CaseFacts facts : cases) {
            if (!inReturn(facts)) {
                continue;
            }
            String cell = grouping(facts) + "." + cause(facts);
            if (period.contains(facts.receivedAt)) {
                cells.add(cell, OPENED, facts.caseId);
                cells.add("header", OPENED, facts.caseId);
            }
            if (facts.receivedAt.isBefore(period.start()) && !facts.finishedBefore(period.start())) {
                cells.add("header", OUTSTANDING_AT_START, facts.caseId);
            }
            CaseFacts.StatusChange finish = facts.finishIn(period.start(), period.end());
            if (finish != null) {
                cells.add(cell, band(facts.receivedAt, finish.at()), facts.caseId);
                cells.add("header", CLOSED, facts.caseId);
                if (ReportingDefinitions.upheld(facts.validity, facts.responsibility)) {
                    cells.add(cell, UPHELD, facts.caseId);
                    cells.add("header", UPHELD, facts.caseId);
                }
            }
            List<com.complaintcase.values.Money> paid = new ArrayList<>();
            for (CaseFacts.Payment payment : facts.payments) {
                if (period.contains(payment.paidAt())) {
                    paid.add(payment.amount());
                }
            }
            if (!paid.isEmpty()) {
                cells.add(cell, REDRESS_PAID, facts.caseId);
                ReportingDefinitions.redressByCurrency(paid)
                        .forEach((currency, sum) -> redress.computeIfAbsent(cell, c -> new TreeMap<>()).merge(currency, sum, BigDecimal::add));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String grouping : groupings()) {
            for (String cause : causes()) {
                String cell = grouping + "." + cause;
                rows.add(new Row(grouping, cause, cells.count(cell, OPENED), cells.count(cell, CLOSED_WITHIN_3_BUSINESS_DAYS),
                        cells.count(cell, CLOSED_WITHIN_8_WEEKS), cells.count(cell, CLOSED_AFTER_8_WEEKS),
                        cells.count(cell, UPHELD), redress.getOrDefault(cell, Map.of())));
            }
        }
        long opened = cells.count("header", OPENED);
        long closed = cells.count("header", CLOSED);
        long outstanding = cells.count("header", OUTSTANDING_AT_START);
        Header header = new Header(settings.firmReferenceNumbers(), opened == 0 && closed == 0 && outstanding == 0,
                outstanding, opened, closed, cells.count("header", UPHELD),
                opened >= settings.publicationThreshold());
        return new Computed(new Figures(header, rows, publication(rows)), cells.ids);
    }

    private List<Publication> publication(List<Row> rows) {
        List<Publication> summary = new ArrayList<>();
        for (String grouping : groupings()) {
            long opened = 0;
            long closed = 0;
            long within3 = 0;
            long within8Weeks = 0;
            long upheld = 0;
            String mainCause = null;
            long mainCauseOpened = 0;
            for (Row row : rows) {
                if (!row.grouping().equals(grouping)) {
                    continue;
                }
                opened += row.opened();
                long rowClosed = row.closedWithin3BusinessDays() + row.closedAfter3BusinessDaysWithin8Weeks() + row.closedAfter8Weeks();
                closed += rowClosed;
                within3 += row.closedWithin3BusinessDays();
                within8Weeks += row.closedAfter3BusinessDaysWithin8Weeks();
                upheld += row.upheld();
                if (row.opened() > mainCauseOpened) {
                    mainCause = row.cause();
                    mainCauseOpened = row.opened();
                }
            }
            Long denominator = settings.denominators().get(grouping);
            summary.add(new Publication(grouping, denominator,
                    denominator == null || denominator == 0 ? null
                            : BigDecimal.valueOf(opened * 1000L).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP),
                    opened, closed, percent(within3, closed), percent(within8Weeks, closed), percent(upheld, closed), mainCause));
        }
        return summary;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private String band(Instant received, Instant closed) {
        if (ReportingDefinitions.closedWithinBusinessDays(received, closed, settings.summaryBusinessDays(),
                settings.closeOfBusiness(), calendar)) {
            return CLOSED_WITHIN_3_BUSINESS_DAYS;
        }
        return ReportingDefinitions.closedWithin(received, closed, settings.finalResponseLimit())
                ? CLOSED_WITHIN_8_WEEKS : CLOSED_AFTER_8_WEEKS;
    }

    private boolean inReturn(CaseFacts facts) {
        return facts.registered() && !facts.notAComplaint && !mappings.isExternalFirm(facts.transferredTo);
    }

    private String grouping(CaseFacts facts) {
        return mappings.product(facts.product).fcaGrouping();
    }

    private String cause(CaseFacts facts) {
        return mappings.cause(facts.category, facts.subcategory, facts.rootIssue).fcaCause();
    }

    /** The form's groupings, in the mappings' order (the unknown-product row included). */
    private List<String> groupings() {
        return mappings.fcaGroupings();
    }

    private List<String> causes() {
        return mappings.fcaCauses();
    }

    record Computed(Figures figures, Map<String, List<String>> drill) {
    }

    record Figures(Header header, List<Row> rows, List<Publication> publication) {
    }

    record Header(List<String> firmReferenceNumbers, boolean nilReturn, long outstandingAtStart, long opened,
                  long closed, long upheld, boolean publicationThresholdMet) {
    }

    record Row(String grouping, String cause, long opened, long closedWithin3BusinessDays,
               long closedAfter3BusinessDaysWithin8Weeks, long closedAfter8Weeks, long upheld,
               Map<String, BigDecimal> redressPaid) {
    }

    /** DISP 1.10A, per grouping; {@code openedPer1000} only with the bank's denominator for the grouping. */
    record Publication(String grouping, Long denominator, BigDecimal openedPer1000, long opened, long closed,
                       BigDecimal percentClosedWithin3BusinessDays, BigDecimal percentClosedAfter3BusinessDaysWithin8Weeks,
                       BigDecimal percentUpheld, String mainCause) {
    }

    /**
     * The case ids behind each figure, by drill key {@code <cell>.<figure>}: each case is added once to a figure (one
     * pass over the cases), so a list's size is the figure; a drill-down sorts the one list it shows.
     */
    static final class Cells {
        final Map<String, List<String>> ids = new HashMap<>();

        void add(String cell, String figure, String caseId) {
            ids.computeIfAbsent(cell + "." + figure, key -> new ArrayList<>()).add(caseId);
        }

        long count(String cell, String figure) {
            List<String> list = ids.get(cell + "." + figure);
            return list == null ? 0 : list.size();
        }
    }
}
