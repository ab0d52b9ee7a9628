package com.complaintcase.standalone;

import com.complaintcase.verifier.Verifier;
import com.fasterxml.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a case's integrity the two ways a regulator can: the verification endpoint, and the offline verifier run
 * (in process) on the case's export; and alters the H2 event store's rows directly, as whoever tampers would.
 */
final class IntegrityProbe {

    private final RunningApplication app;
    private final Api api;
    private final Path exports;

    IntegrityProbe(RunningApplication app, Path exports) {
        this.app = app;
        this.api = app.api();
        this.exports = exports;
    }

    record Offline(int exitCode, String output) {
    }

    void assertBrokenAt(String id, long sequence, String kind) {
        JsonNode verification = verification(id);
        assertThat(verification.path("status").asText()).as("%s", verification).isEqualTo("BROKEN");
        assertThat(verification.path("breakAt").path("kind").asText()).as("%s", verification).isEqualTo(kind);
        assertThat(verification.path("breakAt").path("sequence").asLong()).as("%s", verification).isEqualTo(sequence);

        Offline offline = verifyExport(id);
        assertThat(offline.exitCode()).as(offline.output()).isEqualTo(Verifier.BROKEN);
        assertThat(offline.output()).contains("BROKEN at sequence " + sequence + ": " + kind);
    }

    JsonNode verification(String id) {
        ApiReply reply = api.as("compliance1").get("/api/cases/" + id + "/verification");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    Offline verifyExport(String id) {
        return runVerifier(exportOf(id));
    }

    Path exportOf(String id) {
        ApiReply reply = api.as("regulator1").get("/api/cases/" + id + "/export");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return written("case-" + id, reply.body());
    }

    Path written(String name, String content) {
        try {
            Path file = exports.resolve(name + "-" + UUID.randomUUID() + ".json");
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Offline runVerifier(Path bundle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Verifier.run(new String[]{bundle.toString()}, print, print);
        return new Offline(code, out.toString(StandardCharsets.UTF_8));
    }

    byte[] storedPayload(String id, long sequence) {
        try (Connection connection = app.bean(DataSource.class).getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = ?")) {
            select.setString(1, id);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement on the event store's database, outside the application; it must change a row. */
    void tamper(String sql, Object... parameters) {
        try (Connection connection = app.bean(DataSource.class).getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).as(sql).isPositive();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
