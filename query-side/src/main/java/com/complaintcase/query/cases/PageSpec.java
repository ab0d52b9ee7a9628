package com.complaintcase.query.cases;

import com.complaintcase.values.InvalidValueException;

import java.util.Locale;
import java.util.Map;

/**
 * A page of a list and its order: {@code sort} is {@code field} or {@code field,asc|desc}, over the
 * fields the lists are indexed for.
 */
public record PageSpec(int page, int size, String sortField, boolean ascending) {

    public static final int MAX_SIZE = 500;
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
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidValueException("size", "must be between 1 and " + MAX_SIZE);
        }
        if (!SORTABLE.containsKey(sortField)) {
            throw new InvalidValueException("sort", "must be one of " + SORTABLE.keySet());
        }
    }

    public static PageSpec parse(Integer page, Integer size, String sort, String defaultField, boolean defaultAscending) {
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
        return new PageSpec(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size, field, ascending);
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
