package com.complaintcase.standalone;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment without Axon Server: the events in PostgreSQL (Axon's JPA event store), which the command side
 * appends to and the query side tails; the two services share the database and nothing else.
 */
class SeparateServicesOnPostgresEndToEndTest extends SeparateServicesScenario {

    @Override
    protected List<String> topology() {
        return List.of();
    }

    @Test
    @Order(7)
    void events_snapshots_tokens_deadlines_and_dead_letters_keep_their_bytes_in_bytea_columns_and_nothing_is_a_large_object() {
        assertThat(strings("""
                select table_name || '.' || column_name || ' ' || data_type from information_schema.columns
                where table_schema = 'public' and column_name in ('payload', 'meta_data', 'token', 'task_data', 'diagnostics')
                order by 1"""))
                .containsExactly(
                        "dead_letter_entry.diagnostics bytea",
                        "dead_letter_entry.meta_data bytea",
                        "dead_letter_entry.payload bytea",
                        "dead_letter_entry.token bytea",
                        "domain_event_entry.meta_data bytea",
                        "domain_event_entry.payload bytea",
                        "scheduled_tasks.task_data bytea",
                        "snapshot_event_entry.meta_data bytea",
                        "snapshot_event_entry.payload bytea",
                        "token_entry.token bytea");
        assertThat(strings("select table_name || '.' || column_name from information_schema.columns "
                + "where table_schema = 'public' and data_type = 'oid'")).isEmpty();
        assertThat(strings("select count(*) from pg_largeobject_metadata")).containsExactly("0");
    }

    @Test
    @Order(8)
    void the_events_are_in_postgresql_and_the_query_side_tracks_them_with_tokens_there() {
        assertThat(strings("select distinct aggregate_identifier from domain_event_entry"))
                .containsExactlyInAnyOrderElementsOf(caseIds());
        assertThat(strings("select distinct processor_name from token_entry order by 1")).containsExactly("cases", "integrity-checkpoints", "metrics");
    }
}
