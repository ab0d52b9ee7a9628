package com.complaintcase.standalone;

import com.complaintcase.events.integrity.IntegrityEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static com.complaintcase.standalone.CommandBodies.acceptedReview;
import static com.complaintcase.standalone.CommandBodies.contactByPhoneAt;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out on PostgreSQL (events in Axon's JPA event store): two command-side and two query-side services, each a JVM
 * of its own, on one embedded PostgreSQL. The query services share the projections' segments; under load one service
 * of each side is killed (SIGKILL) and the other takes over: every acknowledged command is kept, every event is
 * projected once (the views equal a rebuild), every due deadline is recorded once, and a day's integrity checkpoint is
 * recorded once though the command services both run the daily task. The tests run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ScaleOutOnPostgresEndToEndTest {

    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration TAKE_OVER = Duration.ofSeconds(30);
    private static final String FIRST_CONTACT_LIMIT = "PT4S";
    private static final List<String> PROJECTIONS = List.of("cases", "metrics");
    private static final int SEGMENTS = 4;

    private EmbeddedPostgres postgres;
    private Path directory;
    private Path clockFile;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private NodeProcess command1;
    private NodeProcess command2;
    private NodeProcess query1;
    private NodeProcess query2;

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> leftAlone = ConcurrentHashMap.newKeySet();
    private final List<String> unexpectedReplies = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();

    @BeforeAll
    void startDatabaseAndTwoServicesOfEachSide() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        directory = Files.createTempDirectory("scale-out");
        clockFile = directory.resolve("command-clock");
        command1 = start("command-1", "command");
        command2 = start("command-2", "command");
        // both at once on a new database: each would make the projections' first tokens (TokenSegments)
        query1 = start("query-1", "query");
        query2 = start("query-2", "query");
        for (NodeProcess node : nodes) {
            node.awaitReady(START);
        }
    }

    @AfterAll
    void stopEverything() throws IOException {
        for (NodeProcess node : nodes) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void both_query_services_process_segments_of_each_projection() {
        for (String projection : PROJECTIONS) {
            Eventually.await("both query services claim segments of " + projection, TAKE_OVER,
                    () -> claimsByNode(projection),
                    claims -> claims.getOrDefault(query1.name(), 0) > 0 && claims.getOrDefault(query2.name(), 0) > 0
                            && claims.values().stream().mapToInt(Integer::intValue).sum() == SEGMENTS);
        }
    }

    @Test
    @Order(2)
    void one_service_of_each_side_killed_under_load_loses_no_acknowledged_command_and_the_other_takes_over()
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(3);
        try {
            for (int worker = 0; worker < 3; worker++) {
                int first = worker;
                load.submit(() -> drive(stop, first));
            }
            Eventually.await("20 cases registered", Duration.ofSeconds(60), acknowledged::size, size -> size >= 20);
            command1.kill();
            query1.kill();
            int atKill = acknowledged.size();
            Eventually.await("20 more cases registered after the kill", Duration.ofSeconds(60), acknowledged::size,
                    size -> size >= atKill + 20);
        } finally {
            stop.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).as("the load stopped").isTrue();
        }
        System.out.printf("[scale-out] %d cases acknowledged, %d left alone, %d requests refused by the killed service%n",
                acknowledged.size(), leftAlone.size(), refused.get());
        assertThat(unexpectedReplies).as("replies other than success or a refused connection").isEmpty();

        for (String projection : PROJECTIONS) {
            Eventually.await("query-2 claims every segment of " + projection, TAKE_OVER,
                    () -> claimsByNode(projection), claims -> claims.equals(Map.of(query2.name(), SEGMENTS)));
        }
        Map<String, Long> stored = storedVersions();
        acknowledged.forEach((id, version) -> assertThat(stored.get(id)).as("case %s in the event store", id)
                .isNotNull().isGreaterThanOrEqualTo(version));
    }

    @Test
    @Order(4)
    void every_event_is_projected_once_and_the_views_equal_a_rebuild() {
        Map<String, Long> stored = storedVersions();
        Map<String, JsonNode> views = views(stored);
        JsonNode volume = volume();

        for (String projection : PROJECTIONS) {
            ApiReply started = query2.api().as("compliance1").post("/api/admin/projections/" + projection + "/replay", null);
            assertThat(started.status()).as("%s", started).isEqualTo(202);
            Eventually.await("the replay of " + projection + " completed", TAKE_OVER,
                    () -> query2.api().as("compliance1").get("/api/admin/projections/" + projection).json(),
                    progress -> progress.path("state").asText().equals("COMPLETED"));
        }

        assertThat(views(stored)).isEqualTo(views);
        assertThat(volume()).isEqualTo(volume);
    }

    @Test
    @Order(5)
    void a_days_integrity_checkpoint_is_recorded_once_though_both_command_services_run_the_daily_task() throws IOException {
        NodeProcess command3 = start("command-3", "command").awaitReady(START);
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        String checkpointId = IntegrityEvent.checkpointId(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        writeClockOffset(Duration.ofDays(1));

        Eventually.await("the checkpoint of " + day + " recorded", TAKE_OVER, () -> {
            if (count("select count(*) from domain_event_entry where aggregate_identifier = ?", checkpointId) == 0) {
                runCheckpointTaskNow();
            }
            return count("select count(*) from domain_event_entry where aggregate_identifier = ?", checkpointId);
        }, events -> events > 0);
        for (int run = 0; run < 4; run++) {
            runCheckpointTaskNow();
        }

        assertThat(count("select count(*) from domain_event_entry where aggregate_identifier = ?", checkpointId)).isEqualTo(1);
        assertThat(count("select count(*) from domain_event_entry where payload_type like '%PeriodCheckpointRecorded'"))
                .isEqualTo(1);
        assertThat(List.of(command2, command3).stream()
                .filter(node -> node.logTail().contains("integrity checkpoint of " + day + "T00:00:00Z/")).count())
                .as("services that logged the checkpoint as recorded").isEqualTo(1);
        assertThat(breachesPerCaseAndClock().values()).as("still one breach per case and clock").allMatch(count -> count == 1);
    }

    @Test
    @Order(3)
    void every_due_deadline_is_recorded_once() {
        Eventually.await("every case left alone breached", TAKE_OVER,
                () -> firstContactBreaches(), breaches -> breaches.keySet().containsAll(leftAlone));
        Map<String, Long> breaches = breachesPerCaseAndClock();
        assertThat(breaches.values()).as("breaches per case and clock: %s", breaches).allMatch(count -> count == 1);
        assertThat(firstContactBreaches().keySet()).containsAll(leftAlone);
        System.out.printf("[scale-out] %d deadline breaches recorded, %d of cases left alone%n", breaches.size(), leftAlone.size());
    }

    // ---- the load ----

    private void drive(AtomicBoolean stop, int worker) {
        int turn = worker;
        while (!stop.get()) {
            NodeProcess target = turn++ % 2 == 0 && command1.isAlive() ? command1 : command2;
            try {
                ApiReply registered = target.api().as("intake1").register(aRegistration().withNewId().body());
                if (!check(registered, 201)) {
                    continue;
                }
                String id = registered.complaintId();
                acknowledged.merge(id, registered.version(), Math::max);
                if (turn % 2 == 0) {
                    leftAlone.add(id);
                    continue;
                }
                ApiReply review = target.api().as("supervisor1").command(id, "review", acceptedReview("BRANCH"));
                if (check(review, 200)) {
                    acknowledged.merge(id, review.version(), Math::max);
                    ApiReply contact = target.api().as("intake1").command(id, "contacts", contactByPhoneAt(Instant.now()));
                    if (check(contact, 200)) {
                        acknowledged.merge(id, contact.version(), Math::max);
                    }
                }
            } catch (UncheckedIOException refusedByAKilledService) {
                refused.incrementAndGet();
            }
        }
    }

    private boolean check(ApiReply reply, int expected) {
        if (reply.status() != expected) {
            unexpectedReplies.add(reply.toString());
            return false;
        }
        return true;
    }

    // ---- the services ----

    private NodeProcess start(String name, String side) {
        List<String> arguments = side.equals("command")
                ? List.of("--complaints.policy.bank-internal.first-contact-limit=" + FIRST_CONTACT_LIMIT,
                "--complaints.deadlines.polling-interval=PT0.5S",
                "--complaints.deadlines.heartbeat-interval=PT1S",
                "--complaints.deadlines.missed-heartbeats-limit=4",
                "--complaints.integrity.checkpoint.interval=P1D")
                : List.of("--axon.eventhandling.tokenstore.claim-timeout=PT3S",
                "--axon.eventhandling.processors.cases.token-claim-interval=500",
                "--axon.eventhandling.processors.metrics.token-claim-interval=500",
                "--complaints.processors.balancing.interval=PT1S",
                "--complaints.processors.balancing.release-for=PT3S");
        NodeProcess node = NodeProcess.start(name, side, directory, postgres.getJdbcUrl("postgres", "postgres"),
                side.equals("command") ? clockFile : null, arguments);
        nodes.add(node);
        return node;
    }

    private void writeClockOffset(Duration offset) throws IOException {
        Path written = directory.resolve("command-clock.tmp");
        Files.writeString(written, offset.toString());
        Files.move(written, clockFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Makes the daily task due now, as its time of day would, and waits until a service has run it. */
    private void runCheckpointTaskNow() {
        String before = text("select coalesce(last_success::text, '') from scheduled_tasks where task_name = 'integrity-checkpoint'");
        assertThat(update("update scheduled_tasks set execution_time = now() where task_name = 'integrity-checkpoint' and not picked"))
                .isEqualTo(1);
        Eventually.await("the checkpoint task run", TAKE_OVER,
                () -> text("select coalesce(last_success::text, '') from scheduled_tasks where task_name = 'integrity-checkpoint'"),
                after -> !after.equals(before));
    }

    /** How many segments of the projection each query service holds now, by service name. */
    private Map<String, Integer> claimsByNode(String projection) {
        Map<String, Integer> claims = new LinkedHashMap<>();
        for (NodeProcess node : List.of(query1, query2)) {
            int held = (int) count("select count(*) from token_entry where processor_name = ? and owner like ?",
                    projection, node.pid() + "@%");
            if (held > 0) {
                claims.put(node.name(), held);
            }
        }
        return claims;
    }

    // ---- what the store and the views hold ----

    private Map<String, Long> storedVersions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        query("select aggregate_identifier, max(sequence_number) from domain_event_entry where type = 'Complaint' "
                + "group by aggregate_identifier order by 1", rows -> versions.put(rows.getString(1), rows.getLong(2)));
        return versions;
    }

    private Map<String, JsonNode> views(Map<String, Long> stored) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        stored.forEach((id, version) -> views.put(id, Eventually.await("case " + id + " projected at version " + version,
                TAKE_OVER, () -> query2.api().as("supervisor1").get("/api/cases/" + id),
                reply -> reply.status() == 200 && reply.json().path("version").asLong() == version).json()));
        return views;
    }

    private JsonNode volume() {
        ApiReply reply = query2.api().as("analyst1").get("/api/metrics/volume?groupBy=category");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    private Map<String, Long> firstContactBreaches() {
        Map<String, Long> breaches = new LinkedHashMap<>();
        breachesPerCaseAndClock().forEach((key, count) -> {
            if (key.endsWith("/FIRST_CONTACT")) {
                breaches.put(key.substring(0, key.indexOf('/')), count);
            }
        });
        return breaches;
    }

    /** DeadlineBreached events in the store, counted by case and clock ("case/CLOCK"). */
    private Map<String, Long> breachesPerCaseAndClock() {
        Map<String, Long> breaches = new LinkedHashMap<>();
        query("select aggregate_identifier || '/' || (convert_from(payload, 'UTF8')::jsonb ->> 'clock'), count(*) "
                        + "from domain_event_entry where payload_type like '%.DeadlineBreached' group by 1 order by 1",
                rows -> breaches.put(rows.getString(1), rows.getLong(2)));
        return breaches;
    }

    // ---- SQL ----

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Row row, Object... parameters) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement statement = prepared(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                row.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private long count(String sql, Object... parameters) {
        long[] count = new long[1];
        query(sql, rows -> count[0] = rows.getLong(1), parameters);
        return count[0];
    }

    private String text(String sql) {
        String[] text = new String[1];
        query(sql, rows -> text[0] = rows.getString(1));
        return text[0];
    }

    private int update(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement statement = prepared(connection, sql)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
