package com.complaintcase.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The working days of one jurisdiction (domain brief, section 6: limits are "in clock hours or working days (a
 * business calendar with weekends and public holidays)"). Immutable, pure and deterministic: every method works only
 * on its arguments and this calendar; none reads the current time.
 *
 * <h2>Which days are working days</h2>
 * A date is a working day unless it is a weekend day or a holiday. A <em>working-day exception</em> overrides the
 * weekend: it is a weekend date that is worked (China's make-up working days, 调休上班, for example a Saturday before or
 * after a long holiday). A date cannot be both a holiday and an exception, and an exception must fall on a weekend
 * day (on any other day it would say nothing).
 *
 * <h2>Local dates</h2>
 * An {@link Instant} is read as a date and time in this calendar's {@link #zone()}: {@code 2026-09-30T17:30:00Z} is
 * already 1 October (a holiday) in Shanghai. Results are built back from local dates and times: where such a local
 * time does not exist on the result date (the gap when clocks go forward) it is moved later by the length of the gap;
 * where it exists twice (clocks go back) the earlier of the two instants is taken
 * ({@link ZonedDateTime#of(java.time.LocalDateTime, ZoneId)}).
 *
 * <h2>Range of the data</h2>
 * The calendar knows only the holidays it was given; a date outside the years its source covers counts its
 * weekdays as working days.
 *
 * @param zone                 where the jurisdiction's days begin and end, e.g. Asia/Shanghai, Europe/London,
 *                             America/New_York
 * @param weekend              the days of the week not worked (not all seven)
 * @param holidays             public holidays: dates not worked, whichever day of the week they fall on
 * @param workingDayExceptions weekend dates that are worked (make-up working days)
 */
public record BusinessCalendar(
        ZoneId zone,
        Set<DayOfWeek> weekend,
        Set<LocalDate> holidays,
        Set<LocalDate> workingDayExceptions) {

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        weekend = Set.copyOf(Objects.requireNonNull(weekend, "weekend"));
        holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
        workingDayExceptions = Set.copyOf(Objects.requireNonNull(workingDayExceptions, "workingDayExceptions"));
        if (weekend.size() >= DayOfWeek.values().length) {
            throw new IllegalArgumentException("a weekend of every day of the week leaves no working day");
        }
        Set<LocalDate> both = new TreeSet<>(holidays);
        both.retainAll(workingDayExceptions);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("dates cannot be both a holiday and a working day: " + both);
        }
        Set<LocalDate> onWeekdays = new TreeSet<>();
        for (LocalDate exception : workingDayExceptions) {
            if (!weekend.contains(exception.getDayOfWeek())) {
                onWeekdays.add(exception);
            }
        }
        if (!onWeekdays.isEmpty()) {
            throw new IllegalArgumentException(
                    "working-day exceptions must fall on a weekend day " + weekend + ": " + onWeekdays);
        }
    }

    /** A calendar with only a weekend: no holidays, no exceptions. */
    public static BusinessCalendar weekendsOnly(ZoneId zone, Set<DayOfWeek> weekend) {
        return new BusinessCalendar(zone, weekend, Set.of(), Set.of());
    }

    /**
     * Whether {@code date} is worked: a make-up working day always is; otherwise a holiday or a weekend day is not,
     * and every other day is.
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (workingDayExceptions.contains(date)) {
            return true;
        }
        return !holidays.contains(date) && !weekend.contains(date.getDayOfWeek());
    }

    /** The date of {@code instant} in this calendar's zone. */
    public LocalDate localDate(Instant instant) {
        return Objects.requireNonNull(instant, "instant").atZone(zone).toLocalDate();
    }

    /** {@code date} itself if it is a working day, otherwise the first working day after it. */
    public LocalDate firstWorkingDayOnOrAfter(LocalDate date) {
        LocalDate day = Objects.requireNonNull(date, "date");
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The {@code days}-th working day after {@code date}, counting only working days strictly after it; {@code date}
     * itself need not be a working day and is never counted. With {@code days} = 0 the result is {@code date}.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        Objects.requireNonNull(date, "date");
        requireNotNegative("days", days);
        LocalDate day = date;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * A limit of {@code days} working days from {@code start}.
     * <ul>
     *   <li>Start on a working day: the same local time of day on the {@code days}-th working day after the start
     *       date (Friday 15:00 plus 1 working day is Monday 15:00, or Tuesday 15:00 when Monday is a holiday).
     *       With {@code days} = 0 the result is {@code start}.</li>
     *   <li>Start on a non-working day (weekend or holiday, in this calendar's zone): the clock is taken to start at
     *       the beginning (00:00 local) of the next working day, and the result is the beginning of the
     *       {@code days}-th working day after that one. So a complaint received on Saturday with a limit of 1 working
     *       day has all of Monday and is due at Tuesday 00:00; with 0 working days it is due when Monday begins.</li>
     * </ul>
     * The result never comes earlier for a later start.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public Instant plusWorkingDays(Instant start, int days) {
        Objects.requireNonNull(start, "start");
        requireNotNegative("days", days);
        ZonedDateTime local = start.atZone(zone);
        LocalDate startDate = local.toLocalDate();
        if (isWorkingDay(startDate)) {
            LocalDate due = plusWorkingDays(startDate, days);
            return ZonedDateTime.of(due, local.toLocalTime(), zone).toInstant();
        }
        LocalDate clockStarts = firstWorkingDayOnOrAfter(startDate);
        return plusWorkingDays(clockStarts, days).atStartOfDay(zone).toInstant();
    }

    /**
     * "By close of business on the n-th business day following the day of receipt" (FCA DISP 1.5.1R, summary
     * resolution by close of the third business day). The date of receipt is {@code start}'s date in this calendar's
     * zone.
     * <ul>
     *   <li>{@code nthWorkingDay} &ge; 1: {@code closeOfBusiness} on the {@code nthWorkingDay}-th working day
     *       strictly after the date of receipt. The day of receipt is day 0 and is never counted, whether or not it is
     *       a working day and whatever the time of receipt: received Monday, the 3rd business day is Thursday;
     *       received Friday, or Saturday, or Friday after close of business, it is Wednesday (one day later for each
     *       holiday in between). This is the literal reading of DISP 1.5.1R. The older DISP 1.5.3G allowance to treat a
     *       complaint received on a non-business day or after close of business as received on the next business
     *       day (which would give one more day) is not applied: the earlier deadline is the safe one.</li>
     *   <li>{@code nthWorkingDay} = 0 ("by close of business today"): the first {@code closeOfBusiness} on a working
     *       day that is not before {@code start}: the day of receipt when it is a working day and receipt is not after
     *       close, otherwise the next working day.</li>
     * </ul>
     *
     * @throws IllegalArgumentException if {@code nthWorkingDay} is negative
     */
    public Instant endOfBusinessDay(Instant start, int nthWorkingDay, LocalTime closeOfBusiness) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(closeOfBusiness, "closeOfBusiness");
        requireNotNegative("nthWorkingDay", nthWorkingDay);
        LocalDate received = localDate(start);
        if (nthWorkingDay > 0) {
            return closeOn(plusWorkingDays(received, nthWorkingDay), closeOfBusiness);
        }
        LocalDate day = firstWorkingDayOnOrAfter(received);
        Instant close = closeOn(day, closeOfBusiness);
        return close.isBefore(start) ? closeOn(plusWorkingDays(day, 1), closeOfBusiness) : close;
    }

    /**
     * A limit in clock hours: {@code start} plus {@code duration}, weekends and holidays included. Here so that every
     * SLA limit, in hours or in working days, is computed through one calendar API.
     *
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public Instant plusHours(Instant start, Duration duration) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        return start.plus(duration);
    }

    private Instant closeOn(LocalDate date, LocalTime closeOfBusiness) {
        return ZonedDateTime.of(date, closeOfBusiness, zone).toInstant();
    }

    private static void requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
