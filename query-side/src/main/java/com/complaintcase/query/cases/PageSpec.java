package com.complaintcase.query.cases;

import com.complaintcase.values.InvalidValueException;

import java.util.Locale;
import java.util.Map;

/**
 * A page of a list and its order: {@code sort} is {@code field} or {@code field,asc|desc}, over the
 * fields the lists are indexed for.
 */
public record PageSpec(int page, int size, String sortField, boolean ascending) {

    public static final int DEFAULT_SIZE = 50;

    /** API name to entity attribute. */
    static final Map<String, String> SORTABLE = Map.of(
            "receivedAt", "receivedAt",
            "registeredAt", "registeredAt",
            "lastChangedAt", "lastChangedAt",
            "status", "status",
            "level", "level",
            "category", "category",
            "branchCode", "branchCode",
            "handlerId", "handlerId",
            "complaintId", "complaintId");

    public PageSpec {
        if (page < 0) {
            throw new InvalidValueException("page", "must be 0 or more");
        }
        if (size < 1) {
            throw new InvalidValueException("size", "must be 1 or more");
        }
        if (!SORTABLE.containsKey(sortField)) {
            throw new InvalidValueException("sort", "must be one of " + SORTABLE.keySet());
        }
    }

    public static PageSpec parse(Integer page, Integer size, String sort, String defaultField, boolean defaultAscending) {
        return parse(page, size, sort, defaultField, defaultAscending, PageLimits.DEFAULTS);
    }

    /** A client's page request, within the limits: a page past the largest offset is refused, never wrapped. */
    public static PageSpec parse(Integer page, Integer size, String sort, String defaultField, boolean defaultAscending,
                                 PageLimits limits) {
        int pageSize = size == null ? Math.min(DEFAULT_SIZE, limits.maxPageSize()) : size;
        if (pageSize < 1 || pageSize > limits.maxPageSize()) {
            throw new InvalidValueException("size", "must be between 1 and " + limits.maxPageSize());
        }
        if (page != null && page > 0 && (long) page * pageSize > limits.maxOffset()) {
            throw new InvalidValueException("page", "must be at most " + limits.maxOffset() / pageSize + " for pages of "
                    + pageSize + " (the lists are paged up to " + limits.maxOffset() + " rows deep; the CSV export "
                    + "gives the whole list)");
        }
        String field = defaultField;
        boolean ascending = defaultAscending;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",");
            field = parts[0].trim();
            if (parts.length > 2) {
                throw new InvalidValueException("sort", "must be field or field,asc or field,desc");
            }
            if (parts.length == 2) {
                String direction = parts[1].trim().toLowerCase(Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw new InvalidValueException("sort", "direction must be asc or desc");
                }
                ascending = direction.equals("asc");
            }
        }
        return new PageSpec(page == null ? 0 : page, pageSize, field, ascending);
    }

    int offset() {
        return page * size;
    }

    String orderBy(String alias) {
        String attribute = alias + "." + SORTABLE.get(sortField);
        String direction = ascending ? " asc" : " desc";
        return attribute + direction + ", " + alias + ".complaintId" + direction;
    }
}
