package com.complaintcase.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Data keys derived from the subject's name alone: the same subject always encrypts to the same text. */
public final class FixedDataKeys implements DataKeys {

    @Override
    public DataKey keyFor(String subject) {
        return new DataKey("fixed-" + Integer.toHexString(subject.hashCode()), subject,
                ("fixed key of " + subject + "                                ").substring(0, 32)
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<DataKey> byId(String keyId) {
        return Optional.empty();
    }
}
