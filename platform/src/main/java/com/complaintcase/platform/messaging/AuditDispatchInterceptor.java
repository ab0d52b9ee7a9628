package com.complaintcase.platform.messaging;

import com.complaintcase.platform.security.CurrentActor;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps a message dispatched on behalf of a request with the authenticated user, their role and the
 * request's correlation id. Messages dispatched while handling another message already carry them
 * through the correlation data providers and are left as they are.
 */
public class AuditDispatchInterceptor<M extends Message<?>> implements MessageDispatchInterceptor<M> {

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
        return (index, message) -> {
            Map<String, Object> additions = new HashMap<>();
            if (!message.getMetaData().containsKey(AuditMetadata.USER_ID)) {
                CurrentActor.find().ifPresent(actor -> {
                    additions.put(AuditMetadata.USER_ID, actor.userId());
                    additions.put(AuditMetadata.ROLE, actor.role().name());
                });
            }
            String correlationId = MDC.get(AuditMetadata.CORRELATION_ID);
            if (correlationId != null && !message.getMetaData().containsKey(AuditMetadata.CORRELATION_ID)) {
                additions.put(AuditMetadata.CORRELATION_ID, correlationId);
            }
            return additions.isEmpty() ? message : (M) message.andMetaData(additions);
        };
    }
}
