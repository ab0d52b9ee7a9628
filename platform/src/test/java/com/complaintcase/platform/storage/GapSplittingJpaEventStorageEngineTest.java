package com.complaintcase.platform.storage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's streaming read over a real JPA event table (Hibernate on H2 in memory, Axon's entry mapped as the
 * application maps it). An event's global index is taken when its transaction inserts it, so a transaction still open
 * when a token is made leaves a gap below the token that is filled later.
 */
class GapSplittingJpaEventStorageEngineTest {

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final EntityManagerFactory entityManagers = new PersistenceConfiguration("events-" + UUID.randomUUID())
            .managedClass(DomainEventEntry.class)
            .mappingFile("META-INF/axon-orm.xml")
            .property(PersistenceConfiguration.JDBC_URL, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .property(PersistenceConfiguration.JDBC_USER, "sa")
            .property(PersistenceConfiguration.JDBC_PASSWORD, "")
            .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "drop-and-create")
            .createEntityManagerFactory();
    private final List<EntityManager> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(EntityManager::close);
        entityManagers.close();
    }

    @Test
    void a_gap_filled_between_the_two_reads_never_lets_a_later_event_of_its_aggregate_arrive_first() {
        EntityManager firstOfA = begin();
        long a0 = append(firstOfA, "A", 0);
        long b0 = commit(begin(), "B", 0);
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(b0, Set.of(a0));
        assertThat(a0).as("A's registration holds an index below the token").isLessThan(b0);

        ReadingWithPause reading = new ReadingWithPause(() -> {
            firstOfA.getTransaction().commit();
            commit(begin(), "A", 1);
        });
        List<Object[]> events = fetch(engine(reading, 100), reading.entityManager, token);

        assertThat(reading.paused).as("the fill happened between the two reads").isTrue();
        assertThat(sequencesOf("A", events)).as("A's events in the batch, in order: none may come before its first")
                .containsExactly(0L);
    }

    @Test
    void the_events_in_gaps_come_first_then_those_after_the_token_at_most_a_batch_in_all() {
        List<Long> indexes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            indexes.add(commit(begin(), "C" + i, 0));
        }
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(indexes.get(3),
                Set.of(indexes.get(0), indexes.get(2)));
        EntityManager reader = entityManagers.createEntityManager();
        opened.add(reader);

        List<Object[]> events = fetch(engine(() -> reader, 4), reader, token);

        assertThat(events).extracting(row -> (Long) row[0])
                .containsExactly(indexes.get(0), indexes.get(2), indexes.get(4), indexes.get(5));
    }

    /** The read runs in a transaction of its own, as a streaming processor's does. */
    private static List<Object[]> fetch(GapSplittingJpaEventStorageEngine engine, EntityManager reader,
                                        GapAwareTrackingToken token) {
        reader.getTransaction().begin();
        try {
            return engine.fetchEvents(token);
        } finally {
            reader.getTransaction().rollback();
        }
    }

    private GapSplittingJpaEventStorageEngine engine(EntityManagerProvider entityManagerProvider, int batchSize) {
        return new GapSplittingJpaEventStorageEngine(JpaEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(NoTransactionManager.INSTANCE)
                .batchSize(batchSize));
    }

    private EntityManager begin() {
        EntityManager entityManager = entityManagers.createEntityManager();
        opened.add(entityManager);
        entityManager.getTransaction().begin();
        return entityManager;
    }

    /** Inserts the event in the open transaction and returns the global index it was given. */
    private long append(EntityManager entityManager, String aggregate, long sequence) {
        DomainEventEntry entry = new DomainEventEntry(
                new GenericDomainEventMessage<>("Case", aggregate, sequence, aggregate + "#" + sequence), serializer);
        entityManager.persist(entry);
        entityManager.flush();
        return (Long) entityManagers.getPersistenceUnitUtil().getIdentifier(entry);
    }

    private long commit(EntityManager entityManager, String aggregate, long sequence) {
        long index = append(entityManager, aggregate, sequence);
        entityManager.getTransaction().commit();
        return index;
    }

    private static List<Long> sequencesOf(String aggregate, List<Object[]> events) {
        return events.stream().filter(row -> aggregate.equals(row[2])).map(row -> (Long) row[3]).toList();
    }

    /**
     * Hands the reader's entity manager out once per query; before handing it out for the second query, runs what
     * other transactions do between the two reads.
     */
    private final class ReadingWithPause implements EntityManagerProvider {

        private final EntityManager entityManager = entityManagers.createEntityManager();
        private final Runnable betweenReads;
        private int handedOut;
        private boolean paused;

        private ReadingWithPause(Runnable betweenReads) {
            this.betweenReads = betweenReads;
            opened.add(entityManager);
        }

        @Override
        public EntityManager getEntityManager() {
            if (++handedOut == 2) {
                betweenReads.run();
                paused = true;
            }
            return entityManager;
        }
    }
}
