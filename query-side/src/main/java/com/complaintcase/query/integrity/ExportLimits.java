package com.complaintcase.query.integrity;

import com.complaintcase.values.InvalidValueException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The days one bulk export may cover: at most {@code max-days}, both ends within {@code min-year}..{@code max-year}. */
@ConfigurationProperties("complaints.exports")
public record ExportLimits(@DefaultValue("366") int maxDays, @DefaultValue("1970") int minYear,
                           @DefaultValue("9999") int maxYear) {

    public ExportLimits {
        if (maxDays < 1 || minYear > maxYear) {
            throw new IllegalArgumentException("complaints.exports.max-days must be at least 1 and min-year at most max-year");
        }
    }

    /** Refuses a date outside the years, or a range longer than allowed, naming the parameter. */
    void check(LocalDate from, LocalDate to) {
        within("from", from);
        within("to", to);
        if (!from.isAfter(to) && ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw new InvalidValueException("to", "must be at most " + maxDays + " days from `from` (both included); "
                    + "export a longer period in parts");
        }
    }

    private void within(String parameter, LocalDate date) {
        if (date.getYear() < minYear || date.getYear() > maxYear) {
            throw new InvalidValueException(parameter, "must be a day of the years " + minYear + " to " + maxYear);
        }
    }
}
