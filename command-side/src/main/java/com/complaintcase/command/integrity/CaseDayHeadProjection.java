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

import java.time.LocalDate;

/**
 * Keeps {@link CaseDayHead}: which cases changed in which checkpoint period and where their chain stood. A subscribing processor
 * (see {@link IntegrityConfiguration}), so a row changes in the transaction that appends the events: a checkpoint
 * never misses a committed event of its day. A command's events write each row once ({@link ChainHeadRows}).
 */
@Component
@ProcessingGroup(CaseDayHeadProjection.PROCESSING_GROUP)
class CaseDayHeadProjection {

    static final String PROCESSING_GROUP = "integrity-days";

    @PersistenceContext
    private EntityManager entityManager;

    private final CheckpointPeriods periods;

    CaseDayHeadProjection(CheckpointPeriods periods) {
        this.periods = periods;
    }

    @EventHandler
    void on(ComplaintEvent event, DomainEventMessage<?> message, @MetaDataValue(ChainedEvents.EVENT_HASH) String hash) {
        if (hash == null) {
            return;
        }
        CheckpointPeriod period = periods.periodOf(message.getTimestamp());
        String caseId = message.getAggregateIdentifier();
        LocalDate day = period.start().atZone(periods.zone()).toLocalDate();
        ChainHeadRows.day(entityManager, new ChainHeadRows.Row(CaseDayHead.idOf(period, caseId), caseId,
                message.getSequenceNumber(), hash, period, day));
    }
}
