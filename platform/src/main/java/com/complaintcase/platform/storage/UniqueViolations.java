package com.complaintcase.platform.storage;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * A duplicate key in the event table, which Axon's storage engine turns into the exception of a lost race
 * ({@code AggregateStreamCreationException} for a case's first event, {@code ConcurrencyException} for a later one)
 * rather than a failure of the store. Axon's own resolver looks the error up by the database's product name; this
 * also knows it by the SQL standard's state for a unique violation, 23505, whichever engine reports it (H2 and
 * PostgreSQL both do).
 */
public final class UniqueViolations implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    private final PersistenceExceptionResolver byProduct;

    public UniqueViolations(PersistenceExceptionResolver byProduct) {
        this.byProduct = byProduct;
    }

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return (byProduct != null && byProduct.isDuplicateKeyViolation(exception)) || isUniqueViolation(exception);
    }

    static boolean isUniqueViolation(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(each.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
