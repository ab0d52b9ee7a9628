package com.complaintcase.command.lookup;

import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReopened;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the command side's {@link ComplaintLookupEntry} rows. Its processing group runs as a subscribing
 * processor (see the application's configuration), so a row changes in the transaction of the command whose
 * events change it: the next registration sees it. Idempotent: each row remembers the last event sequence it
 * applied, and a registration seen again adds nothing.
 */
@Component
@ProcessingGroup(ComplaintLookupProjection.PROCESSING_GROUP)
public class ComplaintLookupProjection {

    public static final String PROCESSING_GROUP = "complaint-lookup";

    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(ComplaintRegistered event, @SequenceNumber Long sequence) {
        String id = event.complaintId().value();
        if (entityManager.find(ComplaintLookupEntry.class, id) != null) {
            return;
        }
        entityManager.persist(new ComplaintLookupEntry(id, sequence == null ? 0 : sequence,
                event.customer().customerId().value(), event.subcategory(), event.branchCode().value(),
                event.flags() == null ? null : event.flags().incidentCode(), event.registeredAt()));
    }

    @EventHandler
    void on(ComplaintClosed event, @SequenceNumber Long sequence, @Timestamp Instant closedAt) {
        closedAt(event.complaintId().value(), closedAt, sequence);
    }

    @EventHandler
    void on(ComplaintReopened event, @SequenceNumber Long sequence) {
        closedAt(event.complaintId().value(), null, sequence);
    }

    private void closedAt(String complaintId, Instant at, Long sequence) {
        ComplaintLookupEntry entry = entityManager.find(ComplaintLookupEntry.class, complaintId);
        if (entry != null && sequence != null) {
            entry.closedAt(at, sequence);
        }
    }
}
