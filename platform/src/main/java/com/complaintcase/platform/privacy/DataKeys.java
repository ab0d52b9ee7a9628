package com.complaintcase.platform.privacy;

import java.util.Optional;

/** Where the data subjects' keys are kept. */
public interface DataKeys {

    /** The key of {@code subject}, made and kept on first use. */
    DataKey keyFor(String subject);

    /** The key with this id, or empty once it was destroyed. */
    Optional<DataKey> byId(String keyId);
}
