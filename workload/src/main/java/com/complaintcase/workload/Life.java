package com.complaintcase.workload;

import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.Money;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.Validity;

/**
 * How far a case gets and how: where it {@link Ending ends}, the findings, the compensation proposed (null for none)
 * and whether a supervisor approves it, whether the customer first rejects a resolution, a handler's escalation
 * (null for none), and the satisfaction score the customer gives after resolution (0 for no answer).
 */
public record Life(
        Ending ending,
        String handlerId,
        int evidence,
        Validity validity,
        Responsibility responsibility,
        Money compensation,
        boolean compensationApproved,
        boolean firstResolutionRejected,
        EscalationReason escalation,
        int score) {

    /** Where the case stands when its life in the workload is over. */
    public enum Ending {
        /** Review found it is an inquiry, not a complaint. */
        NOT_A_COMPLAINT,
        /** The customer withdrew it after it was assigned. */
        WITHDRAWN,
        /** Still waiting for review. */
        OPEN_REGISTERED,
        /** Assigned, the customer not yet contacted. */
        OPEN_ASSIGNED,
        /** Contacted and investigated, no resolution yet. */
        OPEN_IN_PROGRESS,
        /** The customer accepted the resolution; not closed yet. */
        RESOLVED,
        /** Resolved and closed. */
        CLOSED;

        public boolean reachesResolution() {
            return this == RESOLVED || this == CLOSED;
        }
    }

    public boolean satisfied() {
        return score >= 4;
    }
}
