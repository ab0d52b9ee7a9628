package com.complaintcase.standalone.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL server on real binaries: what a start finds in the data directory, and what it does. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    private EmbeddedDatabaseProperties properties() {
        return new EmbeddedDatabaseProperties(true, dataDir.resolve("postgres"), 0, "complaints",
                Duration.ofMinutes(2), Duration.ofSeconds(30));
    }

    @Test
    void a_first_start_makes_the_data_directory_and_the_database_and_every_commit_is_flushed_to_disk() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties())) {
            assertThat(dataDir.resolve("postgres/PG_VERSION")).content().isEqualToIgnoringNewLines("17");
            assertThat(dataDir.resolve("postgres.initialising")).doesNotExist();
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                 Statement statement = connection.createStatement()) {
                assertThat(setting(statement, "current_database()")).isEqualTo("complaints");
                assertThat(setting(statement, "current_setting('fsync')")).isEqualTo("on");
                assertThat(setting(statement, "current_setting('synchronous_commit')")).isEqualTo("on");
                assertThat(setting(statement, "current_setting('full_page_writes')")).isEqualTo("on");
                assertThat(setting(statement, "current_setting('listen_addresses')")).isEqualTo("localhost");
            }
        }
    }

    @Test
    void what_was_committed_is_there_after_a_stop_and_a_start() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties())) {
            execute(server, "create table kept (n int)", "insert into kept values (1)");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties())) {
            assertThat(count(server, "kept")).isEqualTo(1);
        }
    }

    @Test
    void a_server_left_running_by_a_killed_run_is_stopped_and_what_it_committed_is_kept() throws Exception {
        long leftover = killedRun(0);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties())) {
            assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(count(server, "kept")).isEqualTo(1);
        }
    }

    @Test
    void a_server_left_running_on_the_configured_port_is_stopped_and_the_port_taken_again() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        long leftover = killedRun(port);
        EmbeddedDatabaseProperties onTheSamePort = new EmbeddedDatabaseProperties(true, properties().directory(),
                port, "complaints", Duration.ofMinutes(2), Duration.ofSeconds(30));

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(onTheSamePort)) {
            assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(server.port()).isEqualTo(port);
            assertThat(count(server, "kept")).isEqualTo(1);
        }
    }

    /** A run on the port (0: any) that commits a row and is killed; answers the process id of the server it leaves. */
    private long killedRun(int port) throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledRun.class.getName(),
                properties().directory().toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals(KilledRun.COMMITTED));
            assertThat(line).as("the run reports its commit").isEqualTo(KilledRun.COMMITTED);
        }
        run.destroyForcibly();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long leftover = Long.parseLong(Files.readAllLines(properties().directory().resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive)).as("the killed run's server").contains(true);
        return leftover;
    }

    @Test
    void a_second_instance_on_the_same_data_directory_is_refused() throws Exception {
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(properties())) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(properties()))
                    .isInstanceOf(EmbeddedDatabaseRefused.class)
                    .hasMessageContaining("Another running instance of this application uses the data directory");
            assertThat(count(running, "pg_database")).isPositive();
        }
    }

    @Test
    void the_h2_store_of_an_earlier_version_is_refused_and_left_as_it_is() throws IOException {
        Files.writeString(dataDir.resolve("complaints.mv.db"), "an H2 store");

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(properties()))
                .isInstanceOf(EmbeddedDatabaseRefused.class)
                .hasMessageContaining("is the H2 store of an earlier version")
                .hasMessageContaining("Nothing was changed");
        try (var entries = Files.list(dataDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("complaints.mv.db");
        }
    }

    @Test
    void a_directory_that_is_not_a_postgresql_data_directory_is_refused() throws IOException {
        Files.createDirectories(properties().directory());
        Files.writeString(properties().directory().resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(properties()))
                .isInstanceOf(EmbeddedDatabaseRefused.class)
                .hasMessageContaining("is not a PostgreSQL data directory");
        assertThat(properties().directory().resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void the_data_of_another_postgresql_major_version_is_refused() throws IOException {
        Files.createDirectories(properties().directory());
        Files.writeString(properties().directory().resolve("PG_VERSION"), "16\n");

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(properties()))
                .isInstanceOf(EmbeddedDatabaseRefused.class)
                .hasMessageContaining("holds the data of PostgreSQL 16")
                .hasMessageContaining("runs PostgreSQL 17");
    }

    @Test
    void a_configured_port_in_use_is_refused_with_its_setting_named() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedDatabaseProperties onTakenPort = new EmbeddedDatabaseProperties(true, properties().directory(),
                    taken.getLocalPort(), "complaints", Duration.ofMinutes(2), Duration.ofSeconds(30));

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(onTakenPort))
                    .isInstanceOf(EmbeddedDatabaseRefused.class)
                    .hasMessageContaining("complaints.embedded-database.port");
        }
    }

    private static String setting(Statement statement, String expression) throws SQLException {
        try (ResultSet row = statement.executeQuery("select " + expression)) {
            row.next();
            return row.getString(1);
        }
    }

    static void execute(EmbeddedPostgresServer server, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(EmbeddedPostgresServer server, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A run that starts the server, commits a row, says so, and waits to be killed. */
    public static final class KilledRun {

        static final String COMMITTED = "committed";

        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(true,
                    Path.of(args[0]), Integer.parseInt(args[1]), "complaints", Duration.ofMinutes(2), Duration.ofSeconds(30)));
            execute(server, "create table kept (n int)", "insert into kept values (1)");
            System.out.println(COMMITTED);
            System.out.flush();
            Thread.sleep(600_000L);
        }
    }
}
