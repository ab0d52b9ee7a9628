package com.complaintcase.standalone;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls an asynchronous answer (the projections follow the event store on their own threads) until
 * it is what the test expects, within a bounded time; fails with the last answer seen.
 */
final class Eventually {

    static final Duration PROJECTION_DELAY = Duration.ofSeconds(10);

    private Eventually() {
    }

    static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        return await(what, PROJECTION_DELAY, probe, done);
    }

    static <T> T await(String what, Duration within, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what + "; last answer: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
