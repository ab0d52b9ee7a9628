package com.complaintcase.standalone;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment without Axon Server: the events in PostgreSQL (Axon's JPA event store), which the command side
 * appends to and the query side tails; the two services share the database and nothing else.
 * <p>
 * The README lines it covers, in section "Production mode", "Build the executable jars and run them by hand", with
 * the events in PostgreSQL (the {@code export SPRING_PROFILES_ACTIVE=axonserver AXON_AXONSERVER_SERVERS=...} line
 * left out, as the README allows):
 * <pre>
 * export SPRING_DATASOURCE_URL=jdbc:postgresql://db-host:5432/complaints
 * export SPRING_DATASOURCE_USERNAME=complaints SPRING_DATASOURCE_PASSWORD=...
 * export COMPLAINTS_SECURITY_DEMO_PASSWORD=...
 * export COMPLAINTS_PRIVACY_MASTER_KEY=...
 * java -jar command-side/target/complaint-case-command-exec.jar
 * java -jar query-side/target/complaint-case-query-exec.jar
 * </pre>
 * and the paragraph after them: the walk-through's calls split by port, commands to the command side and reads to
 * the query side, {@code ?minVersion=} across the two. How: each service is started by what its jar's {@code main}
 * runs ({@code CommandSideApplication.application()}, {@code QuerySideApplication.application()}), in this JVM, on
 * an embedded PostgreSQL 17 with a database Flyway migrates on first start, the exported variables given as the
 * properties they bind to ({@code --spring.datasource.url=...} and so on; see {@link RunningService}). Not covered
 * here: the jars themselves and {@code ./mvnw -B -q package -DskipTests} (that the README names the jars the poms
 * build and variables the services bind is {@link ReadmeCommandsTest}); the Axon Server line
 * ({@link SeparateServicesOnAxonServerEndToEndTest}, tag {@code axonserver}); {@code docker compose up --build}
 * ({@link DockerComposeConsistencyTest} checks the file, nothing starts it).
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
        assertThat(strings("select distinct processor_name from token_entry order by 1")).containsExactly("cases", "integrity-checkpoints", "metrics", "returns", "statistics");
    }
}
