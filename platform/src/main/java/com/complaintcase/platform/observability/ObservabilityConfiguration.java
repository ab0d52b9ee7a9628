package com.complaintcase.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics both services publish (on {@code /actuator/prometheus}): command rate and latency
 * ({@link CommandMetrics}) and each streaming processor's lag ({@link ProcessorLagMetrics}). Axon's own Micrometer
 * module is not used: it has no release for Axon 4.13.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> commandMetrics(MeterRegistry registry) {
        return new CommandMetrics(registry);
    }

    /** The processors exist once Axon has started, which it has when the application is ready. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> processorLagMetrics(EventStore eventStore,
                                                                 EventProcessingConfiguration processing,
                                                                 MeterRegistry registry) {
        return ready -> new ProcessorLagMetrics(eventStore).register(processing, registry);
    }
}
