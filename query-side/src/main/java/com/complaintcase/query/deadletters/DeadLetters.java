package com.complaintcase.query.deadletters;

import com.complaintcase.values.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The events each projection parked ({@link DeadLetterQueues}): what they are, retrying them, and evicting a sequence.
 * An eviction removes events the projection never applied, so the case stays behind in its views until a replay of
 * the projection: it needs a person's reason, and is recorded ({@link Eviction}) in the transaction that removes them.
 */
@Component
public class DeadLetters {

    private static final int MAX_LISTED = 1000;

    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transactions;
    private final Clock clock;

    @PersistenceContext
    private EntityManager entityManager;

    public DeadLetters(EventProcessingConfiguration processing, PlatformTransactionManager transactionManager,
                       Clock clock) {
        this.processing = processing;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The projections that park their failures. */
    public List<String> projections() {
        return processing.eventProcessors().keySet().stream()
                .filter(name -> processing.deadLetterQueue(name).isPresent())
                .sorted()
                .toList();
    }

    public long count(String projection) {
        return queue(projection).size();
    }

    public DeadLetterList list(String projection) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection);
        return transactions.execute(status -> {
            List<DeadLetterView> letters = new ArrayList<>();
            sequences:
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (letters.size() == MAX_LISTED) {
                        break sequences;
                    }
                    letters.add(view(projection, letter));
                }
            }
            return new DeadLetterList(projection, queue.amountOfSequences(), queue.size(), letters);
        });
    }

    public RetryOutcome retry(String projection, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection);
        if (!queue.contains(sequenceId)) {
            throw DeadLetterRefused.noDeadLetter(projection, sequenceId);
        }
        processor(projection).process(letter -> sequenceId.equals(sequenceIdOf(letter)));
        boolean recovered = !queue.contains(sequenceId);
        return new RetryOutcome(projection, sequenceId, 1, recovered ? 1 : 0, queue.amountOfSequences(), queue.size());
    }

    /** Tries each sequence parked now once; one that fails again goes to the back of the queue. */
    public RetryOutcome retryAll(String projection) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(projection);
        long parked = queue.amountOfSequences();
        long recovered = 0;
        for (long tried = 0; tried < parked; tried++) {
            if (processor.processAny()) {
                recovered++;
            }
        }
        return new RetryOutcome(projection, null, parked, recovered, queue.amountOfSequences(), queue.size());
    }

    public EvictionView evict(String projection, String sequenceId, String reason, Actor actor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection);
        return transactions.execute(status -> {
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.deadLetterSequence(sequenceId).forEach(letters::add);
            if (letters.isEmpty()) {
                throw DeadLetterRefused.noDeadLetter(projection, sequenceId);
            }
            List<Eviction.Event> events = letters.stream()
                    .map(letter -> new Eviction.Event(view(projection, letter)))
                    .toList();
            Eviction eviction = new Eviction(UUID.randomUUID().toString(), projection, sequenceId, actor.userId(),
                    actor.role().name(), clock.instant().truncatedTo(ChronoUnit.MICROS), reason.strip(), events);
            entityManager.persist(eviction);
            letters.forEach(queue::evict);
            return eviction.view();
        });
    }

    public List<EvictionView> evictions(String projection) {
        queue(projection);
        return transactions.execute(status -> entityManager
                .createQuery("select e from Eviction e where e.processor = :processor order by e.evictedAt desc",
                        Eviction.class)
                .setParameter("processor", projection)
                .setMaxResults(MAX_LISTED)
                .getResultList().stream()
                .map(Eviction::view)
                .toList());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String projection) {
        return processing.deadLetterQueue(projection)
                .orElseThrow(() -> DeadLetterRefused.unknownProjection(projection, projections()));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String projection) {
        return processing.sequencedDeadLetterProcessor(projection)
                .orElseThrow(() -> DeadLetterRefused.unknownProjection(projection, projections()));
    }

    private static String sequenceIdOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JpaDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        return letter.message() instanceof DomainEventMessage<?> event
                ? event.getAggregateIdentifier() : letter.message().getIdentifier();
    }

    private static DeadLetterView view(String projection, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        Optional<Cause> cause = letter.cause();
        long index = letter instanceof JpaDeadLetter<?> stored ? stored.getIndex() : 0;
        Long eventSequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        Long globalPosition = null;
        if (event instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = tracked.trackingToken();
            if (token != null && token.position().isPresent()) {
                globalPosition = token.position().getAsLong();
            }
        }
        long attempts = ParkingPolicy.attempts(letter.diagnostics());
        return new DeadLetterView(projection, sequenceIdOf(letter), index, event.getPayloadType().getSimpleName(),
                event.getIdentifier(), eventSequence, globalPosition, cause.isEmpty(),
                cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null),
                letter.enqueuedAt(), letter.lastTouched(), Math.max(0, attempts - 1));
    }
}
