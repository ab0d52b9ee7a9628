package com.complaintcase.events.privacy;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The customer's personal data was erased (domain brief, section 9): the keys it was encrypted under were
 * destroyed with this event, so their name, phone, email and the free text about them in {@code affectedCases}
 * read as erased from now on. Every other fact of those cases stays as it was. {@code reason} is the compliance
 * officer's justification (e.g. the request's reference), not personal data.
 */
@Revision("1")
public record PersonalDataErased(
        CustomerId customerId,
        String reason,
        List<ComplaintId> affectedCases,
        Instant erasedAt,
        Actor by) implements CustomerPrivacyEvent {

    public PersonalDataErased {
        affectedCases = affectedCases == null ? List.of() : List.copyOf(affectedCases);
    }
}
