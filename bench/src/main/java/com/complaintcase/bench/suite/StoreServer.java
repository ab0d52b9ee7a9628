package com.complaintcase.bench.suite;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server of a stopped app's data directory ({@code <data-dir>/postgres}), started from the same
 * embedded binaries with the same durability settings as the app's, for the phases that need the database without
 * the app. Its log is appended to the app's ({@code <data-dir>/postgres.log}).
 */
final class StoreServer implements AutoCloseable {

    static final String DATABASE = "complaints";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private StoreServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server on the data directory's store; makes the store (and its database) if there is none. */
    static StoreServer start(Path dataDir) throws IOException {
        Path directory = dataDir.toAbsolutePath().resolve("postgres");
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("timezone", "UTC")
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
        StoreServer server = new StoreServer(postgres);
        try {
            server.createDatabaseIfMissing();
        } catch (SQLException e) {
            server.close();
            throw new IllegalStateException("could not make the database " + DATABASE, e);
        }
        return server;
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** A database of its own on this server (for the plain-Axon peer), made afresh. */
    String freshDatabase(String name) throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name);
            sql.execute("create database " + name + " encoding 'UTF8'");
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(postgres.getPort()), USER, "");
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("create database " + DATABASE + " encoding 'UTF8'");
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
