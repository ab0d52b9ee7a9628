package com.complaintcase.platform.messaging;

import com.complaintcase.platform.privacy.PersonalDataModule;
import com.complaintcase.platform.upcasting.ContractRevisions;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon's messages, events, snapshots and tracking tokens are serialized as JSON with Jackson 2
 * (never XStream; Axon's Jackson 3 serializer breaks replay tokens under Spring Boot 4). Event
 * classes carry {@code @Revision} when they change, resolved here for the upcasters. Fields marked
 * {@link com.complaintcase.values.PersonalData} are encrypted as they are serialized ({@link PersonalDataModule}).
 */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfiguration {

    static ObjectMapper axonObjectMapper(PersonalDataModule personalData) {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(personalData)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The serializer every Axon message, event, snapshot and token goes through. */
    public static Serializer jackson(PersonalDataModule personalData) {
        return JacksonSerializer.builder()
                .objectMapper(axonObjectMapper(personalData))
                .revisionResolver(new ContractRevisions())
                .build();
    }

    @Bean
    @Primary
    Serializer serializer(PersonalDataModule personalData) {
        return jackson(personalData);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(PersonalDataModule personalData) {
        return jackson(personalData);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(PersonalDataModule personalData) {
        return jackson(personalData);
    }

    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> commandAuditInterceptor() {
        return new AuditDispatchInterceptor<>();
    }

    @Bean
    MessageDispatchInterceptor<QueryMessage<?, ?>> queryAuditInterceptor() {
        return new AuditDispatchInterceptor<>();
    }
}
