package com.complaintcase.command.privacy;

import com.complaintcase.values.CustomerId;

import java.util.List;

/** The cases of a customer, as erasure needs to know them. */
public interface CustomerCases {

    List<CaseRetention> of(CustomerId customerId);
}
