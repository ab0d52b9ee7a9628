package com.complaintcase.platform.messaging;

import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.integrity.IntegrityEvent;
import com.complaintcase.events.privacy.CustomerPrivacyEvent;
import com.complaintcase.events.returns.ReturnFilingEvent;
import com.complaintcase.platform.privacy.FixedDataKeys;
import com.complaintcase.platform.privacy.PersonalDataCipher;
import com.complaintcase.platform.privacy.PersonalDataModule;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event contract frozen: each event type, as Axon's event serializer of this project writes it (its type,
 * revision and payload), is exactly its approved sample in {@value #APPROVED}. Every event type is found from the
 * sealed event interfaces, so a new event without a sample fails, as does a changed shape. A shape changes only
 * with a raised {@code @Revision} and an upcaster for the stored events of the old shape; once both are written,
 * approve the new samples with {@code ./mvnw -pl platform -am test -Dtest=ApprovedEventShapesTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dapprove-events=true} and review their diff.
 */
class ApprovedEventShapesTest {

    static final String APPROVED = "src/test/resources/approved-events";
    private static final List<Class<?>> EVENT_CONTRACTS =
            List.of(ComplaintEvent.class, IntegrityEvent.class, CustomerPrivacyEvent.class, ReturnFilingEvent.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private final Serializer eventSerializer = AxonMessagingConfiguration.jackson(
            new PersonalDataModule(new PersonalDataCipher(new FixedDataKeys())));
    private final boolean approving = Boolean.getBoolean("approve-events");

    static List<Class<?>> eventTypes() {
        return EVENT_CONTRACTS.stream()
                .flatMap(contract -> Arrays.stream(contract.getPermittedSubclasses()))
                .sorted(Comparator.comparing(Class::getSimpleName))
                .collect(Collectors.toList());
    }

    @TestFactory
    Stream<DynamicTest> every_event_type_is_serialized_exactly_as_its_approved_sample() {
        return eventTypes().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            String serialized = asStored(SampleEvents.of(type));
            Path sample = sampleOf(type);
            if (approving) {
                Files.createDirectories(sample.getParent());
                Files.writeString(sample, serialized, StandardCharsets.UTF_8);
            }
            assertThat(sample).as("an approved sample of %s (approve with -Dapprove-events=true)", type.getName())
                    .exists();
            assertThat(serialized).as("%s as stored, against its approved sample %s: a changed shape needs a new"
                            + " @Revision, an upcaster and a new approval (-Dapprove-events=true)", type.getSimpleName(),
                    sample.toAbsolutePath()).isEqualTo(Files.readString(sample, StandardCharsets.UTF_8));
        }));
    }

    @Test
    void every_approved_sample_is_of_an_event_type_there_is() throws IOException {
        Set<String> expected = eventTypes().stream().map(type -> type.getSimpleName() + ".json")
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> approved;
        try (Stream<Path> files = Files.list(Path.of(APPROVED))) {
            approved = files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        if (approving) {
            for (String stale : new ArrayList<>(approved)) {
                if (!expected.contains(stale)) {
                    Files.delete(Path.of(APPROVED, stale));
                    approved.remove(stale);
                }
            }
        }
        assertThat(approved).as("the samples in %s: one per event type, none of a type that is gone", APPROVED)
                .isSubsetOf(expected);
    }

    private String asStored(Object event) throws IOException {
        SerializedObject<String> stored = eventSerializer.serialize(event, String.class);
        ObjectNode sample = JSON.createObjectNode();
        sample.put("type", stored.getType().getName());
        sample.put("revision", stored.getType().getRevision());
        sample.set("payload", JSON.readTree(stored.getData()));
        return JSON.writer(PRETTY).writeValueAsString(sample) + "\n";
    }

    private static Path sampleOf(Class<?> type) {
        return Path.of(APPROVED, type.getSimpleName() + ".json");
    }
}
