package com.complaintcase.command.complaint;

import com.complaintcase.values.ComplaintId;

/**
 * What was found about the other cases as a complaint is registered (domain brief, section 5).
 *
 * @param repeatOf                         the same customer's recently closed case about the same subcategory, or
 *                                         null when the complaint is not a repeat
 * @param customersAtBranchAndSubcategory  the different customers who complained about the same subcategory at the
 *                                         same branch within the group window, the new one included (1 or more)
 * @param customersWithIncident            the different customers who complained about the same incident within the
 *                                         group window, the new one included; 0 when the complaint names no incident
 */
public record RelatedFindings(ComplaintId repeatOf, int customersAtBranchAndSubcategory, int customersWithIncident) {

    /** Nothing related: not a repeat, and the new customer alone. */
    public static final RelatedFindings NONE = new RelatedFindings(null, 1, 0);

    public RelatedFindings {
        if (customersAtBranchAndSubcategory < 1 || customersWithIncident < 0) {
            throw new IllegalArgumentException("a group counts the new customer: 1 or more (0 customers with no incident)");
        }
    }
}
