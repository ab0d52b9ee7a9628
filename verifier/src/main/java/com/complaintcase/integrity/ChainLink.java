package com.complaintcase.integrity;

import java.util.Objects;

/** A stored event with the hashes recorded in its metadata when it was appended (null: none recorded). */
public record ChainLink(StoredEvent event, String eventHash, String previousEventHash) {

    public ChainLink {
        Objects.requireNonNull(event, "event");
    }
}
