package com.complaintcase.command.integrity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointPeriodsTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void an_hourly_period_is_the_hour_an_instant_falls_in() {
        CheckpointPeriods hourly = new CheckpointPeriods(Duration.ofHours(1), UTC);

        assertThat(hourly.periodOf(Instant.parse("2026-11-22T09:59:59.999Z")))
                .isEqualTo(period("2026-11-22T09:00:00Z", "2026-11-22T10:00:00Z"));
        assertThat(hourly.periodOf(Instant.parse("2026-11-22T10:00:00Z")).start()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void a_daily_period_is_the_day_in_the_zone() {
        CheckpointPeriods daily = new CheckpointPeriods(Duration.ofDays(1), ZoneId.of("Europe/Amsterdam"));

        assertThat(daily.periodOf(Instant.parse("2026-11-22T23:30:00Z")))
                .isEqualTo(period("2026-11-22T23:00:00Z", "2026-11-23T23:00:00Z"));
    }

    @Test
    void hours_follow_the_zones_day_a_day_of_25_hours_has_25_periods() {
        CheckpointPeriods hourly = new CheckpointPeriods(Duration.ofHours(1), ZoneId.of("Europe/Amsterdam"));

        assertThat(hourly.periodOf(Instant.parse("2026-10-25T22:30:00Z")))
                .isEqualTo(period("2026-10-25T22:00:00Z", "2026-10-25T23:00:00Z"));
        assertThat(hourly.periodOf(Instant.parse("2026-10-25T23:30:00Z")).start())
                .as("the next day's first hour").isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
    }

    @Test
    void hourly_checkpoints_are_recorded_five_minutes_into_every_hour() {
        CheckpointPeriods hourly = new CheckpointPeriods(Duration.ofHours(1), UTC);

        assertThat(hourly.nextRecording(Instant.parse("2026-11-22T09:03:00Z"), FIVE_MINUTES))
                .isEqualTo(Instant.parse("2026-11-22T09:05:00Z"));
        assertThat(hourly.nextRecording(Instant.parse("2026-11-22T09:05:00Z"), FIVE_MINUTES))
                .isEqualTo(Instant.parse("2026-11-22T10:05:00Z"));
    }

    @Test
    void daily_checkpoints_are_still_recorded_at_five_past_midnight() {
        CheckpointPeriods daily = new CheckpointPeriods(Duration.ofDays(1), UTC);

        assertThat(daily.nextRecording(Instant.parse("2026-11-22T09:03:00Z"), FIVE_MINUTES))
                .isEqualTo(Instant.parse("2026-11-23T00:05:00Z"));
    }

    @Test
    void an_interval_that_does_not_divide_a_day_is_refused() {
        for (Duration interval : new Duration[]{Duration.ofHours(7), Duration.ofDays(2), Duration.ofSeconds(30)}) {
            assertThatThrownBy(() -> new CheckpointPeriods(interval, UTC)).as("%s", interval)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("complaints.integrity.checkpoint.interval");
        }
    }

    @Test
    void the_checkpoint_id_names_the_period_in_utc() {
        assertThat(period("2026-11-22T09:00:00Z", "2026-11-22T10:00:00Z").checkpointId())
                .isEqualTo("integrity-checkpoint-2026-11-22T09:00:00Z/2026-11-22T10:00:00Z");
    }

    private static CheckpointPeriod period(String start, String end) {
        return new CheckpointPeriod(Instant.parse(start), Instant.parse(end));
    }
}
