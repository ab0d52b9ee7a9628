package com.complaintcase.command.complaint.sla;

import com.complaintcase.calendar.BusinessCalendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Small, explicit calendars and instants for the calendar tests (independent of the shipped files). */
final class Calendars {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Set<DayOfWeek> SAT_SUN = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    /** China around 2026: Spring Festival 15-23 Feb with make-up Saturdays 14 and 28 Feb; National Day 1-7 Oct. */
    static final BusinessCalendar CHINA = new BusinessCalendar(SHANGHAI, SAT_SUN,
            dates("2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                    "2026-02-21", "2026-02-22", "2026-02-23",
                    "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06",
                    "2026-10-07"),
            dates("2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10"));

    /** England and Wales around 2026: Good Friday 3 Apr, Easter Monday 6 Apr, Spring bank holiday 25 May. */
    static final BusinessCalendar ENGLAND = new BusinessCalendar(LONDON, SAT_SUN,
            dates("2026-04-03", "2026-04-06", "2026-05-25"), Set.of());

    /** United States around 2026: Veterans Day, Wednesday 11 Nov. */
    static final BusinessCalendar UNITED_STATES = new BusinessCalendar(NEW_YORK, SAT_SUN,
            dates("2026-11-11"), Set.of());

    private Calendars() {
    }

    static Set<LocalDate> dates(String... isoDates) {
        return Arrays.stream(isoDates).map(LocalDate::parse).collect(Collectors.toSet());
    }

    /** The instant of a local date and time ("2026-03-06T10:00") in {@code zone}. */
    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
