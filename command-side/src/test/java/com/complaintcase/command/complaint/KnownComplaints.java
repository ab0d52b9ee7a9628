package com.complaintcase.command.complaint;

import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.Subcategory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The other cases the rules tests' registrations look at: a stub {@link RelatedComplaints} that answers from the
 * cases a test states, as the command side's lookup model does. Empty unless a test adds some; the case a command
 * registers is never added.
 */
final class KnownComplaints implements RelatedComplaints {

    record Known(ComplaintId id, CustomerId customer, Subcategory subcategory, BranchCode branch, String incidentCode,
                 Instant registeredAt, Instant closedAt) {
    }

    private final List<Known> cases = new ArrayList<>();

    /** A case of the customer about the subcategory at the branch, registered at {@code registeredAt} and still open. */
    KnownComplaints registered(ComplaintId id, CustomerId customer, Subcategory subcategory, BranchCode branch,
                               String incidentCode, Instant registeredAt) {
        cases.add(new Known(id, customer, subcategory, branch, incidentCode, registeredAt, null));
        return this;
    }

    /** A case of the customer about the subcategory, registered 20 days before it was closed at {@code closedAt}. */
    KnownComplaints closed(ComplaintId id, CustomerId customer, Subcategory subcategory, BranchCode branch, Instant closedAt) {
        cases.add(new Known(id, customer, subcategory, branch, null, closedAt.minus(Duration.ofDays(20)), closedAt));
        return this;
    }

    @Override
    public Optional<ComplaintId> closedComplaintOfSameCustomerAndSubcategorySince(CustomerId customer, Subcategory subcategory,
                                                                                  Instant since) {
        return cases.stream()
                .filter(known -> known.customer().equals(customer) && known.subcategory() == subcategory)
                .filter(known -> known.closedAt() != null && !known.closedAt().isBefore(since))
                .max(Comparator.comparing(Known::closedAt))
                .map(Known::id);
    }

    @Override
    public int distinctCustomersAtBranchAndSubcategorySince(BranchCode branch, Subcategory subcategory, Instant since,
                                                            CustomerId newCustomer) {
        return customersCounting(newCustomer, since,
                known -> known.branch().equals(branch) && known.subcategory() == subcategory);
    }

    @Override
    public int distinctCustomersWithIncidentSince(String incidentCode, Instant since, CustomerId newCustomer) {
        return customersCounting(newCustomer, since, known -> Objects.equals(known.incidentCode(), incidentCode));
    }

    private int customersCounting(CustomerId newCustomer, Instant since, Predicate<Known> sameMatter) {
        Set<CustomerId> customers = new HashSet<>();
        customers.add(newCustomer);
        cases.stream()
                .filter(sameMatter)
                .filter(known -> !known.registeredAt().isBefore(since))
                .forEach(known -> customers.add(known.customer()));
        return customers.size();
    }
}
