package com.complaintcase.platform.storage;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The event source a processor names with {@code axon.eventhandling.processors.<name>.source: promptEvents}: the event
 * store, with a caught-up pooled processor looking for new events every {@code complaints.events.prompt-interval}
 * (default 25 ms) instead of every 500 ms ({@link PromptEventSource}).
 */
@Configuration(proxyBeanMethods = false)
public class PromptEventsConfiguration {

    public static final String SOURCE = "promptEvents";

    @Bean(name = SOURCE, destroyMethod = "close")
    PromptEventSource promptEvents(EventStore eventStore,
                                   @Value("${complaints.events.prompt-interval:25ms}") Duration interval) {
        return PromptEventSource.every(interval, eventStore);
    }
}
