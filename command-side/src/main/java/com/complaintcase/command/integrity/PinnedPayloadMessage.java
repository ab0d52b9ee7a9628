package com.complaintcase.command.integrity;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.Map;

/**
 * A message whose payload, for the event serializer, is the serialized form its hash was taken of: the event store
 * stores exactly those bytes instead of serializing the payload again (a serializer that encrypts with a fresh
 * nonce would give other bytes each time).
 */
final class PinnedPayloadMessage<T> implements Message<T> {

    private final Message<T> delegate;
    private final Serializer serializer;
    private final SerializedObject<byte[]> payload;

    PinnedPayloadMessage(Message<T> delegate, Serializer serializer, SerializedObject<byte[]> payload) {
        this.delegate = delegate;
        this.serializer = serializer;
        this.payload = payload;
    }

    @Override
    public String getIdentifier() {
        return delegate.getIdentifier();
    }

    @Override
    public MetaData getMetaData() {
        return delegate.getMetaData();
    }

    @Override
    public T getPayload() {
        return delegate.getPayload();
    }

    @Override
    public Class<T> getPayloadType() {
        return delegate.getPayloadType();
    }

    @Override
    public Message<T> withMetaData(Map<String, ?> metaData) {
        return new PinnedPayloadMessage<>(delegate.withMetaData(metaData), serializer, payload);
    }

    @Override
    public Message<T> andMetaData(Map<String, ?> metaData) {
        return new PinnedPayloadMessage<>(delegate.andMetaData(metaData), serializer, payload);
    }

    @Override
    public <R> SerializedObject<R> serializePayload(Serializer serializer, Class<R> expectedRepresentation) {
        if (this.serializer.equals(serializer)) {
            return serializer.getConverter().convert(payload, expectedRepresentation);
        }
        return delegate.serializePayload(serializer, expectedRepresentation);
    }

    @Override
    public <R> SerializedObject<R> serializeMetaData(Serializer serializer, Class<R> expectedRepresentation) {
        return delegate.serializeMetaData(serializer, expectedRepresentation);
    }
}
