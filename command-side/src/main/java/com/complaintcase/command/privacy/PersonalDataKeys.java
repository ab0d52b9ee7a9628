package com.complaintcase.command.privacy;

import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;

import java.util.List;

/** The keys a customer's personal data is encrypted under: theirs and their cases'. */
public interface PersonalDataKeys {

    /** Destroys them in the current transaction: they are gone when, and only when, it commits. */
    void destroy(CustomerId customerId, List<ComplaintId> cases);
}
