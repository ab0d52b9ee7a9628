package com.complaintcase.platform.upcasting;

import com.complaintcase.platform.integrity.ChainedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An event type stored before {@code revision} (without a revision, or as one of {@code olderRevisions}) lacked
 * {@code field}: it is read as {@code revision} with the field set to {@code value}. The hash chain covers the bytes as
 * stored (docs/adr/0010): the upcast event carries its stored revision and payload in its metadata
 * ({@link ChainedEvents#STORED_PAYLOAD}), which verification reads instead of the upcast ones.
 */
public class AddedFieldUpcaster extends SingleEventUpcaster {

    private final String type;
    private final String revision;
    private final Set<String> olderRevisions;
    private final String field;
    private final JsonNode value;

    public AddedFieldUpcaster(Class<?> eventType, String revision, Set<String> olderRevisions, String field,
                              JsonNode value) {
        this.type = eventType.getName();
        this.revision = Objects.requireNonNull(revision, "revision");
        this.olderRevisions = Set.copyOf(olderRevisions);
        this.field = Objects.requireNonNull(field, "field");
        this.value = Objects.requireNonNull(value, "value (a JSON null for none)");
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String stored = representation.getType().getRevision();
        return type.equals(representation.getType().getName()) && (stored == null || olderRevisions.contains(stored));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String storedRevision = representation.getType().getRevision();
        byte[] stored = representation.getData(byte[].class).getData();
        return representation.upcast(new SimpleSerializedType(type, revision), JsonNode.class,
                payload -> {
                    if (payload instanceof ObjectNode object && !object.has(field)) {
                        object.set(field, value.deepCopy());
                    }
                    return payload;
                },
                metaData -> {
                    Map<String, Object> storedForm = new HashMap<>();
                    storedForm.put(ChainedEvents.STORED_PAYLOAD, Base64.getEncoder().encodeToString(stored));
                    if (storedRevision != null) {
                        storedForm.put(ChainedEvents.STORED_PAYLOAD_REVISION, storedRevision);
                    }
                    return metaData.mergedWith(storedForm);
                });
    }
}
