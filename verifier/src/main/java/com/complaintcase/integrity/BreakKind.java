package com.complaintcase.integrity;

/** How a case's chain breaks. */
public enum BreakKind {
    /** The event carries no recorded hash. */
    UNHASHED,
    /** The event's content (payload, metadata covered by the form, or any other field) is not what was hashed. */
    PAYLOAD_ALTERED,
    /** A sequence number is missing: an event was removed from the middle. */
    MISSING_EVENT,
    /** Events of the case are not at the positions they were recorded at. */
    REORDERED,
    /** The event is intact but does not follow the one before it: something was put in between or replaced. */
    LINK_BROKEN,
    /** The case ends before the head a checkpoint recorded: its newest events were removed. */
    TRUNCATED,
    /** The event at the sequence of the case's anchored head (the latest head recorded on append) is another one. */
    HEAD_MISMATCH,
    /** The event at a checkpoint's head sequence is not the one the checkpoint recorded. */
    CHECKPOINT_MISMATCH,
    /** A checkpoint does not prove what it claims (its Merkle proof or root does not hold). */
    CHECKPOINT_INVALID
}
