package com.complaintcase.standalone;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real standalone application on a random port and an H2 event store in the given directory;
 * closing it and starting another on the same directory is a restart.
 */
final class RunningApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Api api;

    private RunningApplication(ConfigurableApplicationContext context) {
        this.context = context;
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        this.api = new Api(URI.create("http://localhost:" + port));
    }

    static RunningApplication start(Path dataDir, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--complaints.data-dir=" + dataDir.toAbsolutePath(),
                "--complaints.security.demo-password=" + Api.DEMO_PASSWORD,
                "--spring.main.banner-mode=off",
                "--server.shutdown=immediate"));
        arguments.addAll(List.of(extraArguments));
        return new RunningApplication(new SpringApplicationBuilder(StandaloneApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    Api api() {
        return api;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    EventStore eventStore() {
        return bean(EventStore.class);
    }

    /** The case's events as the event store holds them, in order. */
    List<DomainEventMessage<?>> events(String complaintId) {
        try (Stream<? extends DomainEventMessage<?>> events = eventStore().readEvents(complaintId).asStream()) {
            return events.collect(Collectors.toList());
        }
    }

    int eventCount(String complaintId) {
        return events(complaintId).size();
    }

    @Override
    public void close() {
        context.close();
    }
}
