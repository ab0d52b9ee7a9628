package com.complaintcase.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * The problem a refusal made below the controllers gets (by the servlet container, Spring Security's firewall, or
 * Spring's error dispatch), by its status alone: nothing else is known there, and nothing of the request is echoed.
 */
public enum RefusalsByStatus {
    BAD_REQUEST(400, "MALFORMED_REQUEST", "Malformed request", "the request could not be read; nothing was changed"),
    UNAUTHORIZED(401, "UNAUTHENTICATED", "Authentication required", "credentials are missing or wrong"),
    FORBIDDEN(403, "ROLE_NOT_ALLOWED", "Not allowed for this role", "this request is not allowed"),
    NOT_FOUND(404, "NOT_FOUND", "No such resource", "no such resource"),
    METHOD_NOT_ALLOWED(405, "METHOD_NOT_ALLOWED", "Method not allowed", "this method is not allowed on this path"),
    NOT_ACCEPTABLE(406, "NOT_ACCEPTABLE", "Not acceptable", "no representation of the answer is acceptable"),
    REQUEST_TIMEOUT(408, "REQUEST_TIMEOUT", "Request timeout", "the request was not received in time"),
    PAYLOAD_TOO_LARGE(413, "REQUEST_TOO_LARGE", "Request too large", "the request is larger than this service accepts"),
    URI_TOO_LONG(414, "URI_TOO_LONG", "URI too long", "the request's URI is longer than this service accepts"),
    UNSUPPORTED_MEDIA_TYPE(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", "the body's media type is not accepted"),
    TOO_MANY_REQUESTS(429, "TOO_MANY_REQUESTS", "Too many requests", "too many requests in a short time; try again later"),
    HEADERS_TOO_LARGE(431, "HEADERS_TOO_LARGE", "Headers too large", "the request's headers are larger than this service accepts"),
    NOT_IMPLEMENTED(501, "NOT_IMPLEMENTED", "Not implemented", "this method is not supported"),
    SERVICE_UNAVAILABLE(503, "SERVICE_UNAVAILABLE", "Service unavailable", "the service cannot answer now; try again"),
    INTERNAL_ERROR(500, "INTERNAL_ERROR", "Internal error", "the request could not be completed; nothing was changed by it");

    private final int status;
    private final String code;
    private final String title;
    private final String detail;

    RefusalsByStatus(int status, String code, String title, String detail) {
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    /** The refusal of this status; a status without its own row is answered as a malformed request (4xx) or an internal error. */
    public static RefusalsByStatus of(int status) {
        for (RefusalsByStatus refusal : values()) {
            if (refusal.status == status) {
                return refusal;
            }
        }
        return status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    HttpStatus httpStatus() {
        return HttpStatus.valueOf(status);
    }
}
