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
import org.hibernate.Session;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;

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

    /** One statement per event: a registration seen again inserts nothing, a closing seen again changes nothing. */
    private static final String INSERT = "insert into complaint_lookup (complaint_id, version, customer_id, subcategory,"
            + " branch_code, incident_code, registered_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (complaint_id) do nothing";
    private static final String CLOSED_AT = "update complaint_lookup set closed_at = ?, version = ?"
            + " where complaint_id = ? and version < ?";

    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(ComplaintRegistered event, @SequenceNumber Long sequence) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, event.complaintId().value());
                insert.setLong(2, sequence == null ? 0 : sequence);
                insert.setString(3, event.customer().customerId().value());
                insert.setString(4, event.subcategory().name());
                insert.setString(5, event.branchCode().value());
                insert.setString(6, event.flags() == null ? null : event.flags().incidentCode());
                insert.setTimestamp(7, java.sql.Timestamp.from(event.registeredAt()));
                insert.executeUpdate();
            }
        });
    }

    @EventHandler
    void on(ComplaintClosed event, @SequenceNumber Long sequence, @Timestamp Instant closedAt) {
        closedAt(event.complaintId().value(), closedAt, sequence);
    }

    @EventHandler
    void on(ComplaintReopened event, @SequenceNumber Long sequence) {
        closedAt(event.complaintId().value(), null, sequence);
    }

    /** Applies a change of the closing time made by the event of {@code sequence}, unless it was applied already. */
    private void closedAt(String complaintId, Instant at, Long sequence) {
        if (sequence == null) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(CLOSED_AT)) {
                update.setTimestamp(1, at == null ? null : java.sql.Timestamp.from(at));
                update.setLong(2, sequence);
                update.setString(3, complaintId);
                update.setLong(4, sequence);
                update.executeUpdate();
            }
        });
    }
}
