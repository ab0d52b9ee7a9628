package com.complaintcase.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * Both sides in one JVM on an embedded event store: Axon's JPA event store and token store on an H2
 * file database under {@code ./data}. What a new user runs first; no server to install.
 */
@SpringBootApplication(scanBasePackages = "com.complaintcase")
@EntityScan(basePackages = {
        "com.complaintcase",
        "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.modelling.saga.repository.jpa",
        "org.axonframework.eventhandling.deadletter.jpa"})
public class StandaloneApplication {

    static {
        // Axon's update checker calls home on start; a bank's servers do not.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
