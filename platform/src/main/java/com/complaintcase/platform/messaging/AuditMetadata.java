package com.complaintcase.platform.messaging;

/** Metadata keys every command, query and event carries for the audit trail. */
public final class AuditMetadata {

    public static final String USER_ID = "userId";
    public static final String ROLE = "role";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private AuditMetadata() {
    }
}
