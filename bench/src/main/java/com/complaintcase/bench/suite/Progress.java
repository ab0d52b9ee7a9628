package com.complaintcase.bench.suite;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the suite is doing while it runs: a line every few seconds (and at each phase's start) with the phase, its
 * number among the run's phases, done/total in the phase's unit, the rate so far and the time left at that rate, e.g.
 * {@code [suite 0:03:12] 4/9 registrations, 16 clients: 6/12 s (50%), 98.3 registrations/s, about 0:00:06 left}.
 * A phase whose total is not known beforehand (waiting for projections) shows what it has done and, where given, a
 * detail (the app's last progress line).
 */
final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final long started;
    private final int phases;
    private final Thread printer;
    private volatile int phase;
    private volatile String name = "starting";
    private volatile String unit = "";
    private volatile long total;
    private volatile long phaseStarted;
    private volatile Supplier<String> detail = () -> null;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong rateCount = new AtomicLong();
    private volatile String rateUnit;

    Progress(PrintStream out, int phases, Duration every, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.phaseStarted = started;
        this.phases = phases;
        this.printer = every.isZero() ? null : new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
                out.println(line());
            }
        }, "suite-progress");
        if (printer != null) {
            printer.setDaemon(true);
            printer.start();
        }
    }

    /** A new phase of {@code total} {@code unit}s (0: not known); the rate is of {@code rateUnit}, where one is given. */
    void phase(String name, long total, String unit, String rateUnit) {
        this.phase++;
        this.name = name;
        this.total = total;
        this.unit = unit;
        this.rateUnit = rateUnit;
        this.detail = () -> null;
        this.done.set(0);
        this.rateCount.set(0);
        this.phaseStarted = nanoTime.getAsLong();
        out.println(line());
    }

    /** A timed phase: its done/total is seconds elapsed of its length. */
    void timed(String name, Duration length, String rateUnit) {
        phase(name, length.toSeconds(), "s", rateUnit);
        done.set(-1);
    }

    void done(long done) {
        this.done.set(done);
    }

    /** One more of what the rate counts (a registration answered, a query answered). */
    void count() {
        rateCount.incrementAndGet();
    }

    /** How many of what the rate counts so far, where the phase is told a total rather than each one. */
    void counted(long count) {
        rateCount.set(count);
    }

    void detail(Supplier<String> detail) {
        this.detail = detail;
    }

    String line() {
        long now = nanoTime.getAsLong();
        double phaseSeconds = (now - phaseStarted) / 1e9;
        long doneNow = done.get() < 0 ? Math.min(total, (long) phaseSeconds) : done.get();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[suite %s] %d/%d %s", clock((now - started) / 1e9),
                phase, phases, name));
        if (total > 0) {
            line.append(String.format(Locale.ROOT, ": %d/%d %s (%d%%)", doneNow, total, unit, doneNow * 100 / total));
        } else if (doneNow > 0) {
            line.append(String.format(Locale.ROOT, ": %d %s", doneNow, unit));
        }
        double rateOf = rateUnit != null ? rateCount.get() : doneNow;
        String rateName = rateUnit != null ? rateUnit : unit;
        if (phaseSeconds >= 1 && rateOf > 0 && !"s".equals(rateName)) {
            line.append(String.format(Locale.ROOT, ", %.1f %s/s", rateOf / phaseSeconds, rateName));
        }
        if (total > 0 && doneNow > 0 && doneNow < total) {
            double left = done.get() < 0 ? total - phaseSeconds : phaseSeconds * (total - doneNow) / doneNow;
            line.append(", about ").append(clock(left)).append(" left");
        }
        String more = detail.get();
        if (more != null && !more.isBlank()) {
            line.append(" | ").append(more.strip());
        }
        return line.toString();
    }

    private static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    @Override
    public void close() {
        if (printer != null) {
            printer.interrupt();
        }
        out.println(String.format(Locale.ROOT, "[suite %s] done", clock((nanoTime.getAsLong() - started) / 1e9)));
    }
}
