package com.complaintcase.query;

/** A projection's rebuild has caught up with the store's head as it was when the rebuild started. */
public record ProjectionRebuilt(String projection) {
}
