package com.complaintcase.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service started by {@link ScaleOutNode} in a JVM of its own on the test's class path, so that it can be killed
 * (SIGKILL: no shutdown hook, no graceful stop). Its output goes to {@code <name>.log} in the given directory.
 */
final class NodeProcess implements AutoCloseable {

    private static final String TEST_MASTER_KEY = "kS3lYc1pJ1o3Wc2m8vQeXo0cT6bH2yN5aR7uL4dF9gE=";

    private final String name;
    private final Process process;
    private final Path portFile;
    private final Path log;
    private Api api;

    private NodeProcess(String name, Process process, Path portFile, Path log) {
        this.name = name;
        this.process = process;
        this.portFile = portFile;
        this.log = log;
    }

    /** Starts {@code side} (command or query) on the database; {@code clockFile} may be null. */
    static NodeProcess start(String name, String side, Path directory, String jdbcUrl, Path clockFile, List<String> arguments) {
        Path portFile = directory.resolve(name + ".port");
        Path log = directory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true",
                "-cp", System.getProperty("java.class.path"),
                ScaleOutNode.class.getName(), side, portFile.toString(),
                clockFile == null ? "-" : clockFile.toString(),
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--complaints.security.demo-password=" + Api.DEMO_PASSWORD,
                "--complaints.privacy.master-key=" + TEST_MASTER_KEY,
                "--spring.main.banner-mode=off",
                "--logging.structured.format.console="));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new NodeProcess(name, process, portFile, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until the service answers on its port, or fails with the end of its log if it died or took too long. */
    NodeProcess awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!Files.exists(portFile)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " not ready within " + within + ":\n" + logTail());
            }
            pause();
        }
        try {
            api = new Api(URI.create("http://localhost:" + Files.readString(portFile).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Api api() {
        return api;
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " still running 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while killing " + name, e);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
