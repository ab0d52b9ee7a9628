package com.complaintcase.values;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Facts noted at registration that weigh on handling and escalation. */
public record ComplaintFlags(boolean mediaThreat, boolean vulnerableCustomer, boolean skippedLevel, String incidentCode) {

    public static final ComplaintFlags NONE = new ComplaintFlags(false, false, false, null);

    public ComplaintFlags {
        if (incidentCode != null) {
            incidentCode = incidentCode.trim();
            if (incidentCode.isEmpty()) {
                incidentCode = null;
            } else if (!incidentCode.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
                throw new InvalidValueException("flags.incidentCode", "must be 1-64 letters, digits, '.', '_' or '-'");
            }
        }
    }

    @JsonIgnore
    public boolean isIncident() {
        return incidentCode != null;
    }
}
