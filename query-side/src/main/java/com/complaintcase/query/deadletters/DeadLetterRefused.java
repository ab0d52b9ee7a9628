package com.complaintcase.query.deadletters;

import org.springframework.http.HttpStatus;

/** A dead-letter request that cannot be carried out, with its stable code and status. */
public class DeadLetterRefused extends RuntimeException {

    private final String code;
    private final HttpStatus status;

    DeadLetterRefused(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static DeadLetterRefused unknownProjection(String name, Object known) {
        return new DeadLetterRefused(HttpStatus.NOT_FOUND, "UNKNOWN_PROJECTION",
                "no projection named " + name + " parks events; known: " + known);
    }

    static DeadLetterRefused noDeadLetter(String projection, String sequenceId) {
        return new DeadLetterRefused(HttpStatus.NOT_FOUND, "NO_DEAD_LETTER",
                "projection " + projection + " has no parked events of sequence " + sequenceId);
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
