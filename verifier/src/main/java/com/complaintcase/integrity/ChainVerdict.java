package com.complaintcase.integrity;

/**
 * What checking one case's chain found: VALID, or BROKEN at the first bad sequence number with the kind of break.
 * {@code headHash} and {@code headSequence} are those of the last event checked (null and -1 without events).
 */
public record ChainVerdict(Status status, long eventsChecked, long headSequence, String headHash, Break breakAt) {

    public enum Status { VALID, BROKEN }

    public record Break(long sequence, BreakKind kind, String detail) {
    }

    public static ChainVerdict valid(long eventsChecked, long headSequence, String headHash) {
        return new ChainVerdict(Status.VALID, eventsChecked, headSequence, headHash, null);
    }

    public ChainVerdict brokenAt(long sequence, BreakKind kind, String detail) {
        return new ChainVerdict(Status.BROKEN, eventsChecked, headSequence, headHash, new Break(sequence, kind, detail));
    }

    public boolean isValid() {
        return status == Status.VALID;
    }

    /** One line for people: {@code VALID (12 events, head ...)} or {@code BROKEN at sequence 4: PAYLOAD_ALTERED (...)}. */
    public String describe() {
        if (isValid()) {
            return "VALID (" + eventsChecked + " events, head sequence " + headSequence + ", head hash " + headHash + ")";
        }
        return "BROKEN at sequence " + breakAt.sequence() + ": " + breakAt.kind() + " (" + breakAt.detail() + ")";
    }
}
