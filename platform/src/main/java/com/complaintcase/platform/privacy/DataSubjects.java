package com.complaintcase.platform.privacy;

import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Customer;
import com.complaintcase.values.CustomerId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whose key a personal field is encrypted under (see ADR 0008). The customer's name, phone and email: the
 * customer's key. Free text of a case's events: that case's key, which the customer's erasure destroys with the
 * customer's key. Events name their case, not their customer, so a case key needs no lookup of the case's
 * customer while an event is written.
 */
public final class DataSubjects {

    private DataSubjects() {
    }

    public static String customer(CustomerId customerId) {
        return "customer:" + customerId.value();
    }

    public static String complaint(ComplaintId complaintId) {
        return "case:" + complaintId.value();
    }

    /** The subjects of one customer's data: the customer and each of their cases. */
    public static List<String> ofCustomer(CustomerId customerId, Collection<ComplaintId> cases) {
        List<String> subjects = new ArrayList<>();
        subjects.add(customer(customerId));
        cases.forEach(id -> subjects.add(complaint(id)));
        return subjects;
    }

    /** The subject of the personal fields of {@code owner}, the object that holds them. */
    static String of(Object owner) {
        if (owner instanceof Customer customer) {
            return customer(customer.customerId());
        }
        if (owner instanceof ComplaintEvent event) {
            return complaint(event.complaintId());
        }
        throw new IllegalStateException("no data subject is known for the personal data of "
                + (owner == null ? "nothing" : owner.getClass().getName()));
    }
}
