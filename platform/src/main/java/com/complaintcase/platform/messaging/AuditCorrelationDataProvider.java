package com.complaintcase.platform.messaging;

import com.complaintcase.values.Actor;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * What a message handed to the messages it causes: the acting user and role, the correlation id of
 * the whole conversation, and its own id as their causation id.
 */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (message instanceof EventMessage<?> && !(message instanceof DeadlineMessage<?>)) {
            // An event being handled causes no message that needs audit data: the event processors send no command,
            // event or deadline (EventProcessorsArchitectureTest), and Axon asks this for the result message of
            // every event handled, which read and parsed the stored event's metadata for nothing.
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        if (message instanceof DeadlineMessage<?>) {
            // a deadline fires by itself: what it causes is done by the system, whoever scheduled it
            data.put(AuditMetadata.USER_ID, Actor.SYSTEM.userId());
            data.put(AuditMetadata.ROLE, Actor.SYSTEM.role().name());
        } else {
            copy(message, AuditMetadata.USER_ID, data);
            copy(message, AuditMetadata.ROLE, data);
        }
        data.put(AuditMetadata.CORRELATION_ID,
                message.getMetaData().getOrDefault(AuditMetadata.CORRELATION_ID, message.getIdentifier()));
        data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static void copy(Message<?> message, String key, Map<String, Object> into) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            into.put(key, value);
        }
    }
}
