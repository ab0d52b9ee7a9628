package com.complaintcase.query.deadletters;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;

import java.util.Collection;
import java.util.List;

/**
 * A projection that fails on an event parks it, and every later event of the same sequence (the processor's
 * sequencing policy, Axon's default: per aggregate, so per case), in {@code dead_letter_entry}, in the database and
 * the transaction of the projection's own batch; the other sequences go on. Nothing is dropped: a parked sequence is
 * applied when retried ({@link DeadLetters}), or evicted by a person with a recorded reason.
 * <p>
 * The dead-lettering invoker only sees a failure its error handler propagates (Axon's default handler logs and
 * moves on), so the propagating one is set here, whatever the processor's own default. A reset (a replay) empties
 * the processor's queue: the replay handles every event again, the parked ones included. Axon's default enqueue
 * policy parks every failure; {@link ParkingPolicy} does the same and keeps the exception's message out of the
 * database. Axon's default bounds hold (1024 sequences of 1024 events each per processor): a processor whose queue is
 * full stops at the failing event, retrying it, rather than dropping it.
 */
public final class DeadLetterQueues {

    private DeadLetterQueues() {
    }

    public static ConfigurerModule forProcessors(Collection<String> processors, EntityManagerProvider entityManagers,
                                                 TransactionManager transactions, Serializer serializer,
                                                 Serializer eventSerializer) {
        List<String> names = List.copyOf(processors);
        return configurer -> configurer.eventProcessing(processing -> names.forEach(name -> processing
                .registerDeadLetterQueue(name, configuration -> JpaSequencedDeadLetterQueue.builder()
                        .processingGroup(name)
                        .entityManagerProvider(entityManagers)
                        .transactionManager(transactions)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build())
                .registerDeadLetterPolicy(name, configuration -> new ParkingPolicy())
                .registerDeadLetteringEventHandlerInvokerConfiguration(name, (configuration, invoker) -> invoker
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .allowReset(true)
                        // remembers which sequences are not parked, so that an event of one is not looked up
                        .enableSequenceIdentifierCache())));
    }
}
