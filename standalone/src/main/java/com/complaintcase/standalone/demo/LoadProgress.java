package com.complaintcase.standalone.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a demo-data load is: a line when another tenth of the cases is done, when {@code every} has passed since
 * the last line, and at the end, e.g. {@code Demo data: 600/2000 cases (30%), 12.4 cases/s, about 1 min 53 s left}.
 * The rate is the cases done so far over the time since the start; the time left assumes it holds. Safe to call from
 * several threads.
 */
final class LoadProgress {

    private final String what;
    private final int total;
    private final Clock clock;
    private final Duration every;
    private final Instant started;
    private Instant lastLine;
    private int lastTenth;
    private int done;

    LoadProgress(String what, int total, Clock clock, Duration every) {
        this.what = what;
        this.total = total;
        this.clock = clock;
        this.every = every;
        this.started = clock.instant();
        this.lastLine = started;
    }

    /** One more case done: the line to show, when one is due. */
    synchronized Optional<String> oneDone() {
        return doneSoFar(done + 1);
    }

    /** {@code count} cases done in all (never fewer than before): the line to show, when one is due. */
    synchronized Optional<String> doneSoFar(int count) {
        done = Math.max(done, Math.min(count, total));
        Instant now = clock.instant();
        int tenth = total == 0 ? 10 : (int) (10L * done / total);
        boolean due = done == total || tenth > lastTenth || !now.isBefore(lastLine.plus(every));
        if (!due || total == 0) {
            return Optional.empty();
        }
        lastTenth = tenth;
        lastLine = now;
        return Optional.of(line(now));
    }

    private String line(Instant now) {
        Duration elapsed = Duration.between(started, now);
        double seconds = elapsed.toNanos() / 1e9;
        StringBuilder line = new StringBuilder(what).append(": ").append(done).append('/').append(total)
                .append(" cases (").append(100L * done / total).append("%)");
        if (seconds > 0 && done > 0) {
            double rate = done / seconds;
            line.append(", ").append(String.format(java.util.Locale.ROOT, "%.1f", rate)).append(" cases/s");
            if (done < total) {
                line.append(", about ").append(duration(Duration.ofMillis(Math.round((total - done) / rate * 1000))))
                        .append(" left");
            }
        }
        if (done == total) {
            line.append(", done in ").append(duration(elapsed));
        }
        return line.toString();
    }

    /** "42 s", "1 min 05 s", "2 h 03 min". */
    static String duration(Duration duration) {
        long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(java.util.Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
