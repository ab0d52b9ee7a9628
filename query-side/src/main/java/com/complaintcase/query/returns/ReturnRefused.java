package com.complaintcase.query.returns;

import org.springframework.http.HttpStatus;

/** A return or filing that cannot be given, with the problem's status and stable code. */
class ReturnRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    ReturnRefused(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    static ReturnRefused unknownFiling(String filingId) {
        String shown = filingId.length() > 64 ? filingId.substring(0, 64) : filingId;
        return new ReturnRefused(HttpStatus.NOT_FOUND, "FILING_NOT_FOUND", "no return filing with id " + shown);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
