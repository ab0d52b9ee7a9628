package com.complaintcase.platform.upcasting;

import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.integrity.ChainLink;
import com.complaintcase.platform.integrity.ChainedEvents;
import com.complaintcase.platform.messaging.AxonMessagingConfiguration;
import com.complaintcase.platform.privacy.InMemoryDataKeys;
import com.complaintcase.platform.privacy.PersonalDataCipher;
import com.complaintcase.platform.privacy.PersonalDataModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProductUpcastersTest {

    /** A registration as stored before revision 2: no revision, no product (plaintext, as before encryption). */
    static final String STORED_BEFORE_REVISION_2 = "{\"complaintId\":\"3f2b8c1e-6d4a-4b7e-9c1a-2e5f8d9b0a11\","
            + "\"receivedAt\":\"2026-01-05T09:00:00Z\",\"registeredAt\":\"2026-01-05T09:30:00Z\",\"channel\":\"PHONE\","
            + "\"branchCode\":\"BR-0101\",\"customer\":{\"customerId\":\"C-1001\",\"name\":\"Li Wei\",\"phone\":null,"
            + "\"email\":null},\"category\":\"BUSINESS_ERROR\",\"subcategory\":\"WRONG_FEE\",\"rootIssue\":\"FEES\","
            + "\"description\":\"Fee deducted twice\",\"requestedRemedy\":{\"type\":\"REFUND\",\"amount\":null},"
            + "\"flags\":null,\"level\":\"BRANCH\",\"policy\":null,\"deadlines\":[],\"requestFingerprint\":\"f1\","
            + "\"by\":{\"userId\":\"intake1\",\"role\":\"INTAKE\"}}";

    private final Serializer serializer = AxonMessagingConfiguration.jackson(
            new PersonalDataModule(new PersonalDataCipher(new InMemoryDataKeys())));

    @Test
    void a_registration_stored_without_a_product_loads_as_the_unknown_product_and_keeps_its_stored_bytes_for_the_chain() {
        for (String storedRevision : new String[]{null, "1"}) {
            byte[] stored = STORED_BEFORE_REVISION_2.getBytes(StandardCharsets.UTF_8);
            DomainEventMessage<?> loaded = load(stored, storedRevision);

            ComplaintRegistered registered = (ComplaintRegistered) loaded.getPayload();
            assertThat(registered.product()).isEqualTo(ComplaintRegistered.UNKNOWN_PRODUCT);
            assertThat(registered.category().name()).isEqualTo("BUSINESS_ERROR");
            ChainLink link = ChainedEvents.readBack(loaded, serializer);
            assertThat(link.event().payload()).isEqualTo(stored);
            assertThat(link.event().payloadRevision()).isEqualTo(storedRevision);
            assertThat(ChainedEvents.recordedMetadata(loaded)).doesNotContainKeys(ChainedEvents.STORED_PAYLOAD,
                    ChainedEvents.STORED_PAYLOAD_REVISION);
        }
    }

    @Test
    void a_review_stored_without_a_product_loads_as_correcting_none_and_keeps_its_stored_bytes_for_the_chain() {
        byte[] stored = ("{\"complaintId\":\"3f2b8c1e-6d4a-4b7e-9c1a-2e5f8d9b0a11\",\"outcome\":\"ACCEPTED\","
                + "\"businessLine\":\"Cards\",\"handlingLevel\":\"BRANCH\",\"note\":null,"
                + "\"by\":{\"userId\":\"supervisor1\",\"role\":\"SUPERVISOR\"},\"branchReply\":null}")
                .getBytes(StandardCharsets.UTF_8);
        DomainEventMessage<?> loaded = load(stored, null, ComplaintReviewed.class);

        assertThat(((ComplaintReviewed) loaded.getPayload()).product()).isNull();
        assertThat(ChainedEvents.readBack(loaded, serializer).event().payload()).isEqualTo(stored);
        assertThat(ChainedEvents.readBack(loaded, serializer).event().payloadRevision()).isNull();
    }

    @Test
    void a_registration_of_revision_2_is_read_as_stored() {
        ComplaintRegistered current = (ComplaintRegistered) load(
                STORED_BEFORE_REVISION_2.replace("\"f1\",", "\"f1\",\"product\":\"CREDIT_CARD\",")
                        .getBytes(StandardCharsets.UTF_8), "2").getPayload();

        assertThat(current.product()).isEqualTo("CREDIT_CARD");
        assertThat(new AnnotationRevisionResolver().revisionOf(ComplaintRegistered.class)).isEqualTo("2");
    }

    private DomainEventMessage<?> load(byte[] payload, String revision) {
        return load(payload, revision, ComplaintRegistered.class);
    }

    private DomainEventMessage<?> load(byte[] payload, String revision, Class<?> type) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Complaint",
                "3f2b8c1e-6d4a-4b7e-9c1a-2e5f8d9b0a11", 0, "e-1", "2026-01-05T09:30:00Z",
                type.getName(), revision, payload,
                "{\"userId\":\"intake1\",\"role\":\"INTAKE\"}".getBytes(StandardCharsets.UTF_8));
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                new EventUpcasterChain(ContractUpcasters.registeredProduct(), ContractUpcasters.reviewedProduct()));
        return stream.next();
    }
}
