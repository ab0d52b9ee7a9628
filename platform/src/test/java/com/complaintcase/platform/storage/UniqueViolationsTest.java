package com.complaintcase.platform.storage;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A duplicate key of the event table is known as one by its SQL state, whatever the engine's own error code. */
class UniqueViolationsTest {

    private final UniqueViolations knownByStateOnly = new UniqueViolations(exception -> false);

    @Test
    void a_unique_violation_under_the_persistence_provider_is_a_duplicate_key() {
        SQLException h2 = new SQLException("Unique index or primary key violation", "23505", 23505);

        assertThat(knownByStateOnly.isDuplicateKeyViolation(new PersistenceException("could not execute batch", h2)))
                .isTrue();
    }

    @Test
    void a_batch_whose_next_exception_is_a_unique_violation_is_a_duplicate_key() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505", 0));

        assertThat(knownByStateOnly.isDuplicateKeyViolation(new PersistenceException(batch))).isTrue();
    }

    @Test
    void another_integrity_violation_is_not_a_duplicate_key() {
        SQLException notNull = new SQLException("null value in column", "23502", 0);

        assertThat(knownByStateOnly.isDuplicateKeyViolation(new PersistenceException(notNull))).isFalse();
        assertThat(knownByStateOnly.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }

    @Test
    void what_the_engine_specific_resolver_knows_as_a_duplicate_key_still_is_one() {
        assertThat(new UniqueViolations(exception -> true).isDuplicateKeyViolation(new RuntimeException())).isTrue();
    }
}
