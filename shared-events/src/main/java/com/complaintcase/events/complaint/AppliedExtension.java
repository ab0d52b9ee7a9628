package com.complaintcase.events.complaint;

import com.complaintcase.values.SlaClock;

import java.time.Duration;

/**
 * How the pack a case was registered under lets its {@code clock} be extended: a supervisor up to
 * {@code supervisorDays} in all, up to {@code headOfficeDays} more only with the head office's approval; in business
 * days of the pack's calendar when {@code businessDays}; at most {@code maxGrants} times (0: no count limit); never
 * beyond {@code maxFromReceipt} after receipt (null: no such limit).
 */
public record AppliedExtension(
        SlaClock clock,
        int supervisorDays,
        int headOfficeDays,
        boolean businessDays,
        int maxGrants,
        Duration maxFromReceipt) {
}
