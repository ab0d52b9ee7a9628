package com.complaintcase.command.integrity;

import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.platform.integrity.ChainedEvents;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CaseHeadAnchor}, each case's latest chain head, in the subscribing processor of the case day heads:
 * the row changes in the transaction that appends the events, or not at all; once for a command's events
 * ({@link ChainHeadRows}).
 */
@Component
@ProcessingGroup(CaseDayHeadProjection.PROCESSING_GROUP)
class CaseHeadAnchorProjection {

    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(ComplaintEvent event, DomainEventMessage<?> message, @MetaDataValue(ChainedEvents.EVENT_HASH) String hash) {
        if (hash == null) {
            return;
        }
        String caseId = message.getAggregateIdentifier();
        ChainHeadRows.anchor(entityManager, new ChainHeadRows.Row(caseId, caseId, message.getSequenceNumber(), hash,
                null, null));
    }
}
