package com.complaintcase.events.complaint;

import com.complaintcase.values.ClockStart;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.SlaStep;

import java.time.Duration;

/**
 * One clock of the policy pack a case was registered under: counted from {@code start}, either a {@code limit} in
 * clock time or {@code businessDays} of the pack's calendar (by close of business when {@code endOfBusinessDay}); met
 * by the step {@code metBy}; a breach escalates the case only when {@code escalateOnBreach}.
 */
public record AppliedClock(
        SlaClock clock,
        ClockStart start,
        Duration limit,
        int businessDays,
        boolean endOfBusinessDay,
        SlaStep metBy,
        boolean escalateOnBreach) {
}
