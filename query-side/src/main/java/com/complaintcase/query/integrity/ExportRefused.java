package com.complaintcase.query.integrity;

import org.springframework.http.HttpStatus;

/** An export that cannot be given, with the problem's status and stable code. */
class ExportRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;

    ExportRefused(HttpStatus status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    static ExportRefused unknownCase(String id) {
        return new ExportRefused(HttpStatus.NOT_FOUND, "COMPLAINT_NOT_FOUND", "Unknown case", "no complaint with id " + id);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }
}
