package com.complaintcase.platform.privacy;

import com.complaintcase.events.complaint.AppliedPolicy;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.CustomerContacted;
import com.complaintcase.platform.messaging.AxonMessagingConfiguration;
import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.ContactMethod;
import com.complaintcase.values.Customer;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.PersonalData;
import com.complaintcase.values.RemedyType;
import com.complaintcase.values.RequestedRemedy;
import com.complaintcase.values.Role;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataSerializationTest {

    private static final String NAME = "Li Wei";
    private static final String PHONE = "+86 138 0000 1234";
    private static final String EMAIL = "li.wei@example.cn";
    private static final String DESCRIPTION = "Teller refused my large cash withdrawal at the Pudong branch";
    private static final ComplaintId CASE = ComplaintId.of("3f2b8c1e-6d4a-4b7e-9c1a-2e5f8d9b0a11");
    private static final CustomerId CUSTOMER = CustomerId.of("CUST-42");

    private final InMemoryDataKeys keys = new InMemoryDataKeys();
    private final Serializer serializer = AxonMessagingConfiguration.jackson(
            new PersonalDataModule(new PersonalDataCipher(keys)));

    @Test
    void personal_fields_are_stored_only_encrypted_and_read_back_as_they_were() {
        ComplaintRegistered registered = registration();

        byte[] stored = serializer.serialize(registered, byte[].class).getData();

        assertThat(new String(stored, StandardCharsets.UTF_8))
                .doesNotContain(NAME, PHONE, EMAIL, DESCRIPTION)
                .contains("\"customerId\":\"CUST-42\"", "\"category\":\"RULES_AND_POLICY\"", "pd1:");
        assertThat(read(stored, ComplaintRegistered.class)).isEqualTo(registered);
    }

    @Test
    void the_same_event_serializes_to_the_same_bytes() {
        ComplaintRegistered registered = registration();

        byte[] first = serializer.serialize(registered, byte[].class).getData();
        byte[] second = serializer.serialize(registration(), byte[].class).getData();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void equal_text_in_different_fields_of_one_subject_encrypts_differently() {
        Customer customer = new Customer(CUSTOMER, "0123456", "0123456", null);

        String json = new String(serializer.serialize(registration(customer, DESCRIPTION), byte[].class).getData(),
                StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("0123456");
        String name = json.replaceAll(".*\"customer\":\\{[^}]*\"name\":\"([^\"]+)\".*", "$1");
        String phone = json.replaceAll(".*\"customer\":\\{[^}]*\"phone\":\"([^\"]+)\".*", "$1");
        assertThat(name).startsWith("pd1:").isNotEqualTo(phone);
        assertThat(phone).startsWith("pd1:");
    }

    @Test
    void events_stored_in_plaintext_before_encryption_still_load() throws Exception {
        ComplaintRegistered registered = registration();
        byte[] legacy = JsonMapper.builder().addModule(new JavaTimeModule()).build().writeValueAsBytes(registered);
        assertThat(new String(legacy, StandardCharsets.UTF_8)).contains(NAME, DESCRIPTION);

        assertThat(read(legacy, ComplaintRegistered.class)).isEqualTo(registered);
    }

    @Test
    void once_the_keys_are_destroyed_personal_fields_read_as_erased_and_every_other_fact_as_it_was() {
        ComplaintRegistered registered = registration();
        CustomerContacted contacted = new CustomerContacted(CASE, Instant.parse("2026-03-02T09:00:00Z"),
                ContactMethod.PHONE, "Called Li Wei back on her mobile", true, new Actor("handler1", Role.HANDLER));
        byte[] storedRegistration = serializer.serialize(registered, byte[].class).getData();
        byte[] storedContact = serializer.serialize(contacted, byte[].class).getData();

        keys.destroy(DataSubjects.customer(CUSTOMER));
        keys.destroy(DataSubjects.complaint(CASE));

        ComplaintRegistered erased = read(storedRegistration, ComplaintRegistered.class);
        assertThat(erased.customer()).isEqualTo(new Customer(CUSTOMER, PersonalData.ERASED, PersonalData.ERASED,
                PersonalData.ERASED));
        assertThat(erased.description()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.subcategory()).isEqualTo(registered.subcategory());
        assertThat(erased.receivedAt()).isEqualTo(registered.receivedAt());
        assertThat(erased.policy()).isEqualTo(registered.policy());
        assertThat(erased.requestFingerprint()).isEqualTo(registered.requestFingerprint());
        CustomerContacted erasedContact = read(storedContact, CustomerContacted.class);
        assertThat(erasedContact.summary()).isEqualTo(PersonalData.ERASED);
        assertThat(erasedContact.contactedAt()).isEqualTo(contacted.contactedAt());
        assertThat(erasedContact.firstContact()).isTrue();
    }

    @Test
    void an_erased_field_written_again_stays_the_erased_marker_and_needs_no_key() {
        ComplaintRegistered erased = registration(new Customer(CUSTOMER, PersonalData.ERASED, PersonalData.ERASED,
                PersonalData.ERASED), PersonalData.ERASED);

        byte[] stored = serializer.serialize(erased, byte[].class).getData();

        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("pd1:");
        assertThat(keys.byId("any")).isEmpty();
        assertThat(read(stored, ComplaintRegistered.class)).isEqualTo(erased);
    }

    @Test
    void an_altered_ciphertext_is_refused_not_read_as_erased() {
        String json = new String(serializer.serialize(registration(), byte[].class).getData(), StandardCharsets.UTF_8);
        String token = json.replaceAll(".*\"description\":\"([^\"]+)\".*", "$1");
        byte[] body = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf(':') + 1));
        body[body.length - 1] ^= 1;
        String altered = token.substring(0, token.lastIndexOf(':') + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(body);

        byte[] tampered = json.replace(token, altered).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(tampered, ComplaintRegistered.class))
                .hasStackTraceContaining("fails its integrity check");
    }

    @Test
    void a_missing_master_key_stops_the_application_with_the_property_named() {
        assertThatThrownBy(() -> MasterKey.fromBase64(null, new SecureRandom()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("complaints.privacy.master-key is not set");
        assertThatThrownBy(() -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[7]), new SecureRandom()))
                .hasMessageContaining("16, 24 or 32 bytes");
    }

    @Test
    void a_wrapped_data_key_unwraps_only_for_its_own_id_and_subject() {
        MasterKey master = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]), new SecureRandom());
        byte[] secret = new byte[32];
        byte[] wrapped = master.wrap(secret, "key-1", "customer:CUST-42");

        assertThat(master.unwrap(wrapped, "key-1", "customer:CUST-42")).isEqualTo(secret);
        assertThatThrownBy(() -> master.unwrap(wrapped, "key-1", "customer:CUST-43")).isInstanceOf(IllegalStateException.class);
    }

    private <T> T read(byte[] stored, Class<T> type) {
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(stored, byte[].class,
                new SimpleSerializedType(type.getName(), null));
        return serializer.deserialize(serialized);
    }

    private static ComplaintRegistered registration() {
        return registration(new Customer(CUSTOMER, NAME, PHONE, EMAIL), DESCRIPTION);
    }

    private static ComplaintRegistered registration(Customer customer, String description) {
        Instant at = Instant.parse("2026-03-01T08:30:00Z");
        return new ComplaintRegistered(CASE, at, at, Channel.VISIT, BranchCode.of("SH-PUDONG"), customer,
                Subcategory.CASH_WITHDRAWAL_LIMIT.category(), Subcategory.CASH_WITHDRAWAL_LIMIT, RootIssue.SERVICE_ATTITUDE,
                description, new RequestedRemedy(RemedyType.APOLOGY, null), ComplaintFlags.NONE, HandlingLevel.BRANCH,
                new AppliedPolicy("CN_NFRA", 1, Duration.ofHours(24), Duration.ofHours(48), Duration.ofDays(15),
                        Duration.ofDays(15)),
                List.of(), "fingerprint", new Actor("intake1", Role.INTAKE));
    }
}
