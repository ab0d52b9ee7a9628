package com.complaintcase.command.integrity;

import com.complaintcase.integrity.ChainLink;
import com.complaintcase.platform.integrity.ChainedEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot trigger definition that also hands the events an aggregate is loaded from to the
 * {@link CaseHistoryGuard}: Axon shows a trigger every event (and the snapshot) it sources, then says the load is
 * over, so the check costs no second read. Events published after the load are left to the delegate alone.
 */
public final class HistoryCheckedOnLoad implements SnapshotTriggerDefinition {

    private final SnapshotTriggerDefinition delegate;
    private final CaseHistoryGuard guard;
    private final Serializer eventSerializer;

    public HistoryCheckedOnLoad(SnapshotTriggerDefinition delegate, CaseHistoryGuard guard, Serializer eventSerializer) {
        this.delegate = delegate;
        this.guard = guard;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new Trigger(delegate.prepareTrigger(aggregateType), aggregateType);
    }

    private final class Trigger implements SnapshotTrigger {

        private final SnapshotTrigger delegate;
        private final Class<?> aggregateType;
        private final List<ChainLink> tail = new ArrayList<>();
        private String aggregateId;
        private long storeHead = -1;
        private boolean loaded;

        private Trigger(SnapshotTrigger delegate, Class<?> aggregateType) {
            this.delegate = delegate;
            this.aggregateType = aggregateType;
        }

        @Override
        public void eventHandled(EventMessage<?> message) {
            if (!loaded && message instanceof DomainEventMessage<?> event) {
                sourced(event);
            }
            delegate.eventHandled(message);
        }

        /** A snapshot or an event from before chaining starts the chain checked anew. */
        private void sourced(DomainEventMessage<?> event) {
            aggregateId = event.getAggregateIdentifier();
            storeHead = event.getSequenceNumber();
            if (aggregateType.isAssignableFrom(event.getPayloadType())
                    || !event.getMetaData().containsKey(ChainedEvents.EVENT_HASH)) {
                tail.clear();
            } else {
                tail.add(ChainedEvents.readBack(event, eventSerializer));
            }
        }

        @Override
        public void initializationFinished() {
            if (!loaded) {
                loaded = true;
                if (aggregateId != null) {
                    guard.requireIntact(aggregateId, storeHead, List.copyOf(tail));
                }
                tail.clear();
            }
            delegate.initializationFinished();
        }
    }
}
