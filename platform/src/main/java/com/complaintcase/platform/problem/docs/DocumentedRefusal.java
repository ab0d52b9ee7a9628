package com.complaintcase.platform.problem.docs;

import java.util.Comparator;

/** A refusal an operation can give: its status and its stable code, as documented in the OpenAPI description. */
public record DocumentedRefusal(int status, String code) implements Comparable<DocumentedRefusal> {

    private static final Comparator<DocumentedRefusal> ORDER =
            Comparator.comparingInt(DocumentedRefusal::status).thenComparing(DocumentedRefusal::code);

    @Override
    public int compareTo(DocumentedRefusal other) {
        return ORDER.compare(this, other);
    }
}
