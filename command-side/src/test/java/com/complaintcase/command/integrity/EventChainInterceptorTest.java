package com.complaintcase.command.integrity;

import com.complaintcase.integrity.CanonicalEventForm;
import com.complaintcase.integrity.ChainLink;
import com.complaintcase.integrity.ChainVerdict;
import com.complaintcase.integrity.HashChain;
import com.complaintcase.platform.integrity.ChainedEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EventChainInterceptorTest {

    record Note(String text) {
    }

    /** Like a serializer that encrypts with a fresh nonce: the same payload never serializes to the same bytes twice. */
    static final class FreshNonceSerializer implements Serializer {

        private final Serializer json = JacksonSerializer.defaultSerializer();
        private final AtomicLong nonce = new AtomicLong();

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            SerializedObject<byte[]> plain = json.serialize(object, byte[].class);
            byte[] sealed = (new String(plain.getData(), StandardCharsets.UTF_8) + "#" + nonce.incrementAndGet())
                    .getBytes(StandardCharsets.UTF_8);
            return getConverter().convert(new SimpleSerializedObject<>(sealed, byte[].class, plain.getType()),
                    expectedRepresentation);
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return json.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            return json.deserialize(serializedObject);
        }

        @Override
        public Class classForType(SerializedType type) {
            return json.classForType(type);
        }

        @Override
        public SerializedType typeForClass(Class type) {
            return json.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return json.getConverter();
        }
    }

    private final Serializer serializer = new FreshNonceSerializer();
    private EmbeddedEventStore eventStore;

    private void storeWithHeadCacheOf(int capacity) {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        eventStore.registerDispatchInterceptor(new EventChainInterceptor(eventStore, serializer, new ChainHeads(capacity)));
    }

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    private static DomainEventMessage<Note> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Complaint", aggregateId, sequence, new Note(aggregateId + "/" + sequence),
                MetaData.with("userId", "handler1").and("role", "HANDLER").and("correlationId", "c-1"));
    }

    private void inOneUnitOfWork(EventMessage<?>... events) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(events));
    }

    private List<ChainLink> chainOf(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream()
                .map(stored -> ChainedEvents.readBack(stored, serializer))
                .collect(Collectors.toList());
    }

    @Test
    void events_of_one_unit_of_work_are_chained_in_sequence_from_the_genesis_hash() {
        storeWithHeadCacheOf(10);
        inOneUnitOfWork(event("A", 0), event("A", 1), event("A", 2));

        List<ChainLink> chain = chainOf("A");
        assertThat(chain.get(0).previousEventHash()).isEqualTo(CanonicalEventForm.GENESIS);
        assertThat(chain.get(2).previousEventHash()).isEqualTo(chain.get(1).eventHash());
        assertThat(HashChain.verify(chain, Optional.empty()).isValid()).isTrue();
    }

    @Test
    void a_command_s_first_event_follows_the_committed_head_whether_cached_or_read_from_the_store() {
        storeWithHeadCacheOf(1);
        inOneUnitOfWork(event("A", 0));
        inOneUnitOfWork(event("A", 1));
        inOneUnitOfWork(event("B", 0));
        inOneUnitOfWork(event("A", 2), event("B", 1));
        inOneUnitOfWork(event("B", 2));

        ChainVerdict a = HashChain.verify(chainOf("A"), Optional.empty());
        ChainVerdict b = HashChain.verify(chainOf("B"), Optional.empty());
        assertThat(a.describe()).startsWith("VALID (3 events");
        assertThat(b.describe()).startsWith("VALID (3 events");
    }

    @Test
    void the_store_keeps_the_very_bytes_that_were_hashed_even_when_serializing_again_would_give_others() {
        storeWithHeadCacheOf(10);
        inOneUnitOfWork(event("A", 0), event("A", 1));
        inOneUnitOfWork(event("A", 2));

        assertThat(serializer.serialize(new Note("A/0"), byte[].class).getData())
                .isNotEqualTo(serializer.serialize(new Note("A/0"), byte[].class).getData());
        assertThat(HashChain.verify(chainOf("A"), Optional.empty()).isValid()).isTrue();
    }

    @Test
    void events_of_no_aggregate_are_not_chained() {
        storeWithHeadCacheOf(10);
        List<EventMessage<?>> published = new ArrayList<>();
        eventStore.subscribe(published::addAll);
        inOneUnitOfWork(GenericEventMessage.asEventMessage(new Note("x")), event("A", 0));

        assertThat(published.get(0).getMetaData()).doesNotContainKey(ChainedEvents.EVENT_HASH);
        assertThat(published.get(1).getMetaData()).containsKey(ChainedEvents.EVENT_HASH);
    }
}
