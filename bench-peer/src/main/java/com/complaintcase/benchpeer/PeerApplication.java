package com.complaintcase.benchpeer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * Plain Axon doing the minimum on the benchmark's store: {@code POST /api/complaints} sends a {@link RegisterComplaint}
 * through Axon's command gateway; the {@link Complaint} aggregate applies one {@link ComplaintRegistered}, stored by
 * Axon's JPA event store (Axon's and Spring Boot's defaults otherwise). No security, rules, hash chain, encryption,
 * deadlines, lookups or projections: what the benchmark suite compares the platform's registrations with.
 */
@SpringBootApplication
@EntityScan(basePackages = {
        "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa"})
public class PeerApplication {

    static {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }
}
