package com.complaintcase.command.integrity;

import com.complaintcase.integrity.CanonicalEventForm;
import com.complaintcase.integrity.HashChain;
import com.complaintcase.platform.integrity.ChainedEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Chains every aggregate's events as they are appended (docs/adr/0010): each domain event gets the SHA-256 hash of
 * its canonical form ({@link CanonicalEventForm}) and its predecessor's hash in its metadata. Registered on the event
 * store itself, so events of commands, deadlines and the system all pass here, with the embedded store as with Axon
 * Server. Axon intercepts a unit of work's events as it prepares to commit; the heads they move are kept for the unit
 * of work (several events of one aggregate, or further events published while committing) and handed to the
 * {@link ChainHeads} cache once it committed. Other events (no aggregate) and snapshots are not chained.
 */
final class EventChainInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String PENDING_HEADS = EventChainInterceptor.class.getName() + ".pendingHeads";

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final ChainHeads committedHeads;

    EventChainInterceptor(EventStore eventStore, Serializer eventSerializer, ChainHeads committedHeads) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
        this.committedHeads = committedHeads;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, ChainHeads.Head> pending = pendingHeads();
        return (index, message) -> message instanceof DomainEventMessage<?> event
                && !event.getMetaData().containsKey(ChainedEvents.EVENT_HASH)
                ? chained(event, pending) : message;
    }

    private Map<String, ChainHeads.Head> pendingHeads() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(PENDING_HEADS, key -> {
            Map<String, ChainHeads.Head> heads = new HashMap<>();
            unitOfWork.afterCommit(committed -> heads.forEach(committedHeads::committed));
            return heads;
        });
    }

    private <T> EventMessage<T> chained(DomainEventMessage<T> event, Map<String, ChainHeads.Head> pending) {
        String aggregateId = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        String previous = previousHash(aggregateId, sequence, pending);
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        String hash = HashChain.hashOf(previous, ChainedEvents.storedForm(event, payload));
        pending.put(aggregateId, new ChainHeads.Head(sequence, hash));

        Map<String, Object> metaData = new HashMap<>(event.getMetaData());
        metaData.put(ChainedEvents.EVENT_HASH, hash);
        metaData.put(ChainedEvents.PREVIOUS_EVENT_HASH, previous);
        GenericMessage<T> withHashes = new GenericMessage<>(event.getIdentifier(), event.getPayload(), metaData);
        return new GenericDomainEventMessage<>(event.getType(), aggregateId, sequence,
                new PinnedPayloadMessage<>(withHashes, eventSerializer, payload), event.getTimestamp());
    }

    private String previousHash(String aggregateId, long sequence, Map<String, ChainHeads.Head> pending) {
        if (sequence == 0) {
            return CanonicalEventForm.GENESIS;
        }
        ChainHeads.Head inThisUnitOfWork = pending.get(aggregateId);
        if (inThisUnitOfWork != null && inThisUnitOfWork.sequence() == sequence - 1) {
            return inThisUnitOfWork.hash();
        }
        return committedHeads.hashAt(aggregateId, sequence - 1).orElseGet(() -> storedHash(aggregateId, sequence - 1));
    }

    /** The recorded hash of the stored event; empty for an event appended before events were chained. */
    private String storedHash(String aggregateId, long sequence) {
        DomainEventStream events = eventStore.readEvents(aggregateId, sequence);
        if (events.hasNext()) {
            DomainEventMessage<?> stored = events.next();
            Object hash = stored.getMetaData().get(ChainedEvents.EVENT_HASH);
            if (stored.getSequenceNumber() == sequence && hash != null) {
                return hash.toString();
            }
        }
        return "";
    }
}
