package com.complaintcase.platform.upcasting;

import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.platform.integrity.ChainedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ComplaintRegistered} before revision 2 (stored without a revision, or as "1") had no {@code product}: it is
 * read as revision 2 with {@code "product": "UNKNOWN"} ({@link ComplaintRegistered#UNKNOWN_PRODUCT}), so that every
 * such case shows in the returns' unknown-product row. The hash chain covers the bytes as stored (docs/adr/0010): the
 * upcast event carries its stored revision and payload in its metadata ({@link ChainedEvents#STORED_PAYLOAD}), which
 * verification reads instead of the upcast ones. A Spring bean: Axon's auto-configuration puts it in the upcaster
 * chain of whatever event store the service has (JPA or Axon Server).
 */
@Component
@Order(0)
public class ComplaintRegisteredProductUpcaster extends SingleEventUpcaster {

    private static final String TYPE = ComplaintRegistered.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return TYPE.equals(representation.getType().getName()) && (revision == null || "1".equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String storedRevision = representation.getType().getRevision();
        byte[] stored = representation.getData(byte[].class).getData();
        return representation.upcast(new SimpleSerializedType(TYPE, ComplaintRegistered.REVISION), JsonNode.class,
                payload -> {
                    if (payload instanceof ObjectNode object && !object.hasNonNull("product")) {
                        object.put("product", ComplaintRegistered.UNKNOWN_PRODUCT);
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
