package com.complaintcase.query.cases;

import com.complaintcase.values.Actor;

import java.time.Instant;

/** The questions the cases slice answers over Axon's query bus. */
public final class CaseQueries {

    private CaseQueries() {
    }

    /**
     * The case now ({@code asOf} null) or at a past instant; {@code minVersion} asks for at least that version.
     * {@code viewer} is who asks: the answer leaves out personal data unless their role may read it (none named:
     * left out).
     */
    public record FindCase(String complaintId, Instant asOf, Long minVersion, Actor viewer) {
    }

    public record FindOpenCases(CaseFilter filter, PageSpec page) {
    }

    public record FindOverdueCases(CaseFilter filter, PageSpec page) {
    }

    /** Live changes of cases matching the filter; the initial answer is how many open cases match now. */
    public record WatchCases(CaseFilter filter) {
    }

    /** One change of a case, as pushed to watchers. */
    public record CaseChanged(CaseListItem item, boolean open, boolean overdue) {
    }
}
