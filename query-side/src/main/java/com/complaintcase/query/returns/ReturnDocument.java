package com.complaintcase.query.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A return as answered and as filed: the regime, the period (days of {@code zone}, both included), the event-store
 * position it was computed to and the recording time of the last event read there ({@code asOf}), the versions of
 * what computed it, and the regime's figures. Computed again for the same position with the same versions it has the
 * same canonical bytes.
 */
record ReturnDocument(String regime, LocalDate from, LocalDate to, String zone, long asOfPosition, Instant asOf,
                      Map<String, String> versions, Object figures) {
}
