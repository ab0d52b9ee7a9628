package com.complaintcase.command.lookup;

import com.complaintcase.command.privacy.CaseRetention;
import com.complaintcase.command.privacy.CustomerCases;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReopened;
import com.complaintcase.events.complaint.ComplaintWithdrawn;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * {@link CustomerCases} from the lookup rows (which cases are the customer's) and each case's own history (its
 * jurisdiction, and whether and when it was last closed or withdrawn), so that the answer is that of the event
 * store, whatever the lookup knows of closure.
 */
@Component
public class JpaCustomerCases implements CustomerCases {

    @PersistenceContext
    private EntityManager entityManager;

    private final EventStore eventStore;

    public JpaCustomerCases(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public List<CaseRetention> of(CustomerId customerId) {
        return entityManager.createQuery("""
                        select e.complaintId from ComplaintLookupEntry e
                        where e.customerId = :customer order by e.registeredAt, e.complaintId""", String.class)
                .setParameter("customer", customerId.value())
                .getResultStream()
                .map(id -> retentionOf(ComplaintId.of(id)))
                .toList();
    }

    private CaseRetention retentionOf(ComplaintId id) {
        String jurisdiction = null;
        Instant finishedAt = null;
        DomainEventStream events = eventStore.readEvents(id.value());
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Object payload = event.getPayload();
            if (payload instanceof ComplaintRegistered registered && registered.policy() != null) {
                jurisdiction = registered.policy().jurisdiction();
            } else if (payload instanceof ComplaintClosed || payload instanceof ComplaintWithdrawn) {
                finishedAt = event.getTimestamp();
            } else if (payload instanceof ComplaintReopened) {
                finishedAt = null;
            }
        }
        return new CaseRetention(id, jurisdiction, finishedAt);
    }
}
