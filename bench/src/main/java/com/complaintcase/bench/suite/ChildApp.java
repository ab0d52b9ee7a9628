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

/** The standalone app as a child process of the suite: its own data directory, a free port, its log in a file. */
final class ChildApp implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ChildApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ChildApp start(Path jar, Path dataDir, String heap, Path log, List<String> arguments) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap, "-jar", jar.toString(),
                "--server.port=" + port, "--complaints.data-dir=" + dataDir.toAbsolutePath(),
                "--logging.structured.format.console=", "--spring.main.banner-mode=off",
                // a query asked again of a database nobody writes to would be answered from H2's last result
                "--complaints.h2.more-settings=;OPTIMIZE_REUSE_RESULTS=FALSE"));
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        ChildApp app = new ChildApp(process, log, port);
        app.awaitLog("Started StandaloneApplication", Duration.ofMinutes(3));
        return app;
    }

    String url() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
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
        process.destroy();
        // H2 closes a store of gigabytes slowly; a process killed while it writes may leave the file unreadable
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
