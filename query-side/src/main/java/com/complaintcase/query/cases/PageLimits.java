package com.complaintcase.query.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of a list one page request may ask for: {@code size} up to {@code max-page-size}, and pages only as deep
 * as {@code max-offset} rows (page × size); the CSV exports give a whole list.
 */
@ConfigurationProperties("complaints.queries")
public record PageLimits(@DefaultValue("500") int maxPageSize, @DefaultValue("100000") long maxOffset) {

    public static final PageLimits DEFAULTS = new PageLimits(500, 100_000);

    public PageLimits {
        if (maxPageSize < 1 || maxOffset < 0) {
            throw new IllegalArgumentException("complaints.queries.max-page-size must be at least 1 and max-offset 0 or more");
        }
    }
}
