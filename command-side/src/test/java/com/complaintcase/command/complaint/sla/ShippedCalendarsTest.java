package com.complaintcase.command.complaint.sla;

import com.complaintcase.calendar.BusinessCalendars;
import com.complaintcase.calendar.BusinessCalendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;

import static com.complaintcase.command.complaint.sla.Calendars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar files shipped on the classpath (calendars/CN.txt, UK.txt, US.txt) load and hold 2026 and 2027. */
class ShippedCalendarsTest {

    private static final BusinessCalendars SHIPPED = BusinessCalendars.shipped();

    private static boolean holiday(String jurisdiction, String date) {
        return SHIPPED.calendar(jurisdiction).holidays().contains(LocalDate.parse(date));
    }

    private static long holidaysOnWeekdays(BusinessCalendar calendar, int year) {
        return calendar.holidays().stream()
                .filter(date -> date.getYear() == year)
                .filter(date -> !calendar.weekend().contains(date.getDayOfWeek()))
                .count();
    }

    @Test
    void cn_uk_us_and_the_banks_own_calendar_are_shipped_with_their_zones_and_a_saturday_sunday_weekend() {
        assertThat(SHIPPED.jurisdictions()).containsExactly("BANK", "CN", "UK", "US");
        assertThat(SHIPPED.calendar("CN").zone()).isEqualTo(SHANGHAI);
        assertThat(SHIPPED.calendar("UK").zone()).isEqualTo(LONDON);
        assertThat(SHIPPED.calendar("US").zone()).isEqualTo(NEW_YORK);
        for (String jurisdiction : SHIPPED.jurisdictions()) {
            assertThat(SHIPPED.calendar(jurisdiction).weekend()).containsExactlyInAnyOrder(
                    DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
    }

    @Test
    void the_banks_own_calendar_is_china_unless_configured_otherwise() {
        assertThat(SHIPPED.calendar(BusinessCalendars.BANK)).isEqualTo(SHIPPED.calendar("CN"));
        assertThat(BusinessCalendars.shipped("UK").calendar(BusinessCalendars.BANK))
                .isEqualTo(SHIPPED.calendar("UK"));
    }

    @Test
    void an_unknown_jurisdiction_is_refused() {
        assertThatThrownBy(() -> SHIPPED.calendar("FR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FR");
        assertThatThrownBy(() -> BusinessCalendars.loadShipped("FR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessCalendars.shipped("FR")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void china_2026_has_national_day_the_spring_festival_and_its_make_up_working_days() {
        BusinessCalendar china = SHIPPED.calendar("CN");

        assertThat(holiday("CN", "2026-10-01")).isTrue();
        assertThat(holiday("CN", "2026-02-17")).as("Lunar New Year's Day").isTrue();
        assertThat(china.workingDayExceptions()).extracting(LocalDate::toString).containsExactlyInAnyOrder(
                "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        assertThat(china.isWorkingDay(LocalDate.parse("2026-10-10"))).as("make-up Saturday").isTrue();
        assertThat(china.isWorkingDay(LocalDate.parse("2026-10-08"))).isTrue();
    }

    @Test
    void china_2027_holds_the_statutory_holidays() {
        assertThat(holiday("CN", "2027-01-01")).isTrue();
        assertThat(holiday("CN", "2027-02-06")).as("Lunar New Year's Day").isTrue();
        assertThat(holiday("CN", "2027-10-01")).isTrue();
        assertThat(SHIPPED.calendar("CN").holidays().stream().filter(date -> date.getYear() == 2027))
                .as("13 statutory days").hasSize(13);
    }

    @Test
    void england_and_wales_have_eight_bank_holidays_a_year_with_substitute_days() {
        BusinessCalendar uk = SHIPPED.calendar("UK");

        assertThat(holiday("UK", "2026-12-25")).isTrue();
        assertThat(holiday("UK", "2026-12-28")).as("Boxing Day substitute").isTrue();
        assertThat(holiday("UK", "2027-12-27")).isTrue();
        assertThat(holiday("UK", "2027-12-28")).isTrue();
        assertThat(holidaysOnWeekdays(uk, 2026)).isEqualTo(8);
        assertThat(holidaysOnWeekdays(uk, 2027)).isEqualTo(8);
    }

    @Test
    void the_united_states_have_eleven_federal_holidays_a_year_observed_on_weekdays() {
        BusinessCalendar us = SHIPPED.calendar("US");

        assertThat(holiday("US", "2026-12-25")).isTrue();
        assertThat(holiday("US", "2026-07-03")).as("Independence Day observed").isTrue();
        assertThat(holidaysOnWeekdays(us, 2026)).isEqualTo(11);
        assertThat(holidaysOnWeekdays(us, 2027))
                .as("eleven, plus 31 December observed for New Year's Day 2028").isEqualTo(12);
    }

    @Test
    void every_shipped_calendar_covers_2026_and_2027() {
        for (String jurisdiction : BusinessCalendars.shippedJurisdictions()) {
            BusinessCalendar calendar = BusinessCalendars.loadShipped(jurisdiction);
            assertThat(calendar.holidays()).extracting(Year::from).as(jurisdiction)
                    .contains(Year.of(2026), Year.of(2027));
        }
    }

    @Test
    void the_shipped_uk_calendar_gives_the_summary_resolution_deadline_over_the_christmas_bank_holidays() {
        BusinessCalendar uk = SHIPPED.calendar("UK");

        assertThat(uk.endOfBusinessDay(at("2026-12-24T10:00", LONDON), 3, LocalTime.of(17, 0)))
                .as("Christmas Day, the weekend and the Boxing Day substitute are skipped: 29, 30, 31 December")
                .isEqualTo(at("2026-12-31T17:00", LONDON));
    }
}
