package com.complaintcase.query.returns;

import com.complaintcase.values.Money;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.Validity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the returns need to know of one case, as its events recorded up to the as-of position tell it: no personal
 * data (the customer id is not personal data by itself). Built by {@link ReturnSource} in event order.
 */
final class CaseFacts {

    final String caseId;
    Instant receivedAt;
    Instant registeredAt;
    String channel;
    String branchCode;
    String category;
    String subcategory;
    String rootIssue;
    String product;
    String customerId;
    boolean notAComplaint;
    String transferredTo;
    Validity validity;
    Responsibility responsibility;
    Instant firstContactAt;
    boolean resolutionRejected;
    boolean reopened;
    final List<StatusChange> statusChanges = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();

    CaseFacts(String caseId) {
        this.caseId = caseId;
    }

    boolean registered() {
        return receivedAt != null;
    }

    /** Finished (closed or withdrawn) at {@code instant}: the last closure, withdrawal or reopening before it decides. */
    boolean finishedBefore(Instant instant) {
        StatusChange last = lastChangeBefore(instant);
        return last != null && last.finished();
    }

    /** The closure or withdrawal that stands at the end of [.., {@code end}), if it happened from {@code start}. */
    StatusChange finishIn(Instant start, Instant end) {
        StatusChange last = lastChangeBefore(end);
        return last != null && last.finished() && !last.at().isBefore(start) ? last : null;
    }

    /** The first closure (a withdrawal is the customer's, not a response), if any. */
    Instant firstClosedAt() {
        for (StatusChange change : statusChanges) {
            if (change.finished() && !change.withdrawn()) {
                return change.at();
            }
        }
        return null;
    }

    /** Finished as of the as-of position (every status change read). */
    StatusChange finish() {
        StatusChange last = statusChanges.isEmpty() ? null : statusChanges.get(statusChanges.size() - 1);
        return last != null && last.finished() ? last : null;
    }

    private StatusChange lastChangeBefore(Instant instant) {
        StatusChange last = null;
        for (StatusChange change : statusChanges) {
            if (change.at().isBefore(instant)) {
                last = change;
            }
        }
        return last;
    }

    /** A closure ({@code withdrawn} false), withdrawal or reopening ({@code finished} false), at its recording time. */
    record StatusChange(Instant at, boolean finished, boolean withdrawn) {
    }

    record Payment(Money amount, Instant paidAt) {
    }
}
