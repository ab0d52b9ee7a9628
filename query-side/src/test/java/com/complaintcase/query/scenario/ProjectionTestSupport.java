package com.complaintcase.query.scenario;

import com.complaintcase.query.cases.CaseProjection;
import com.complaintcase.query.cases.CaseQueryHandler;
import com.complaintcase.query.cases.CaseSummary;
import com.complaintcase.query.cases.ListTotals;
import com.complaintcase.platform.integrity.BrokenHistories;
import com.complaintcase.platform.privacy.JdbcDataKeys;
import com.complaintcase.platform.privacy.MasterKey;
import com.complaintcase.platform.privacy.PersonalDataCipher;
import com.complaintcase.query.history.CaseHistoryQueryHandler;
import com.complaintcase.query.integrity.CaseIntegrity;
import com.complaintcase.query.integrity.CheckpointIndexEntry;
import com.complaintcase.query.metrics.MetricsCase;
import com.complaintcase.query.metrics.MetricsProjection;
import com.complaintcase.query.metrics.MetricsQueryHandler;
import com.complaintcase.query.statistics.StatisticsCase;
import com.complaintcase.query.statistics.StatisticsProjection;
import com.complaintcase.query.statistics.StatisticsQueryHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Base of the projection tests: one shared Spring context ({@link ProjectionTest}), an empty read
 * model and the clock at {@link ProjectionTestConfiguration#START} before each test.
 */
@ProjectionTest
public abstract class ProjectionTestSupport {

    @Autowired
    protected Projections projections;

    @Autowired
    protected TestClock clock;

    /** The application's cipher over the test database's keys: what a stored personal field reads as. */
    @Autowired
    protected PersonalDataCipher cipher;

    @BeforeEach
    void emptyReadModelAndResetClock() {
        projections.wipe();
        clock.set(ProjectionTestConfiguration.START);
    }

    protected ProjectionScenario given(ComplaintStory... stories) {
        return new ProjectionScenario(projections).given(stories);
    }

    protected ProjectionScenario given(List<? extends DomainEventMessage<?>> messages) {
        return new ProjectionScenario(projections).given(messages);
    }

    protected ProjectionScenario givenInOneBatch(ComplaintStory... stories) {
        return new ProjectionScenario(projections).givenInOneBatch(stories);
    }

    protected ReadModel readModel() {
        return new ReadModel(projections);
    }

    /** "Now", as the application's clock tells it. */
    protected void now(Instant instant) {
        clock.set(instant);
    }

    /**
     * The smallest context the projections need: an in-memory H2 database with JPA (the real entities,
     * real Hibernate schema), Spring transactions, the real projection and query-handler beans of the
     * cases, metrics and history slices, an in-memory event store for point-in-time and history reads,
     * and a clock the tests set. No web layer, no security, no Axon processors: tests hand the events to
     * the projections themselves, through Axon's annotation adapter (see {@link Projections}).
     * <p>
     * Nested in a test class, so that no component scan of an application ever picks it up (Spring Boot
     * leaves classes nested in tests out of scans), and no {@code @SpringBootConfiguration}, so that no other
     * test finds it by searching packages.
     */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
            DataSourceAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class,
            HibernateJpaAutoConfiguration.class,
            TransactionAutoConfiguration.class,
            JacksonAutoConfiguration.class})
    @EntityScan(basePackageClasses = {CaseSummary.class, MetricsCase.class, CheckpointIndexEntry.class, StatisticsCase.class})
    @Import({
            CaseProjection.class,
            CaseQueryHandler.class,
            ListTotals.class,
            MetricsProjection.class,
            MetricsQueryHandler.class,
            StatisticsProjection.class,
            StatisticsQueryHandler.class,
            CaseHistoryQueryHandler.class,
            CaseIntegrity.class,
            BrokenHistories.class,
            Projections.class})
    public static class ProjectionTestConfiguration {

        /** Where every test's clock starts: a Monday morning in November 2026. */
        public static final Instant START = Instant.parse("2026-11-02T08:00:00Z");

        @Bean
        TestClock clock() {
            return new TestClock(START);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        QueryUpdateEmitter queryUpdateEmitter() {
            return SimpleQueryUpdateEmitter.builder().build();
        }

        @Bean
        @Qualifier("eventSerializer")
        Serializer eventSerializer() {
            return JacksonSerializer.builder()
                    .objectMapper(JsonMapper.builder().addModule(new JavaTimeModule()).build())
                    .build();
        }

        /**
         * The key store in the test database, as the application has it: the case rows hold personal data encrypted.
         * One master key for every test context, as they share the database and its keys.
         */
        @Bean
        JdbcDataKeys dataKeys(DataSource dataSource, TestClock clock) {
            SecureRandom random = new SecureRandom();
            MasterKey masterKey = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]), random);
            return new JdbcDataKeys(dataSource, masterKey, random, clock);
        }

        @Bean
        PersonalDataCipher personalDataCipher(JdbcDataKeys dataKeys) {
            return new PersonalDataCipher(dataKeys);
        }

        @Bean(destroyMethod = "shutDown")
        EventStore eventStore() {
            return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        }
    }
}
