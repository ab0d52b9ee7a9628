package com.complaintcase.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The business calendars of the jurisdictions a bank works under, and the loader of calendar files.
 *
 * <h2>File format</h2>
 * One file per jurisdiction, UTF-8 (a byte-order mark is ignored), one entry a line:
 * <pre>
 * # a comment; blank lines are ignored, and so is everything after a '#'
 * 2026-10-01           # a holiday: not worked, whatever day of the week it is
 * 2026-10-10 workday   # a make-up working day: a weekend date that is worked
 * </pre>
 * Dates are ISO {@code YYYY-MM-DD}. Anything else fails the whole load with an {@link InvalidCalendarFileException}
 * naming the file and the line: a malformed or impossible date, another word than {@code workday}, extra words, a
 * date listed twice (also as holiday and workday), a {@code workday} that is not on a weekend day. The weekend and
 * the zone are not in the file: the caller gives them.
 *
 * <h2>Shipped calendars</h2>
 * The classpath holds {@code calendars/CN.txt}, {@code UK.txt} (England and Wales bank holidays) and {@code US.txt}
 * (federal holidays), each with a Saturday-and-Sunday weekend and the zones Asia/Shanghai, Europe/London and
 * America/New_York. {@link #BANK} is the bank's own calendar, by default the same as CN. Loading uses only
 * {@link Class#getResourceAsStream(String)}, no framework.
 */
public final class BusinessCalendars {

    /** The jurisdiction code of the bank's own calendar. */
    public static final String BANK = "BANK";

    /** The jurisdiction whose calendar is the bank's own unless configured otherwise. */
    public static final String DEFAULT_BANK_JURISDICTION = "CN";

    /** The weekend of every shipped calendar. */
    public static final Set<DayOfWeek> SATURDAY_AND_SUNDAY =
            Set.copyOf(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    private static final String RESOURCE_FOLDER = "/calendars/";

    private static final Map<String, ZoneId> SHIPPED_ZONES = shippedZones();

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String WORKDAY = "workday";

    private final Map<String, BusinessCalendar> byJurisdiction;

    /** A set of calendars by jurisdiction code (e.g. CN, UK, US, BANK). */
    public BusinessCalendars(Map<String, BusinessCalendar> byJurisdiction) {
        this.byJurisdiction = Map.copyOf(Objects.requireNonNull(byJurisdiction, "byJurisdiction"));
    }

    /** The shipped calendars CN, UK and US, with BANK the same as CN. */
    public static BusinessCalendars shipped() {
        return shipped(DEFAULT_BANK_JURISDICTION);
    }

    /** The shipped calendars CN, UK and US, with BANK the same as {@code bankJurisdiction} (one of those three). */
    public static BusinessCalendars shipped(String bankJurisdiction) {
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        for (String jurisdiction : SHIPPED_ZONES.keySet()) {
            calendars.put(jurisdiction, loadShipped(jurisdiction));
        }
        BusinessCalendar bank = calendars.get(bankJurisdiction);
        if (bank == null) {
            throw new IllegalArgumentException("no shipped calendar for the bank's jurisdiction '" + bankJurisdiction
                    + "'; shipped: " + SHIPPED_ZONES.keySet());
        }
        calendars.put(BANK, bank);
        return new BusinessCalendars(calendars);
    }

    /** The jurisdiction codes this set has a calendar for. */
    public Set<String> jurisdictions() {
        return new TreeSet<>(byJurisdiction.keySet());
    }

    /**
     * The calendar of {@code jurisdiction}.
     *
     * @throws IllegalArgumentException if there is none
     */
    public BusinessCalendar calendar(String jurisdiction) {
        BusinessCalendar calendar = byJurisdiction.get(jurisdiction);
        if (calendar == null) {
            throw new IllegalArgumentException(
                    "no business calendar for jurisdiction '" + jurisdiction + "'; known: " + jurisdictions());
        }
        return calendar;
    }

    /** The jurisdictions with a shipped calendar file: CN, UK, US. */
    public static Set<String> shippedJurisdictions() {
        return SHIPPED_ZONES.keySet();
    }

    /**
     * The shipped calendar of {@code jurisdiction} (CN, UK or US): {@code calendars/<jurisdiction>.txt} from the
     * classpath, with its zone and a Saturday-and-Sunday weekend.
     *
     * @throws IllegalArgumentException if there is no shipped calendar of that name
     * @throws InvalidCalendarFileException if the shipped file is invalid
     */
    public static BusinessCalendar loadShipped(String jurisdiction) {
        ZoneId zone = SHIPPED_ZONES.get(jurisdiction);
        if (zone == null) {
            throw new IllegalArgumentException(
                    "no shipped calendar for '" + jurisdiction + "'; shipped: " + SHIPPED_ZONES.keySet());
        }
        String resource = RESOURCE_FOLDER + jurisdiction + ".txt";
        try (InputStream in = BusinessCalendars.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("calendar resource " + resource + " is missing from the classpath");
            }
            return load(jurisdiction + ".txt", in, zone, SATURDAY_AND_SUNDAY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar resource " + resource, e);
        }
    }

    /**
     * Loads a calendar file read as UTF-8.
     *
     * @param file    the name to report in errors, e.g. {@code CN.txt}
     * @param in      the file's content; not closed here
     * @param zone    the jurisdiction's zone
     * @param weekend the jurisdiction's weekend days
     * @throws InvalidCalendarFileException on the first invalid line
     * @throws UncheckedIOException         if reading fails
     */
    public static BusinessCalendar load(String file, InputStream in, ZoneId zone, Set<DayOfWeek> weekend) {
        Objects.requireNonNull(in, "in");
        return load(file, new InputStreamReader(in, StandardCharsets.UTF_8), zone, weekend);
    }

    /**
     * Loads a calendar file.
     *
     * @param file    the name to report in errors, e.g. {@code CN.txt}
     * @param reader  the file's content; not closed here
     * @param zone    the jurisdiction's zone
     * @param weekend the jurisdiction's weekend days
     * @throws InvalidCalendarFileException on the first invalid line
     * @throws UncheckedIOException         if reading fails
     */
    public static BusinessCalendar load(String file, Reader reader, ZoneId zone, Set<DayOfWeek> weekend) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(weekend, "weekend");
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        Map<LocalDate, Integer> listedOn = new HashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        int lineNumber = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                int comment = line.indexOf('#');
                String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (content.isEmpty()) {
                    continue;
                }
                String[] words = content.split("\\s+");
                if (words.length > 2 || (words.length == 2 && !WORKDAY.equals(words[1]))) {
                    throw new InvalidCalendarFileException(file, lineNumber,
                            "expected 'YYYY-MM-DD' or 'YYYY-MM-DD " + WORKDAY + "', found '" + content + "'");
                }
                LocalDate date = parseDate(file, lineNumber, words[0]);
                boolean workday = words.length == 2;
                Integer earlier = listedOn.putIfAbsent(date, lineNumber);
                if (earlier != null) {
                    throw new InvalidCalendarFileException(file, lineNumber, date + " is already listed on line "
                            + earlier + (holidays.contains(date) ? " as a holiday" : " as a " + WORKDAY));
                }
                if (workday && !weekend.contains(date.getDayOfWeek())) {
                    throw new InvalidCalendarFileException(file, lineNumber, date + " " + WORKDAY + " falls on a "
                            + date.getDayOfWeek() + ", not on a weekend day " + new TreeSet<>(weekend)
                            + "; a " + WORKDAY + " line marks a weekend date that is worked");
                }
                (workday ? workdays : holidays).add(date);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar file " + file + " after line " + lineNumber, e);
        }
        return new BusinessCalendar(zone, weekend, holidays, workdays);
    }

    private static LocalDate parseDate(String file, int lineNumber, String word) {
        if (ISO_DATE.matcher(word).matches()) {
            try {
                return LocalDate.parse(word);
            } catch (DateTimeException e) {
                // falls through to the error below
            }
        }
        throw new InvalidCalendarFileException(file, lineNumber, "'" + word + "' is not a date YYYY-MM-DD");
    }

    private static Map<String, ZoneId> shippedZones() {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        zones.put("CN", ZoneId.of("Asia/Shanghai"));
        zones.put("UK", ZoneId.of("Europe/London"));
        zones.put("US", ZoneId.of("America/New_York"));
        return Collections.unmodifiableMap(zones);
    }
}
