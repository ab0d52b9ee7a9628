package com.complaintcase.command.complaint;

import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.Subcategory;

import java.time.Instant;
import java.util.Optional;

/**
 * What the registration of a complaint needs to know of the other cases to find a repeat or a group complaint
 * (domain brief, section 5). Answered by a small lookup model kept on the command side, never by the query side.
 * A case being registered is not among the cases this asks about yet.
 */
public interface RelatedComplaints {

    /** Knows no other case: nothing is ever a repeat, and every group is the new customer alone. */
    RelatedComplaints NONE = new RelatedComplaints() {
        @Override
        public Optional<ComplaintId> closedComplaintOfSameCustomerAndSubcategorySince(CustomerId customer,
                                                                                     Subcategory subcategory, Instant since) {
            return Optional.empty();
        }

        @Override
        public int distinctCustomersAtBranchAndSubcategorySince(BranchCode branch, Subcategory subcategory, Instant since,
                                                                CustomerId newCustomer) {
            return 1;
        }

        @Override
        public int distinctCustomersWithIncidentSince(String incidentCode, Instant since, CustomerId newCustomer) {
            return 1;
        }
    };

    /**
     * The customer's most recently closed case about the subcategory, closed at or after {@code since} and not
     * reopened since; empty when there is none.
     */
    Optional<ComplaintId> closedComplaintOfSameCustomerAndSubcategorySince(CustomerId customer, Subcategory subcategory,
                                                                           Instant since);

    /**
     * How many different customers complained about the subcategory at the branch (where the case was registered)
     * at or after {@code since}, counting {@code newCustomer}, whose complaint is being registered: at least 1.
     */
    int distinctCustomersAtBranchAndSubcategorySince(BranchCode branch, Subcategory subcategory, Instant since,
                                                     CustomerId newCustomer);

    /**
     * How many different customers complained about the incident at or after {@code since}, at any branch and
     * about any subcategory, counting {@code newCustomer}: at least 1.
     */
    int distinctCustomersWithIncidentSince(String incidentCode, Instant since, CustomerId newCustomer);
}
