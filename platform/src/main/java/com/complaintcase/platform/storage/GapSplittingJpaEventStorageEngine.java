package com.complaintcase.platform.storage;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

import java.util.ArrayList;
import java.util.List;

/**
 * Axon's JPA event storage with the streaming processors' read split in two. Axon asks for the events after the
 * token and those in its gaps in one query ({@code globalIndex > :token OR globalIndex IN :gaps}), which H2 answers
 * by scanning the whole event table; gaps are there whenever appending transactions commit out of order, so under
 * concurrent commands every read of the event stream read every stored event. Here the gaps and the events after
 * the token are asked for separately, each through the primary key. The answer is the same: a token's gaps all lie
 * below its index, so the events in gaps come first in global order, then those after it, at most a batch in all.
 */
public class GapSplittingJpaEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, "
            + "e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

    public GapSplittingJpaEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        // The events after the token are read first: an event seen there was committed before this read began,
        // so every earlier event of its aggregate is visible to the gap read that follows. Read the other way
        // round, a gap still open for the first read could be filled, with a later event of the same aggregate
        // committed after it, before the second: that later event would be delivered before the gap's.
        List<Object[]> after = entityManager().createQuery(
                        COLUMNS + domainEventEntryEntityName() + " e WHERE e.globalIndex > :token ORDER BY e.globalIndex ASC",
                        Object[].class)
                .setParameter("token", token.getIndex())
                .setMaxResults(batchSize())
                .getResultList();
        List<Object[]> events = new ArrayList<>(entityManager().createQuery(
                        COLUMNS + domainEventEntryEntityName() + " e WHERE e.globalIndex IN :gaps ORDER BY e.globalIndex ASC",
                        Object[].class)
                .setParameter("gaps", token.getGaps())
                .setMaxResults(batchSize())
                .getResultList());
        events.addAll(after.subList(0, Math.min(after.size(), Math.max(0, batchSize() - events.size()))));
        return events;
    }
}
