package com.complaintcase.platform.messaging;

import org.axonframework.common.IdentifierFactory;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for every message, event and correlation id, each thread drawing from a strong generator
 * of its own. {@link UUID#randomUUID()}, Axon's default, draws from one generator shared by the whole process behind
 * a lock: measured under load, request threads queued on it several times per command (a command, its events, its
 * deadlines, its result and the request's correlation id each take one). Registered for Axon through
 * {@code META-INF/services}.
 */
public final class RandomIdentifiers extends IdentifierFactory {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RandomIdentifiers::generator);

    @Override
    public String generateIdentifier() {
        return next().toString();
    }

    /** A new random UUID (version 4, IETF variant), as {@link UUID#randomUUID()} makes it. */
    public static UUID next() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low);
    }

    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
