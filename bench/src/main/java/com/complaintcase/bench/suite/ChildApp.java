package com.complaintcase.bench.suite;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone app as a child process of the suite: its own data directory, a free port for HTTP and another for
 * its embedded PostgreSQL server (so that the suite can reach the store with plain JDBC while the app runs), its log
 * in a file.
 */
final class ChildApp implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final int databasePort;

    private ChildApp(Process process, Path log, int port, int databasePort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.databasePort = databasePort;
    }

    static ChildApp start(Path jar, Path dataDir, String heap, Path log, List<String> arguments) throws IOException {
        return start(jar, dataDir, heap, log, arguments, freePort());
    }

    /** With the database on the given port, as a configured port is, the same at every start. */
    static ChildApp start(Path jar, Path dataDir, String heap, Path log, List<String> arguments, int databasePort)
            throws IOException {
        int port = freePort();
        while (port == databasePort) {
            port = freePort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap, "-jar", jar.toString(),
                "--server.port=" + port, "--complaints.data-dir=" + dataDir.toAbsolutePath(),
                "--complaints.embedded-database.port=" + databasePort,
                "--logging.structured.format.console=", "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        ChildApp app = new ChildApp(process, log, port, databasePort);
        try {
            app.awaitLog("Started StandaloneApplication", Duration.ofMinutes(3));
        } catch (RuntimeException notStarted) {
            process.destroyForcibly();
            throw notStarted;
        }
        return app;
    }

    /**
     * The plain-Axon peer ({@code bench-peer}) on the given database: its own HTTP port, Spring Boot's and Axon's
     * defaults otherwise.
     */
    static ChildApp startPeer(Path jar, String jdbcUrl, String heap, Path log) throws IOException {
        int port = freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", jar.toString(), "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl,
                "--spring.main.banner-mode=off");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        ChildApp app = new ChildApp(process, log, port, -1);
        try {
            app.awaitLog("Started PeerApplication", Duration.ofMinutes(3));
        } catch (RuntimeException notStarted) {
            process.destroyForcibly();
            throw notStarted;
        }
        return app;
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** The app's database while it runs (user {@code postgres}, no password on localhost). */
    String jdbcUrl() {
        return StoreServer.jdbcUrl(databasePort);
    }

    long pid() {
        return process.pid();
    }

    /**
     * {@code kill -9} of the app's JVM: nothing of it runs any more, its shutdown hooks included; the PostgreSQL
     * server it started is left running, for the next start on the data directory to find.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the app (pid " + process.pid() + ") did not die of SIGKILL within 30 s");
        }
    }

    /** Waits until the log has a line matching {@code pattern}; answers its first group (or the whole match). */
    String awaitLog(String pattern, Duration timeout) throws IOException {
        Pattern wanted = Pattern.compile(pattern);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher matcher = wanted.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (matcher.find()) {
                    return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the app stopped (exit " + process.exitValue() + "); see " + log);
            }
            sleep(250);
        }
        throw new IllegalStateException("no line matching '" + pattern + "' in " + log + " within " + timeout);
    }

    /** The app's last log line that contains {@code text}, or null. */
    String lastLogLine(String text) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(text)) {
                    String line = lines.get(i);
                    return line.substring(Math.max(0, line.indexOf(text)));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        return null;
    }

    /** The process's peak resident memory (VmHWM) in MiB, from /proc; -1 where there is none. */
    double peakResidentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024d;
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        // a clean stop lets the app stop its PostgreSQL server, which the next phase starts on the same directory
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
