package com.complaintcase.query.cases;

/** The registration flags, as the contract names them. */
public record CaseFlags(boolean mediaThreat, boolean vulnerableCustomer, boolean skippedLevel, String incidentCode,
                        boolean lateEntry) {

    static CaseFlags of(CaseSummary c) {
        return new CaseFlags(c.mediaThreat(), c.vulnerableCustomer(), c.skippedLevel(), c.incidentCode(), c.lateEntry());
    }
}
