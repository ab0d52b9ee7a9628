package com.complaintcase.command;

import com.complaintcase.platform.deployment.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * The command side as a service of its own (production mode): the command API, the complaint aggregate, its lookup
 * and its deadlines, on PostgreSQL, with events in Axon Server (profile {@code axonserver}) or in PostgreSQL.
 * Configuration: {@code complaint-service.yml} and {@code command-side.yml}.
 */
@SpringBootApplication(scanBasePackages = {"com.complaintcase.platform", "com.complaintcase.command"})
@EntityScan(basePackages = {
        "com.complaintcase.command",
        "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa"})
public class CommandSideApplication {

    public static final String CONFIG_NAME = "command-side";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return ServiceLauncher.service(CommandSideApplication.class, CONFIG_NAME);
    }
}
