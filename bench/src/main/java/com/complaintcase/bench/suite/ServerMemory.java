package com.complaintcase.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The resident memory of the PostgreSQL server of a data directory: the proportional set size (Pss, shared pages
 * divided among the processes that map them, so the shared buffers count once) of the postmaster and all its
 * processes, summed; sampled every second in the background, the peak kept.
 */
final class ServerMemory implements AutoCloseable {

    private final Path postmasterPid;
    private final Thread sampler;
    private volatile double peakMiB = -1;

    ServerMemory(Path dataDir) {
        this.postmasterPid = dataDir.resolve("postgres/postmaster.pid");
        this.sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakMiB = Math.max(peakMiB, nowMiB());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }, "database-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    double peakMiB() {
        return Latencies.round(Math.max(peakMiB, nowMiB()));
    }

    /** The server's processes' Pss now, in MiB; -1 when no server runs on the directory. */
    double nowMiB() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
            List<Long> processes = new ArrayList<>(List.of(postmaster));
            try (Stream<Path> all = Files.list(Path.of("/proc"))) {
                for (Path process : all.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    if (parent(process) == postmaster) {
                        processes.add(Long.parseLong(process.getFileName().toString()));
                    }
                }
            }
            long kib = 0;
            for (long pid : processes) {
                kib += pssKiB(pid);
            }
            return kib / 1024d;
        } catch (IOException | RuntimeException none) {
            return -1;
        }
    }

    private static long parent(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    private static long pssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
