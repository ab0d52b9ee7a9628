package com.complaintcase.bench.suite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * Removes a processor's tokens from the stopped app's store, so that it starts with the processor settings it is
 * given (a tracking processor with one segment) instead of claiming the segments of the pooled one.
 */
final class DefaultProcessorTokens {

    private DefaultProcessorTokens() {
    }

    static void forget(Path dataDir, String processor) throws Exception {
        try (StoreServer server = StoreServer.start(dataDir);
             Connection connection = server.connect();
             PreparedStatement delete = connection.prepareStatement("delete from token_entry where processor_name = ?")) {
            delete.setString(1, processor);
            delete.executeUpdate();
        }
    }
}
