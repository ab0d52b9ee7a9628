package com.complaintcase.command.complaint.sla;

import com.complaintcase.calendar.BusinessCalendars;
import com.complaintcase.calendar.BusinessCalendar;
import com.complaintcase.calendar.InvalidCalendarFileException;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static com.complaintcase.command.complaint.sla.Calendars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar file format: holidays, make-up working days, comments, and errors that name file and line. */
class CalendarFileLoaderTest {

    private static BusinessCalendar load(String content) {
        return BusinessCalendars.load("TEST.txt", new StringReader(content), SHANGHAI, SAT_SUN);
    }

    private static InvalidCalendarFileException loadFailure(String content) {
        return (InvalidCalendarFileException) org.assertj.core.api.Assertions.catchThrowable(() -> load(content));
    }

    @Test
    void a_file_holds_holidays_make_up_working_days_comments_and_blank_lines() {
        BusinessCalendar calendar = load("""
                # Spring Festival 2026

                2026-02-14 workday
                2026-02-17        # Lunar New Year's Day
                   2026-02-18\t
                # end
                """);

        assertThat(calendar.zone()).isEqualTo(SHANGHAI);
        assertThat(calendar.weekend()).isEqualTo(SAT_SUN);
        assertThat(calendar.holidays()).containsExactlyInAnyOrder(
                LocalDate.parse("2026-02-17"), LocalDate.parse("2026-02-18"));
        assertThat(calendar.workingDayExceptions()).containsExactly(LocalDate.parse("2026-02-14"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
    }

    @Test
    void an_empty_file_is_a_calendar_of_weekends_only() {
        assertThat(load("# nothing yet\n")).isEqualTo(BusinessCalendar.weekendsOnly(SHANGHAI, SAT_SUN));
    }

    @Test
    void a_malformed_date_fails_naming_the_file_and_the_line() {
        InvalidCalendarFileException failure = loadFailure("""
                # header
                2026-10-01

                2026-13-01
                """);

        assertThat(failure).hasMessage("TEST.txt line 4: '2026-13-01' is not a date YYYY-MM-DD");
        assertThat(failure.file()).isEqualTo("TEST.txt");
        assertThat(failure.line()).isEqualTo(4);
    }

    @Test
    void an_impossible_or_non_iso_date_fails() {
        assertThat(loadFailure("2026-02-30\n")).hasMessageStartingWith("TEST.txt line 1: '2026-02-30'");
        assertThat(loadFailure("2026-1-01\n")).hasMessageStartingWith("TEST.txt line 1: '2026-1-01'");
        assertThat(loadFailure("01/10/2026\n")).hasMessageStartingWith("TEST.txt line 1: '01/10/2026'");
    }

    @Test
    void a_word_other_than_workday_fails_naming_the_line() {
        assertThat(loadFailure("2026-10-01\n2026-02-14 holiday\n"))
                .hasMessage("TEST.txt line 2: expected 'YYYY-MM-DD' or 'YYYY-MM-DD workday', found"
                        + " '2026-02-14 holiday'");
        assertThat(loadFailure("2026-02-14 workday extra\n").line()).isEqualTo(1);
    }

    @Test
    void a_date_listed_twice_fails_naming_both_lines() {
        assertThat(loadFailure("2026-10-01\n2026-10-02\n2026-10-01\n"))
                .hasMessage("TEST.txt line 3: 2026-10-01 is already listed on line 1 as a holiday");
    }

    @Test
    void a_date_cannot_be_both_a_holiday_and_a_make_up_working_day() {
        assertThat(loadFailure("2026-02-14 workday\n2026-02-14\n"))
                .hasMessage("TEST.txt line 2: 2026-02-14 is already listed on line 1 as a workday");
    }

    @Test
    void a_make_up_working_day_on_a_weekday_fails() {
        InvalidCalendarFileException failure = loadFailure("2026-02-13 workday\n");

        assertThat(failure.line()).isEqualTo(1);
        assertThat(failure).hasMessageContaining("falls on a FRIDAY, not on a weekend day");
    }

    @Test
    void a_stream_is_read_as_utf_8_and_a_byte_order_mark_is_ignored() {
        byte[] content = "\uFEFF# 国庆节 National Day\n2026-10-01\n".getBytes(StandardCharsets.UTF_8);

        BusinessCalendar calendar = BusinessCalendars.load("CN.txt", new ByteArrayInputStream(content), SHANGHAI,
                SAT_SUN);

        assertThat(calendar.holidays()).containsExactly(LocalDate.parse("2026-10-01"));
    }

    @Test
    void a_read_error_fails_naming_the_file() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> BusinessCalendars.load("UK.txt", broken, LONDON, SAT_SUN))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("UK.txt");
    }
}
