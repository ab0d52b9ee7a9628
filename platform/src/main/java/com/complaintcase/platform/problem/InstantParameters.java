package com.complaintcase.platform.problem;

import com.complaintcase.values.InvalidValueException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * Instants in query parameters ({@code from}, {@code to}, {@code asOf}): ISO-8601 in UTC, within the years 0001 to
 * 9999. Java reads years up to a billion, which no database stores; such a value is the client's mistake, answered
 * 400 on the parameter, not a failed query.
 */
@Configuration(proxyBeanMethods = false)
public class InstantParameters implements WebMvcConfigurer {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, (Converter<String, Instant>) InstantParameters::parse);
    }

    static Instant parse(String text) {
        Instant instant;
        try {
            instant = Instant.parse(text.trim());
        } catch (DateTimeException e) {
            throw new InvalidValueException("instant", "must be an ISO-8601 instant in UTC, e.g. 2026-11-20T09:15:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidValueException("instant", "must be between " + EARLIEST + " and 9999-12-31T23:59:59Z");
        }
        return instant;
    }
}
