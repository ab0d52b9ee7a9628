package com.complaintcase.platform.messaging;

import com.complaintcase.values.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class AuditCorrelationDataProviderTest {

    private final AuditCorrelationDataProvider provider = new AuditCorrelationDataProvider();
    private final MetaData handler1 = MetaData.with(AuditMetadata.USER_ID, "handler1")
            .and(AuditMetadata.ROLE, "HANDLER")
            .and(AuditMetadata.CORRELATION_ID, "conversation-1");

    @Test
    void a_command_hands_its_user_role_and_conversation_to_what_it_causes_with_itself_as_cause() {
        GenericCommandMessage<String> command = new GenericCommandMessage<>("close", handler1);

        Map<String, Object> data = (Map<String, Object>) provider.correlationDataFor(command);

        assertThat(data).containsEntry(AuditMetadata.USER_ID, "handler1")
                .containsEntry(AuditMetadata.ROLE, "HANDLER")
                .containsEntry(AuditMetadata.CORRELATION_ID, "conversation-1")
                .containsEntry(AuditMetadata.CAUSATION_ID, command.getIdentifier());
    }

    @Test
    void what_a_deadline_causes_is_done_by_the_system() {
        GenericDeadlineMessage<String> deadline = new GenericDeadlineMessage<>("acknowledgement-due",
                new GenericEventMessage<>("clock", handler1), java.time.Instant::now);

        Map<String, Object> data = (Map<String, Object>) provider.correlationDataFor(deadline);

        assertThat(data).containsEntry(AuditMetadata.USER_ID, Actor.SYSTEM.userId())
                .containsEntry(AuditMetadata.ROLE, Actor.SYSTEM.role().name())
                .containsEntry(AuditMetadata.CORRELATION_ID, "conversation-1")
                .containsEntry(AuditMetadata.CAUSATION_ID, deadline.getIdentifier());
    }

    @Test
    void an_event_being_handled_hands_nothing_on_and_its_metadata_is_not_read() {
        GenericEventMessage<String> event = new GenericEventMessage<>("registered", handler1) {
            @Override
            public MetaData getMetaData() {
                throw new AssertionError("the metadata was read");
            }
        };

        assertThat(provider.correlationDataFor(event)).isEmpty();
    }
}
