package com.complaintcase.query.deadletters;

import java.util.List;

/** What a projection has parked: how many sequences (cases) and events, and the events in sequence order. */
public record DeadLetterList(String projection, long sequences, long letters, List<DeadLetterView> deadLetters) {
}
