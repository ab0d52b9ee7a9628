package com.complaintcase.standalone.demo;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data's progress lines, on a clock the test moves (no waiting). */
class LoadProgressTest {

    /** A clock that stands still until the test moves it. */
    private static final class SteppedClock extends Clock {

        private Instant now = Instant.parse("2026-11-20T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final SteppedClock clock = new SteppedClock();

    @Test
    void a_line_every_tenth_with_rate_and_time_left_and_one_at_the_end() {
        LoadProgress progress = new LoadProgress("Demo data", 200, clock, Duration.ofMinutes(10));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            clock.advance(Duration.ofMillis(100)); // 10 cases/s
            progress.oneDone().ifPresent(lines::add);
        }
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("Demo data: 20/200 cases (10%), 10.0 cases/s, about 18 s left");
        assertThat(lines.get(2)).isEqualTo("Demo data: 60/200 cases (30%), 10.0 cases/s, about 14 s left");
        assertThat(lines.get(9)).isEqualTo("Demo data: 200/200 cases (100%), 10.0 cases/s, done in 20 s");
    }

    @Test
    void between_tenths_a_line_once_the_interval_has_passed_since_the_last() {
        LoadProgress progress = new LoadProgress("Demo data", 10_000, clock, Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(4));
        assertThat(progress.doneSoFar(40)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(progress.doneSoFar(50))
                .contains("Demo data: 50/10000 cases (0%), 10.0 cases/s, about 16 min 35 s left");
        clock.advance(Duration.ofSeconds(2));
        assertThat(progress.doneSoFar(70)).isEmpty();
        clock.advance(Duration.ofSeconds(3));
        assertThat(progress.doneSoFar(100))
                .contains("Demo data: 100/10000 cases (1%), 10.0 cases/s, about 16 min 30 s left");
    }

    @Test
    void hours_left_a_count_that_never_goes_back_and_nothing_for_an_empty_load() {
        LoadProgress progress = new LoadProgress("Demo copies", 100_000, clock, Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(10));
        assertThat(progress.doneSoFar(10))
                .contains("Demo copies: 10/100000 cases (0%), 1.0 cases/s, about 27 h 46 min left");
        clock.advance(Duration.ofSeconds(10));
        assertThat(progress.doneSoFar(5))
                .contains("Demo copies: 10/100000 cases (0%), 0.5 cases/s, about 55 h 33 min left");
        assertThat(LoadProgress.duration(Duration.ofSeconds(65))).isEqualTo("1 min 05 s");
        assertThat(new LoadProgress("Demo data", 0, clock, Duration.ofSeconds(1)).oneDone()).isEmpty();
    }
}
