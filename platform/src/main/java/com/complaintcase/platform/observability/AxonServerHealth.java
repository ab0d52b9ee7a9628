package com.complaintcase.platform.observability;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code axonServer}: up while this service holds a connection to Axon Server for its context,
 * down otherwise; part of the readiness group in profile {@code axonserver}, since without the connection no
 * command, query or event gets through. Axon's own indicator is built on Spring Boot 3's health API and is not
 * picked up under Boot 4.
 */
class AxonServerHealth extends AbstractHealthIndicator {

    private final AxonServerConnectionManager connections;

    AxonServerHealth(AxonServerConnectionManager connections) {
        this.connections = connections;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String context = connections.getDefaultContext();
        boolean connected = connections.isConnected(context);
        (connected ? builder.up() : builder.down()).withDetail("context", context).withDetail("connected", connected);
    }
}
