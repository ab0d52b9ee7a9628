package com.complaintcase.query.returns;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.hibernate.Session;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code return_fact}: for every stored event the returns read, the {@link ReturnFact} its stored JSON tells
 * (the payload is not deserialized, so no personal field is decrypted), written at the end of the processor's batch
 * in the transaction that stores its token. {@link ReturnSource} reads these rows up to the position the token says
 * is complete and the events after it from the store, so a return is the same with or without them. Idempotent: a
 * redelivered event finds its row. It has no dead-letter queue: an event it failed on would be behind its token
 * without its row, so a failure stops it and is retried (the returns then read the events after its token).
 */
@Component
@ProcessingGroup(ReturnFactProjection.PROCESSING_GROUP)
public class ReturnFactProjection {

    public static final String PROCESSING_GROUP = "returns";
    private static final String PENDING = ReturnFactProjection.class.getName() + ".pending";

    @PersistenceContext
    private EntityManager entityManager;

    private final Serializer eventSerializer;

    ReturnFactProjection(@Qualifier("eventSerializer") Serializer eventSerializer) {
        this.eventSerializer = eventSerializer;
    }

    @EventHandler(payloadType = Object.class)
    void on(DomainEventMessage<?> message, TrackingToken token) {
        if (!ReturnFact.used(message.getPayloadType().getName())) {
            return;
        }
        SerializedObject<byte[]> stored = message.serializePayload(eventSerializer, byte[].class);
        ReturnFact fact = ReturnFact.decode(ReturnSource.position(token), stored.getType().getName(),
                message.getAggregateIdentifier(), message.getTimestamp(), stored.getData());
        if (fact != null) {
            pending().add(fact);
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("truncate table return_fact").executeUpdate();
    }

    private List<ReturnFact> pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("an event arrives in a processor's unit of work");
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<ReturnFact> pending = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> write(pending));
            return pending;
        });
    }

    private void write(List<ReturnFact> pending) {
        if (pending.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> ReturnFactTable.insert(connection, pending));
        pending.clear();
    }
}
