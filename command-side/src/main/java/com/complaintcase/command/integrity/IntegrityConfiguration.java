package com.complaintcase.command.integrity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
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
 * Tamper-evident case histories (docs/adr/0010): the hash chain on the event store, the table of cases changed per
 * day (subscribing, in the appending transaction), and the daily checkpoint as a persistent db-scheduler task.
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
                                               IntegrityProperties properties) {
        return () -> eventStore.registerDispatchInterceptor(
                new EventChainInterceptor(eventStore, eventSerializer, new ChainHeads(properties.getHeadCacheSize())));
    }

    @Bean
    ConfigurerModule caseDayHeadsInTheAppendingTransaction() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(CaseDayHeadProjection.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(CaseDayHeadProjection.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance()));
    }

    @Bean
    RecurringTask<Void> integrityCheckpointTask(DailyCheckpoints checkpoints, IntegrityProperties properties) {
        IntegrityProperties.Checkpoint checkpoint = properties.getCheckpoint();
        return Tasks.recurring(CHECKPOINT_TASK, new Daily(checkpoint.getZone(), checkpoint.getTime()))
                .execute((instance, context) -> checkpoints.recordDueDays());
    }
}
