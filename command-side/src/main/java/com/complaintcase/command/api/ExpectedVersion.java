package com.complaintcase.command.api;

/** The case version a client names in {@code If-Match}; {@code null} when it names none (or {@code *}). */
public record ExpectedVersion(Long value) {
}
