package com.complaintcase.query.replay;

/** A replay request that cannot be carried out, with its stable code. */
public class ReplayRefused extends RuntimeException {

    private final String code;

    public ReplayRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
