package com.complaintcase.standalone.demo;

import com.complaintcase.platform.integrity.ChainedEvents;
import com.complaintcase.platform.messaging.AuditMetadata;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * The bulk path of the demo data: copies of cases that went through the real command path (the templates), each
 * copy a new case with its own id, its own customers and its own time, appended through Axon's event store in
 * large units of work, so the event store's interceptors (the hash chain), the serializer (with the encryption of
 * personal data under the new customers' keys) and the subscribing processors apply as to any event; the streaming
 * projections build from them as they would from a replay.
 * <p>
 * What the bulk path skips: the aggregate does not decide the copied events again (they are the template's
 * decisions), no SLA deadline of a copy is scheduled (a copy's running limits show in the overdue view once their
 * time has passed, but no {@code DeadlineBreached} is recorded for them), and the registration's request
 * fingerprint is the template's.
 * <p>
 * Copy {@code n} copies template {@code n mod T} in generation {@code n div T}; a generation keeps the templates'
 * relations (an incident's customers at one branch, a repeat customer's cases) and lies a seeded random time up to
 * 180 days in the past.
 */
class BulkCopies {

    static final String AGGREGATE_TYPE = "Complaint";
    private static final int EVENTS_PER_UNIT_OF_WORK = 2_000;
    private static final int SPAN_MINUTES = 180 * 24 * 60;

    private final EventStore eventStore;
    private final TransactionManager transactions;

    BulkCopies(EventStore eventStore, TransactionManager transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    /**
     * Appends copies {@code from} (inclusive) to {@code to} (exclusive); answers the number of events appended. After
     * each unit of work, {@code copiesDone} hears how many copies are appended so far.
     */
    long copy(List<String> templateIds, long seed, int from, int to, IntConsumer copiesDone) {
        List<List<? extends DomainEventMessage<?>>> templates = templateIds.stream()
                .<List<? extends DomainEventMessage<?>>>map(id -> eventStore.readEvents(id).asStream().toList())
                .toList();
        List<EventMessage<?>> batch = new ArrayList<>();
        long appended = 0;
        for (int n = from; n < to; n++) {
            int generation = n / templates.size();
            Copy copy = new Copy(seed, generation);
            for (DomainEventMessage<?> event : templates.get(n % templates.size())) {
                batch.add(copy.of(event));
            }
            if (batch.size() >= EVENTS_PER_UNIT_OF_WORK) {
                appended += append(batch);
                copiesDone.accept(n + 1 - from);
            }
        }
        appended += append(batch);
        copiesDone.accept(to - from);
        return appended;
    }

    private int append(List<EventMessage<?>> batch) {
        int size = batch.size();
        if (size > 0) {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                unitOfWork.attachTransaction(transactions);
                eventStore.publish(batch);
                unitOfWork.commit();
            } catch (RuntimeException failed) {
                if (unitOfWork.isActive()) {
                    unitOfWork.rollback(failed);
                }
                throw failed;
            }
            batch.clear();
        }
        return size;
    }

    /** One generation's rewriting of a template's events: ids, customers and times. */
    private static final class Copy {

        private final long seed;
        private final int generation;
        private final Duration offset;

        Copy(long seed, int generation) {
            this.seed = seed;
            this.generation = generation;
            this.offset = Duration.ofMinutes(new Random(seed * 31 + generation).nextInt(SPAN_MINUTES)).plusDays(1);
        }

        DomainEventMessage<?> of(DomainEventMessage<?> event) {
            Map<String, Object> metaData = new HashMap<>(event.getMetaData());
            metaData.remove(ChainedEvents.EVENT_HASH);
            metaData.remove(ChainedEvents.PREVIOUS_EVENT_HASH);
            metaData.computeIfPresent(AuditMetadata.CORRELATION_ID, (key, value) -> uuid(value.toString()));
            metaData.computeIfPresent(AuditMetadata.CAUSATION_ID, (key, value) -> uuid(value.toString()));
            return new GenericDomainEventMessage<>(event.getType(), uuid(event.getAggregateIdentifier()),
                    event.getSequenceNumber(), rewrite(event.getPayload(), ""), metaData,
                    uuid(event.getIdentifier()), event.getTimestamp().minus(offset));
        }

        private Object rewrite(Object value, String name) {
            if (value == null) {
                return null;
            }
            if (value instanceof ComplaintId id) {
                return new ComplaintId(uuid(id.value()));
            }
            if (value instanceof CustomerId customer) {
                return new CustomerId(customer.value() + "-" + generation);
            }
            if (value instanceof Instant instant) {
                return instant.minus(offset);
            }
            if (value instanceof String text && name.toLowerCase(Locale.ROOT).endsWith("deadlineid")) {
                return uuid(text);
            }
            if (value instanceof List<?> list) {
                return list.stream().map(element -> rewrite(element, name)).toList();
            }
            if (value.getClass().isRecord()) {
                return rewriteRecord(value);
            }
            return value;
        }

        private Object rewriteRecord(Object value) {
            RecordComponent[] components = value.getClass().getRecordComponents();
            Object[] arguments = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    components[i].getAccessor().setAccessible(true);
                    arguments[i] = rewrite(components[i].getAccessor().invoke(value), components[i].getName());
                    types[i] = components[i].getType();
                }
                Constructor<?> canonical = value.getClass().getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot copy " + value.getClass().getName(), e);
            }
        }

        private String uuid(String original) {
            return UUID.nameUUIDFromBytes(("copy:" + seed + ":" + generation + ":" + original)
                    .getBytes(StandardCharsets.UTF_8)).toString();
        }
    }
}
