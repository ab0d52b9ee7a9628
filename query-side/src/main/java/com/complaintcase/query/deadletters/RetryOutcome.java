package com.complaintcase.query.deadletters;

/**
 * What a retry did: how many parked sequences it tried and how many it applied completely; a sequence that failed
 * again stays parked from its failing event on. {@code sequenceId} is null for a retry of the whole projection.
 */
public record RetryOutcome(String projection, String sequenceId, long tried, long recovered,
                           long sequencesStillParked, long lettersStillParked) {
}
