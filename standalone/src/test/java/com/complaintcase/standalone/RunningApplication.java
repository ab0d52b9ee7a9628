package com.complaintcase.standalone;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.time.Clock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real standalone application on a random port and its embedded PostgreSQL store in the given directory;
 * closing it and starting another on the same directory is a restart.
 */
final class RunningApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Api api;
    /** The event timestamp clock to put back on close, when this application ran on a test clock. */
    private final Clock replacedEventClock;

    private RunningApplication(ConfigurableApplicationContext context, Clock replacedEventClock) {
        this.context = context;
        this.replacedEventClock = replacedEventClock;
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        this.api = new Api(URI.create("http://localhost:" + port));
    }

    static RunningApplication start(Path dataDir, String... extraArguments) {
        return start(dataDir, null, extraArguments);
    }

    /**
     * The application on the test's clock: the {@link Clock} bean (registration time, late entry,
     * deadlines, overdue) and Axon's event timestamps ({@link GenericEventMessage#clock}, a static
     * field put back on {@link #close}) both read {@code clock}. Event processors keep the system clock.
     */
    static RunningApplication start(Path dataDir, MutableClock clock, String... extraArguments) {
        return start(dataDir, clock, List.of(), extraArguments);
    }

    /**
     * The application with {@code extraSources} among its beans, e.g. a test's event handler: classes registered so,
     * not annotated as components, so that no other test's application finds them by its scan.
     */
    static RunningApplication start(Path dataDir, MutableClock clock, List<Class<?>> extraSources,
                                    String... extraArguments) {
        return start(dataDir, clock, false, extraSources, extraArguments);
    }

    /**
     * The application on the test's clock, its deadline store (db-scheduler) included: a deadline fires once the test
     * moves the clock past its due time, however fast or slow the machine is.
     */
    static RunningApplication startWithDeadlinesOn(Path dataDir, MutableClock clock, String... extraArguments) {
        return start(dataDir, clock, true, List.of(), extraArguments);
    }

    private static RunningApplication start(Path dataDir, MutableClock clock, boolean deadlinesOnClock,
                                            List<Class<?>> extraSources, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--complaints.data-dir=" + dataDir.toAbsolutePath(),
                "--complaints.security.demo-password=" + Api.DEMO_PASSWORD,
                "--spring.main.banner-mode=off",
                "--server.shutdown=immediate"));
        arguments.addAll(List.of(extraArguments));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(StandaloneApplication.class)
                .sources(extraSources.toArray(Class<?>[]::new));
        if (clock == null) {
            return new RunningApplication(builder.run(arguments.toArray(String[]::new)), null);
        }
        // a singleton registered before the configuration is read: the platform's clock steps aside
        builder.initializers(context -> {
            context.getBeanFactory().registerSingleton("testClock", clock);
            if (deadlinesOnClock) {
                context.getBeanFactory().registerSingleton("testDeadlineClock",
                        (com.github.kagkarlsson.scheduler.Clock) clock::instant);
            }
        });
        RunningApplication app = new RunningApplication(builder.run(arguments.toArray(String[]::new)),
                GenericEventMessage.clock);
        GenericEventMessage.clock = clock;
        return app;
    }

    Api api() {
        return api;
    }

    org.springframework.context.ApplicationContext context() {
        return context;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> java.util.Collection<T> beans(Class<T> type) {
        return context.getBeansOfType(type).values();
    }

    EventStore eventStore() {
        return bean(EventStore.class);
    }

    /** The case's events as the event store holds them, in order, from the first (snapshots are not events). */
    List<DomainEventMessage<?>> events(String complaintId) {
        try (Stream<? extends DomainEventMessage<?>> events = eventStore().readEvents(complaintId, 0).asStream()) {
            return events.collect(Collectors.toList());
        }
    }

    /** The first message the repository would load the case from: a snapshot, once one was taken. */
    DomainEventMessage<?> loadingStart(String complaintId) {
        return eventStore().readEvents(complaintId).next();
    }

    int eventCount(String complaintId) {
        return events(complaintId).size();
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            if (replacedEventClock != null) {
                GenericEventMessage.clock = replacedEventClock;
            }
        }
    }
}
