package com.complaintcase.platform.privacy;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Data keys kept in a map: the edge of the serializer's unit tests. */
public final class InMemoryDataKeys implements DataKeys {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, DataKey> bySubject = new ConcurrentHashMap<>();

    @Override
    public DataKey keyFor(String subject) {
        return bySubject.computeIfAbsent(subject, s -> {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            return new DataKey("k" + bySubject.size() + "-" + random.nextInt(1_000_000), s, secret);
        });
    }

    @Override
    public Optional<DataKey> byId(String keyId) {
        return bySubject.values().stream().filter(key -> key.id().equals(keyId)).findFirst();
    }

    void destroy(String subject) {
        bySubject.remove(subject);
    }
}
