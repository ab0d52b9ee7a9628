package com.complaintcase.query;

import com.complaintcase.platform.deployment.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * The query side as a service of its own (production mode): it tails the event stream (from Axon Server, profile
 * {@code axonserver}, or from the PostgreSQL event store) into its read models, with its tracking tokens in
 * PostgreSQL, and answers the query API. Configuration: {@code complaint-service.yml} and {@code query-side.yml}.
 */
@SpringBootApplication(scanBasePackages = {"com.complaintcase.platform", "com.complaintcase.query"})
@EntityScan(basePackages = {
        "com.complaintcase.query",
        "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.eventhandling.deadletter.jpa"})
public class QuerySideApplication {

    public static final String CONFIG_NAME = "query-side";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return ServiceLauncher.service(QuerySideApplication.class, CONFIG_NAME);
    }
}
