package com.complaintcase.command.integrity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tamper-evident case histories (docs/adr/0010): the hash chain on the event store, the tables of cases changed per
 * checkpoint period and of case heads (subscribing, in the appending transaction), and the checkpoint of each period
 * as a persistent db-scheduler task.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrityProperties.class)
public class IntegrityConfiguration {

    static final String CHECKPOINT_TASK = "integrity-checkpoint";

    /**
     * Registered on the event store itself rather than declared as an interceptor bean: Axon's auto-configuration
     * would put such a bean on the event gateway, which aggregates' events never pass.
     */
    @Bean
    InitializingBean eventChainOnTheEventStore(EventStore eventStore,
                                               @Qualifier("eventSerializer") Serializer eventSerializer,
                                               ChainHeads chainHeads) {
        return () -> eventStore.registerDispatchInterceptor(new EventChainInterceptor(eventStore, eventSerializer, chainHeads));
    }

    /** The cases' committed heads: appends and loads fill it, the next append of a case reads it (one read of a head). */
    @Bean
    ChainHeads chainHeads(IntegrityProperties properties) {
        return new ChainHeads(properties.getHeadCacheSize());
    }

    @Bean
    ConfigurerModule caseDayHeadsInTheAppendingTransaction() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(CaseDayHeadProjection.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(CaseDayHeadProjection.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance()));
    }

    @Bean
    CheckpointPeriods checkpointPeriods(IntegrityProperties properties) {
        return new CheckpointPeriods(properties.getCheckpoint().getInterval(), properties.getCheckpoint().getZone());
    }

    @Bean
    RecurringTask<Void> integrityCheckpointTask(IntegrityCheckpoints checkpoints, CheckpointPeriods periods,
                                                IntegrityProperties properties) {
        return Tasks.recurring(CHECKPOINT_TASK, new CheckpointSchedule(periods, properties.getCheckpoint().delay()))
                .execute((instance, context) -> checkpoints.recordDuePeriods());
    }
}
