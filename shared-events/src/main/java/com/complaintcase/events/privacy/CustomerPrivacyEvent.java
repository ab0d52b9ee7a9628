package com.complaintcase.events.privacy;

import com.complaintcase.values.Actor;
import com.complaintcase.values.CustomerId;

/**
 * Every fact about how a customer's personal data is kept: legal holds and erasure. None of them holds personal
 * data; the customer's number is not personal data by itself.
 */
public sealed interface CustomerPrivacyEvent permits PersonalDataErased, LegalHoldPlaced, LegalHoldReleased {

    CustomerId customerId();

    Actor by();
}
