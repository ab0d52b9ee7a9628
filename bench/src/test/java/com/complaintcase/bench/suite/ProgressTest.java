package com.complaintcase.bench.suite;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    private final AtomicLong now = new AtomicLong();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Progress progress = new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8), 9,
            Duration.ZERO, now::get);

    @Test
    void a_counted_phase_shows_done_of_total_the_rate_and_the_time_left_at_that_rate() {
        progress.phase("rebuild", 10_000, "events", null);
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        progress.done(2_500);

        assertThat(progress.line()).isEqualTo(
                "[suite 0:00:20] 1/9 rebuild: 2500/10000 events (25%), 125.0 events/s, about 0:01:00 left");
    }

    @Test
    void a_timed_phase_shows_seconds_of_its_length_and_the_rate_of_what_it_counts() {
        progress.phase("load", 0, "", null);
        progress.timed("registrations, 16 clients", Duration.ofSeconds(12), "registrations");
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        for (int i = 0; i < 300; i++) {
            progress.count();
        }

        assertThat(progress.line()).isEqualTo(
                "[suite 0:00:03] 2/9 registrations, 16 clients: 3/12 s (25%), 100.0 registrations/s, about 0:00:09 left");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("[suite 0:00:00] 2/9 registrations, 16 clients");
    }

    @Test
    void a_phase_of_unknown_length_shows_the_detail_it_is_given() {
        progress.phase("demo data", 0, "", null);
        progress.detail(() -> "Demo data, bulk copies: 600/2000 cases (30%)");

        assertThat(progress.line()).isEqualTo("[suite 0:00:00] 1/9 demo data | Demo data, bulk copies: 600/2000 cases (30%)");
    }
}
