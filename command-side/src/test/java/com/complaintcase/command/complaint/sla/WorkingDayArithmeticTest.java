package com.complaintcase.command.complaint.sla;

import com.complaintcase.calendar.BusinessCalendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static com.complaintcase.command.complaint.sla.Calendars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working days and clock hours on a {@link BusinessCalendar} (domain brief, section 6). */
class WorkingDayArithmeticTest {

    @Test
    void weekdays_are_working_days_and_weekend_days_and_holidays_are_not() {
        assertThat(ENGLAND.isWorkingDay(LocalDate.parse("2026-03-06"))).as("Friday").isTrue();
        assertThat(ENGLAND.isWorkingDay(LocalDate.parse("2026-03-07"))).as("Saturday").isFalse();
        assertThat(ENGLAND.isWorkingDay(LocalDate.parse("2026-03-08"))).as("Sunday").isFalse();
        assertThat(ENGLAND.isWorkingDay(LocalDate.parse("2026-04-03"))).as("Good Friday").isFalse();
    }

    @Test
    void working_days_skip_the_weekend_and_keep_the_local_time_of_day() {
        Instant fridayAfternoon = at("2026-03-06T15:00", LONDON);

        assertThat(ENGLAND.plusWorkingDays(fridayAfternoon, 1)).isEqualTo(at("2026-03-09T15:00", LONDON));
        assertThat(ENGLAND.plusWorkingDays(fridayAfternoon, 5)).isEqualTo(at("2026-03-13T15:00", LONDON));
    }

    @Test
    void working_days_skip_a_holiday_in_the_middle_of_the_week() {
        Instant tuesdayBeforeVeteransDay = at("2026-11-10T10:00", NEW_YORK);

        assertThat(UNITED_STATES.plusWorkingDays(tuesdayBeforeVeteransDay, 1))
                .isEqualTo(at("2026-11-12T10:00", NEW_YORK));
    }

    @Test
    void working_days_skip_holidays_that_adjoin_the_weekend() {
        Instant thursdayBeforeGoodFriday = at("2026-04-02T14:00", LONDON);
        Instant dayBeforeNationalDay = at("2026-09-30T09:00", SHANGHAI);

        assertThat(ENGLAND.plusWorkingDays(thursdayBeforeGoodFriday, 1))
                .as("Good Friday, the weekend and Easter Monday are skipped")
                .isEqualTo(at("2026-04-07T14:00", LONDON));
        assertThat(CHINA.plusWorkingDays(dayBeforeNationalDay, 1))
                .as("the National Day week, its weekend included, is skipped")
                .isEqualTo(at("2026-10-08T09:00", SHANGHAI));
    }

    @Test
    void a_make_up_working_day_on_a_weekend_counts_as_a_working_day() {
        LocalDate makeUpSaturday = LocalDate.parse("2026-02-14");

        assertThat(CHINA.isWorkingDay(makeUpSaturday)).isTrue();
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-02-07"))).as("an ordinary Saturday").isFalse();
        assertThat(CHINA.plusWorkingDays(at("2026-02-13T10:00", SHANGHAI), 1))
                .as("Friday plus one working day is the make-up Saturday")
                .isEqualTo(at("2026-02-14T10:00", SHANGHAI));
        assertThat(CHINA.plusWorkingDays(at("2026-02-13T10:00", SHANGHAI), 2))
                .as("then the Spring Festival, 15 to 23 February, is skipped")
                .isEqualTo(at("2026-02-24T10:00", SHANGHAI));
        assertThat(CHINA.plusWorkingDays(at("2026-02-27T10:00", SHANGHAI), 1))
                .isEqualTo(at("2026-02-28T10:00", SHANGHAI));
    }

    @Test
    void a_clock_started_on_a_holiday_starts_at_the_beginning_of_the_next_working_day() {
        Instant nationalDayAfternoon = at("2026-10-01T15:00", SHANGHAI);

        assertThat(CHINA.plusWorkingDays(nationalDayAfternoon, 0))
                .as("the clock starts when Thursday 8 October begins")
                .isEqualTo(at("2026-10-08T00:00", SHANGHAI));
        assertThat(CHINA.plusWorkingDays(nationalDayAfternoon, 1))
                .as("one working day: all of 8 October")
                .isEqualTo(at("2026-10-09T00:00", SHANGHAI));
        assertThat(CHINA.plusWorkingDays(nationalDayAfternoon, 2))
                .as("the make-up Saturday 10 October counts")
                .isEqualTo(at("2026-10-10T00:00", SHANGHAI));
    }

    @Test
    void a_clock_started_on_a_weekend_starts_at_the_beginning_of_monday() {
        Instant saturdayAfternoon = at("2026-03-07T15:00", LONDON);

        assertThat(ENGLAND.plusWorkingDays(saturdayAfternoon, 1)).isEqualTo(at("2026-03-10T00:00", LONDON));
    }

    @Test
    void a_later_start_never_gives_an_earlier_result() {
        Instant lateFriday = ENGLAND.plusWorkingDays(at("2026-03-06T23:59", LONDON), 1);
        Instant earlySaturday = ENGLAND.plusWorkingDays(at("2026-03-07T00:00", LONDON), 1);

        assertThat(lateFriday).isEqualTo(at("2026-03-09T23:59", LONDON));
        assertThat(earlySaturday).isAfter(lateFriday);
    }

    @Test
    void zero_working_days_from_a_working_day_is_the_start_itself() {
        Instant start = at("2026-03-04T11:22", LONDON);

        assertThat(ENGLAND.plusWorkingDays(start, 0)).isEqualTo(start);
    }

    @Test
    void a_negative_number_of_working_days_is_refused() {
        assertThatThrownBy(() -> ENGLAND.plusWorkingDays(at("2026-03-04T11:00", LONDON), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void working_days_after_a_date_count_only_the_days_after_it() {
        LocalDate saturday = LocalDate.parse("2026-03-07");

        assertThat(ENGLAND.plusWorkingDays(saturday, 0)).isEqualTo(saturday);
        assertThat(ENGLAND.plusWorkingDays(saturday, 1)).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(ENGLAND.firstWorkingDayOnOrAfter(saturday)).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(ENGLAND.firstWorkingDayOnOrAfter(LocalDate.parse("2026-03-09")))
                .isEqualTo(LocalDate.parse("2026-03-09"));
    }

    @Test
    void an_instant_late_in_utc_is_already_the_next_day_in_shanghai() {
        Instant lateOn30SeptemberUtc = Instant.parse("2026-09-30T17:30:00Z");

        assertThat(CHINA.localDate(lateOn30SeptemberUtc)).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(CHINA.isWorkingDay(CHINA.localDate(lateOn30SeptemberUtc))).as("National Day").isFalse();
        assertThat(CHINA.plusWorkingDays(lateOn30SeptemberUtc, 1))
                .as("received on National Day in Shanghai: all of 8 October, due when 9 October begins there")
                .isEqualTo(Instant.parse("2026-10-08T16:00:00Z"));

        BusinessCalendar sameDaysInUtc = new BusinessCalendar(ZoneOffset.UTC, CHINA.weekend(), CHINA.holidays(),
                CHINA.workingDayExceptions());
        assertThat(sameDaysInUtc.plusWorkingDays(lateOn30SeptemberUtc, 1))
                .as("read in UTC it would be a working Wednesday, and the limit another instant")
                .isEqualTo(Instant.parse("2026-10-08T17:30:00Z"));
    }

    @Test
    void friday_evening_in_utc_is_already_saturday_in_shanghai() {
        Instant fridayEveningUtc = Instant.parse("2026-03-06T20:00:00Z");

        assertThat(CHINA.plusWorkingDays(fridayEveningUtc, 1))
                .as("Saturday 04:00 in Shanghai: the clock starts Monday, due when Tuesday begins")
                .isEqualTo(at("2026-03-10T00:00", SHANGHAI))
                .isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
    }

    @Test
    void the_local_time_of_day_is_kept_across_a_daylight_saving_change() {
        Instant fridayMorning = at("2026-03-06T10:00", NEW_YORK);

        Instant due = UNITED_STATES.plusWorkingDays(fridayMorning, 1);

        assertThat(due).isEqualTo(at("2026-03-09T10:00", NEW_YORK)).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
        assertThat(Duration.between(fridayMorning, due)).as("clocks went forward on Sunday 8 March")
                .isEqualTo(Duration.ofHours(71));
    }

    @Test
    void clock_hours_run_through_weekends_and_holidays() {
        assertThat(CHINA.plusHours(at("2026-09-30T12:00", SHANGHAI), Duration.ofHours(48)))
                .isEqualTo(at("2026-10-02T12:00", SHANGHAI));
        assertThatThrownBy(() -> CHINA.plusHours(Instant.EPOCH, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_date_cannot_be_both_a_holiday_and_a_make_up_working_day() {
        assertThatThrownBy(() -> new BusinessCalendar(SHANGHAI, SAT_SUN, dates("2026-02-14"), dates("2026-02-14")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-02-14");
    }

    @Test
    void a_make_up_working_day_must_fall_on_a_weekend_day() {
        assertThatThrownBy(() -> new BusinessCalendar(SHANGHAI, SAT_SUN, Set.of(), dates("2026-02-13")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-02-13");
    }

    @Test
    void a_weekend_of_all_seven_days_is_refused() {
        assertThatThrownBy(() -> BusinessCalendar.weekendsOnly(LONDON, EnumSet.allOf(DayOfWeek.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_calendar_is_immutable() {
        Set<LocalDate> holidays = new HashSet<>(dates("2026-04-03"));
        BusinessCalendar calendar = new BusinessCalendar(LONDON, SAT_SUN, holidays, Set.of());

        holidays.add(LocalDate.parse("2026-04-06"));

        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-04-06"))).isTrue();
        assertThatThrownBy(() -> calendar.holidays().add(LocalDate.parse("2026-04-07")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
