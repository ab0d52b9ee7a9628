package com.complaintcase.command.lookup;

import com.complaintcase.command.complaint.RelatedComplaints;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.Subcategory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** {@link RelatedComplaints} answered from the command side's lookup rows ({@link ComplaintLookupEntry}). */
@Component
public class JpaRelatedComplaints implements RelatedComplaints {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Optional<ComplaintId> closedComplaintOfSameCustomerAndSubcategorySince(CustomerId customer, Subcategory subcategory,
                                                                                  Instant since) {
        return entityManager.createQuery("""
                        select e.complaintId from ComplaintLookupEntry e
                        where e.customerId = :customer and e.subcategory = :subcategory and e.closedAt >= :since
                        order by e.closedAt desc, e.complaintId""", String.class)
                .setParameter("customer", customer.value())
                .setParameter("subcategory", subcategory)
                .setParameter("since", since)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(ComplaintId::of);
    }

    @Override
    public int distinctCustomersAtBranchAndSubcategorySince(BranchCode branch, Subcategory subcategory, Instant since,
                                                            CustomerId newCustomer) {
        Long others = entityManager.createQuery("""
                        select count(distinct e.customerId) from ComplaintLookupEntry e
                        where e.branchCode = :branch and e.subcategory = :subcategory and e.registeredAt >= :since
                          and e.customerId <> :customer""", Long.class)
                .setParameter("branch", branch.value())
                .setParameter("subcategory", subcategory)
                .setParameter("since", since)
                .setParameter("customer", newCustomer.value())
                .getSingleResult();
        return Math.toIntExact(others) + 1;
    }

    @Override
    public int distinctCustomersWithIncidentSince(String incidentCode, Instant since, CustomerId newCustomer) {
        Long others = entityManager.createQuery("""
                        select count(distinct e.customerId) from ComplaintLookupEntry e
                        where e.incidentCode = :incident and e.registeredAt >= :since and e.customerId <> :customer""",
                        Long.class)
                .setParameter("incident", incidentCode)
                .setParameter("since", since)
                .setParameter("customer", newCustomer.value())
                .getSingleResult();
        return Math.toIntExact(others) + 1;
    }
}
