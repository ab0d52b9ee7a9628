package com.complaintcase.platform.observability;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code axonServer} health component, where the service talks to Axon Server (profile {@code axonserver}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.axonframework.axonserver.connector.AxonServerConnectionManager")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
public class AxonServerHealthConfiguration {

    @Bean
    AxonServerHealth axonServerHealthIndicator(AxonServerConnectionManager connections) {
        return new AxonServerHealth(connections);
    }
}
