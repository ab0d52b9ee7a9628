package com.complaintcase.query;

import com.complaintcase.query.cases.CaseProjection;
import com.complaintcase.query.deadletters.DeadLetterQueues;
import com.complaintcase.query.integrity.CheckpointIndexProjection;
import com.complaintcase.query.metrics.MetricsProjection;
import com.complaintcase.query.returns.ReturnFactProjection;
import com.complaintcase.query.statistics.StatisticsProjection;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The query side's streaming processors. Each parks an event it fails on, and the later events of the same case,
 * instead of logging the failure and moving on ({@link DeadLetterQueues}). Each processor is named: a new one gets a
 * dead-letter queue here (a standalone test fails for a streaming processor without one), except the returns' facts,
 * which stop on a failure.
 */
@Configuration(proxyBeanMethods = false)
class QueryProcessors {

    static final List<String> STREAMING = List.of(
            CaseProjection.PROCESSING_GROUP,
            MetricsProjection.PROCESSING_GROUP,
            StatisticsProjection.PROCESSING_GROUP,
            CheckpointIndexProjection.PROCESSING_GROUP);

    /**
     * The returns' facts are complete up to their token (ADR 0014): an event the projection fails on is not parked
     * and passed over, but stops the processor's segment, which retries it.
     */
    @Bean
    ConfigurerModule returnFactsStopOnFailure() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                ReturnFactProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    ConfigurerModule queryProcessorsParkTheirFailures(EntityManagerProvider entityManagers,
                                                      TransactionManager transactions, Serializer serializer,
                                                      @Qualifier("eventSerializer") Serializer eventSerializer) {
        return DeadLetterQueues.forProcessors(STREAMING, entityManagers, transactions, serializer, eventSerializer);
    }
}
