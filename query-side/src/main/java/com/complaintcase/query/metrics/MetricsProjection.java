package com.complaintcase.query.metrics;

import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.ComplaintTransferred;
import com.complaintcase.events.complaint.FeedbackRecorded;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.events.complaint.ResolutionAccepted;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Feeds the analytics: per-case attributes, survey answers and resolution times. Its own processing
 * group, so it can be rebuilt without touching the case views. Idempotent: case rows remember the
 * last sequence applied, facts are keyed by the id of the event that recorded them.
 */
@Component
@ProcessingGroup(MetricsProjection.PROCESSING_GROUP)
public class MetricsProjection {

    public static final String PROCESSING_GROUP = "metrics";

    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(ComplaintRegistered event, @SequenceNumber Long sequence) {
        String id = event.complaintId().value();
        MetricsCase existing = entityManager.find(MetricsCase.class, id);
        if (existing != null) {
            return;
        }
        MetricsCase metrics = new MetricsCase(id);
        metrics.version = sequence;
        metrics.category = event.category();
        metrics.subcategory = event.subcategory();
        metrics.rootIssue = event.rootIssue();
        metrics.channel = event.channel();
        metrics.branchCode = event.branchCode().value();
        metrics.level = event.level();
        metrics.registeredAt = event.registeredAt();
        entityManager.persist(metrics);
    }

    @EventHandler
    void on(ComplaintReviewed event, @SequenceNumber Long sequence) {
        update(event.complaintId().value(), sequence, metrics -> metrics.level = event.handlingLevel());
    }

    @EventHandler
    void on(HandlerAssigned event, @SequenceNumber Long sequence) {
        update(event.complaintId().value(), sequence, metrics -> metrics.handlerId = event.handlerId());
    }

    @EventHandler
    void on(ComplaintTransferred event, @SequenceNumber Long sequence) {
        update(event.complaintId().value(), sequence, metrics -> {
            metrics.branchCode = event.toUnit().value();
            metrics.handlerId = null;
        });
    }

    @EventHandler
    void on(ComplaintEscalated event, @SequenceNumber Long sequence) {
        update(event.complaintId().value(), sequence, metrics -> metrics.level = event.toLevel());
    }

    @EventHandler
    void on(FeedbackRecorded event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        if (entityManager.find(SatisfactionAnswer.class, message.getIdentifier()) == null) {
            entityManager.persist(new SatisfactionAnswer(message.getIdentifier(), event.complaintId().value(),
                    event.score().value(), event.score().isSatisfied(), recordedAt));
        }
    }

    @EventHandler
    void on(ResolutionAccepted event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        MetricsCase metrics = entityManager.find(MetricsCase.class, event.complaintId().value());
        if (metrics != null && entityManager.find(ResolutionTime.class, message.getIdentifier()) == null) {
            entityManager.persist(new ResolutionTime(message.getIdentifier(), metrics.complaintId,
                    metrics.registeredAt, recordedAt));
        }
    }

    private void update(String complaintId, long sequence, Consumer<MetricsCase> change) {
        MetricsCase metrics = entityManager.find(MetricsCase.class, complaintId);
        if (metrics != null && sequence > metrics.version) {
            change.accept(metrics);
            metrics.version = sequence;
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from SatisfactionAnswer").executeUpdate();
        entityManager.createQuery("delete from ResolutionTime").executeUpdate();
        entityManager.createQuery("delete from MetricsCase").executeUpdate();
    }
}
