package com.complaintcase.platform.integrity;

import com.complaintcase.integrity.ChainLink;
import com.complaintcase.integrity.StoredEvent;
import com.complaintcase.platform.messaging.AuditMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Axon's domain event messages as the hash chain sees them (docs/adr/0010): the metadata keys of the chain, and the
 * values of the canonical form taken from a message and its serialized payload.
 */
public final class ChainedEvents {

    public static final String EVENT_HASH = "eventHash";
    public static final String PREVIOUS_EVENT_HASH = "previousEventHash";
    /** Set by an upcaster on the event it rewrote: the payload as stored (base64), which the chain's hash covers. */
    public static final String STORED_PAYLOAD = "storedPayload";
    /** Set by an upcaster with {@link #STORED_PAYLOAD}: the revision as stored (absent: none). */
    public static final String STORED_PAYLOAD_REVISION = "storedPayloadRevision";

    private ChainedEvents() {
    }

    /** {@code payload}: the payload as the event serializer stores it. */
    public static StoredEvent storedForm(DomainEventMessage<?> event, SerializedObject<byte[]> payload) {
        MetaData meta = event.getMetaData();
        return new StoredEvent(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getTimestamp(), payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                text(meta.get(AuditMetadata.USER_ID)), text(meta.get(AuditMetadata.ROLE)),
                text(meta.get(AuditMetadata.CORRELATION_ID)), text(meta.get(AuditMetadata.CAUSATION_ID)));
    }

    /**
     * An event read back from the event store with its recorded hashes. Such a message hands out the serialized
     * object it was read from when asked by the serializer that read it (Axon's {@code SerializedMessage}), so the
     * bytes are the stored ones, never a new serialization of the deserialized payload.
     */
    public static ChainLink readBack(DomainEventMessage<?> stored, Serializer eventSerializer) {
        MetaData meta = stored.getMetaData();
        SerializedObject<byte[]> payload = stored.serializePayload(eventSerializer, byte[].class);
        Object asStored = meta.get(STORED_PAYLOAD);
        if (asStored != null) {
            payload = new SimpleSerializedObject<>(Base64.getDecoder().decode(asStored.toString()), byte[].class,
                    new SimpleSerializedType(payload.getType().getName(), text(meta.get(STORED_PAYLOAD_REVISION))));
        }
        return new ChainLink(storedForm(stored, payload), text(meta.get(EVENT_HASH)), text(meta.get(PREVIOUS_EVENT_HASH)));
    }

    /** An event's metadata as recorded: without what an upcaster added to read it ({@link #STORED_PAYLOAD}). */
    public static Map<String, Object> recordedMetadata(DomainEventMessage<?> stored) {
        Map<String, Object> meta = new HashMap<>(stored.getMetaData());
        meta.remove(STORED_PAYLOAD);
        meta.remove(STORED_PAYLOAD_REVISION);
        return meta;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
