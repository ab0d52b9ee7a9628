package com.complaintcase.standalone;

import com.complaintcase.command.CommandSideApplication;
import com.complaintcase.query.QuerySideApplication;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * One service in a JVM of its own, for tests that kill it: {@code command|query <port file> <clock file|-> <arguments>}.
 * It writes its HTTP port to the port file once it is ready. With a clock file, the service's clock (and Axon's event
 * timestamps) run with the system clock shifted by the ISO duration the file holds, so a test can let a day pass.
 */
public final class ScaleOutNode {

    private ScaleOutNode() {
    }

    public static void main(String[] args) throws IOException {
        haltWhenTheParentIsGone();
        SpringApplicationBuilder application = switch (args[0]) {
            case "command" -> CommandSideApplication.application();
            case "query" -> QuerySideApplication.application();
            default -> throw new IllegalArgumentException("command or query, not " + args[0]);
        };
        Path portFile = Path.of(args[1]);
        if (!args[2].equals("-")) {
            Clock clock = new FileOffsetClock(Path.of(args[2]));
            application.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock));
            GenericEventMessage.clock = clock;
        }
        ConfigurableApplicationContext context = application.run(Arrays.copyOfRange(args, 3, args.length));
        Path written = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(written, context.getEnvironment().getRequiredProperty("local.server.port"));
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The test holds this process's standard input open: at its end the test's JVM is gone, and so is this one. */
    private static void haltWhenTheParentIsGone() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is ever sent
                }
            } catch (IOException e) {
                // the same: the parent is gone
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The system clock shifted by the duration in a file, read again every 50 ms. */
    static final class FileOffsetClock extends Clock {

        private final Clock system = Clock.systemUTC();
        private volatile Duration offset = Duration.ZERO;

        FileOffsetClock(Path file) {
            Thread reader = new Thread(() -> {
                while (true) {
                    try {
                        if (Files.exists(file)) {
                            offset = Duration.parse(Files.readString(file).trim());
                        }
                        Thread.sleep(50);
                    } catch (IOException | RuntimeException e) {
                        // a file being written: read it again next time
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "clock-file");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public Instant instant() {
            return system.instant().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            if (ZoneOffset.UTC.equals(zone)) {
                return this;
            }
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
