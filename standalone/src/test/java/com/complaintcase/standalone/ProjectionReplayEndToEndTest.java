package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.complaintcase.standalone.CommandBodies.closing;
import static com.complaintcase.standalone.CommandBodies.feedback;
import static com.complaintcase.standalone.CommandBodies.withdrawal;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding a projection from the event store ({@code POST /api/admin/projections/{name}/replay})
 * changes none of its answers: with eight cases in the store, some overdue and some with feedback,
 * the open and overdue lists, a case view and the metrics are captured, both projections are replayed,
 * and the same answers come back. The tests run in order: the second looks at how the replay of
 * the first reports its end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionReplayEndToEndTest {

    private static final Duration REPLAY_TIME = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;

    private static final MutableClock clock = new MutableClock();
    private static RunningApplication app;
    private static Api api;
    private static CaseSteps steps;
    private static final List<String> caseIds = new ArrayList<>();
    private static long returnsPosition = -1;

    @BeforeAll
    static void fillTheStore() {
        app = RunningApplication.start(dataDir, clock);
        api = app.api();
        steps = new CaseSteps(api, clock);

        String[][] kinds = {
                {"BUSINESS_ERROR", "WRONG_FEE", "FEES", "BR-0101", "PHONE"},
                {"PERSONNEL_SERVICE", "POOR_ATTITUDE", "SERVICE_ATTITUDE", "BR-0101", "VISIT"},
                {"HARDWARE_AND_CHANNELS", "MOBILE_BANKING", "TECHNICAL", "BR-0202", "MOBILE_APP"},
                {"RULES_AND_POLICY", "SERVICE_CHARGE", "FEES", "BR-0202", "LETTER"},
                {"SPECIAL_GROUPS", "ELDERLY_OR_DISABLED", "SERVICE_ATTITUDE", "BR-0303", "VISIT"},
                {"BUSINESS_ERROR", "SYSTEM_ERROR", "PRODUCT_INFORMATION", "BR-0303", "ONLINE"},
                {"HARDWARE_AND_CHANNELS", "SMS_NOTIFICATION", "TECHNICAL", "BR-0101", "EMAIL"},
                {"PERSONNEL_SERVICE", "UNFAMILIAR_WITH_BUSINESS", "SERVICE_ATTITUDE", "BR-0202", "PHONE"}};
        Instant firstReceipt = clock.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < kinds.length; i++) {
            String[] kind = kinds[i];
            clock.advance(Duration.ofMinutes(1));
            caseIds.add(steps.register("intake1", aRegistration().withNewId()
                    .receivedAt(firstReceipt.plus(Duration.ofMinutes(5L * i)))
                    .classifiedAs(kind[0], kind[1], kind[2])
                    .atBranch(kind[3])
                    .through(kind[4])));
        }
        // 0: registered only; 1: accepted; 2: assigned; 3: in progress; 4..6: resolved with feedback; 7: withdrawn
        clock.advance(Duration.ofHours(1));
        steps.accept(caseIds.get(1), "BRANCH");
        steps.acceptAndAssign(caseIds.get(2), "FIRST_LEVEL_BRANCH", "handler1");
        steps.acceptAndAssign(caseIds.get(3), "BRANCH", "handler2");
        steps.contact("handler2", caseIds.get(3));
        for (int i = 4; i <= 6; i++) {
            String handler = i % 2 == 0 ? "handler1" : "handler2";
            steps.acceptAndAssign(caseIds.get(i), "BRANCH", handler);
            clock.advance(Duration.ofHours(i));
            steps.resolve(handler, caseIds.get(i));
            steps.step(handler, caseIds.get(i), "feedback", feedback(i - 2));
        }
        steps.step("handler1", caseIds.get(4), "close", closing());
        steps.step("intake1", caseIds.get(7), "withdraw", withdrawal());
        steps.awaitProjectionsCaughtUp();
        // cases 0, 1 and 2 are now past their first-contact limit
        clock.advance(Duration.ofHours(48));
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void replaying_the_cases_metrics_statistics_and_returns_projections_rebuilds_exactly_the_same_answers() {
        Map<String, JsonNode> before = answers();
        assertThat(before.get("open").path("totalElements").asLong()).as("the store is not empty").isEqualTo(6);
        // cases 0, 1 and 2 missed their first contact; a case accepted at branch level may also be late with the
        // branch's reply, depending on the working days the 48 hours spanned
        assertThat(before.get("overdue").path("totalElements").asLong()).isBetween(3L, 5L);
        assertThat(before.get("satisfaction").path("overall").path("responses").asLong()).isEqualTo(3);
        assertThat(before.get("volume").path("total").asLong()).isEqualTo(8);

        for (String projection : List.of("cases", "metrics", "statistics", "returns")) {
            ApiReply started = api.as("compliance1").post("/api/admin/projections/" + projection + "/replay", null);
            assertThat(started.status()).as("%s", started).isEqualTo(202);
            assertThat(started.json().path("projection").asText()).isEqualTo(projection);
            assertThat(started.json().path("state").asText()).isIn("REPLAYING", "COMPLETED");
            assertThat(started.json().path("total").asLong()).as("%s", started).isPositive();
            assertThat(started.json().hasNonNull("startedAt")).as("%s", started).isTrue();

            JsonNode caughtUp = Eventually.await("replay of " + projection + " processed every event", REPLAY_TIME,
                    () -> okJson(api.as("compliance1").get("/api/admin/projections/" + projection)),
                    progress -> progress.path("processed").asLong() == progress.path("total").asLong());
            assertThat(caughtUp.path("total").asLong()).as("%s", caughtUp).isEqualTo(started.json().path("total").asLong());
            assertThat(caughtUp.path("startedAt")).as("%s", caughtUp).isEqualTo(started.json().path("startedAt"));
        }

        Map<String, JsonNode> after = Eventually.await("the same answers after the replay",
                ProjectionReplayEndToEndTest::answers, before::equals);
        for (String question : before.keySet()) {
            assertThat(after.get(question)).as("answer to %s after the replay", question).isEqualTo(before.get(question));
        }
    }

    @Test
    @Order(2)
    void a_replay_that_has_processed_every_event_in_the_store_reports_completed() {
        for (String projection : List.of("cases", "metrics")) {
            JsonNode status = okJson(api.as("compliance1").get("/api/admin/projections/" + projection));
            if (status.path("state").asText().equals("LIVE")) {
                ApiReply started = api.as("compliance1").post("/api/admin/projections/" + projection + "/replay", null);
                assertThat(started.status()).as("%s", started).isEqualTo(202);
            }
            JsonNode done = Eventually.await("replay of " + projection + " reported COMPLETED", REPLAY_TIME,
                    () -> okJson(api.as("compliance1").get("/api/admin/projections/" + projection)),
                    progress -> progress.path("state").asText().equals("COMPLETED"));
            assertThat(done.path("total").asLong()).as("%s", done).isPositive();
            assertThat(done.path("processed").asLong()).as("%s", done).isEqualTo(done.path("total").asLong());
            assertThat(done.hasNonNull("completedAt")).as("%s", done).isTrue();
        }
    }

    @Test
    @Order(3)
    void a_rebuild_writes_the_case_tables_without_their_secondary_indexes_and_makes_each_again_once_it_caught_up() {
        JdbcTemplate jdbc = new JdbcTemplate(app.bean(DataSource.class));
        Eventually.await("the indexes of the earlier tests' rebuilds made again", REPLAY_TIME,
                () -> jdbc.queryForObject("select count(*) from rebuild_deferred_index", Long.class), left -> left == 0);
        Map<String, Long> before = caseTableIndexes(jdbc);
        assertThat(before).as("the secondary indexes of the case tables").containsKeys("ix_case_next_due", "ix_case_open_branch");

        ApiReply started = api.as("compliance1").post("/api/admin/projections/cases/replay", null);
        assertThat(started.status()).as("%s", started).isEqualTo(202);

        Map<String, Long> after = Eventually.await("the case tables' indexes made again after the rebuild", REPLAY_TIME,
                () -> caseTableIndexes(jdbc), indexes -> indexes.keySet().equals(before.keySet()));
        assertThat(jdbc.queryForObject("select count(*) from rebuild_deferred_index", Long.class))
                .as("indexes still to make").isZero();
        before.forEach((index, identity) -> {
            boolean constraint = index.startsWith("pk_") || index.startsWith("uk_");
            assertThat(after.get(index).equals(identity)).as("%s kept (a constraint's) rather than made again", index)
                    .isEqualTo(constraint);
        });
    }

    /** The indexes of the case tables by name, with their identity (a dropped and made-again index has a new one). */
    private static Map<String, Long> caseTableIndexes(JdbcTemplate jdbc) {
        Map<String, Long> indexes = new LinkedHashMap<>();
        jdbc.query("select c.relname, c.oid from pg_index i join pg_class c on c.oid = i.indexrelid"
                        + " join pg_class t on t.oid = i.indrelid"
                        + " where t.relname in ('case_summary', 'case_deadline', 'case_escalation') order by c.relname",
                row -> {
                    indexes.put(row.getString(1), row.getLong(2));
                });
        return indexes;
    }

    @Test
    void only_compliance_and_supervisors_may_replay_so_an_analyst_handler_intake_or_regulator_gets_403_and_nothing_starts() {
        JsonNode statusBefore = okJson(api.as("supervisor1").get("/api/admin/projections/cases"));
        for (String user : List.of("analyst1", "handler1", "intake1", "regulator1")) {
            for (String projection : List.of("cases", "metrics")) {
                assertProblem(api.as(user).post("/api/admin/projections/" + projection + "/replay", null),
                        403, "ROLE_NOT_ALLOWED");
            }
        }
        JsonNode statusAfter = okJson(api.as("supervisor1").get("/api/admin/projections/cases"));
        assertThat(statusAfter.path("startedAt")).as("no replay was started").isEqualTo(statusBefore.path("startedAt"));
    }

    @Test
    void an_unknown_projection_is_404_unknown_projection_for_its_status_and_its_replay() {
        assertProblem(api.as("compliance1").post("/api/admin/projections/complaints/replay", null),
                404, "UNKNOWN_PROJECTION");
        assertProblem(api.as("compliance1").get("/api/admin/projections/complaints"), 404, "UNKNOWN_PROJECTION");
    }

    @Test
    void the_projection_list_names_the_cases_and_metrics_projections_with_their_progress() {
        JsonNode all = okJson(api.as("compliance1").get("/api/admin/projections"));
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        all.forEach(progress -> byName.put(progress.path("projection").asText(), progress));
        assertThat(byName).containsKeys("cases", "metrics");
        for (String name : List.of("cases", "metrics")) {
            JsonNode progress = byName.get(name);
            assertThat(progress.path("state").asText()).as("%s", progress).isIn("LIVE", "REPLAYING", "COMPLETED");
            assertThat(progress.path("total").asLong()).as("%s", progress).isPositive();
        }
    }

    // ---- helpers ----

    /**
     * The answers a replay must not change. Overdue durations grow with the clock, and a list says when its total
     * was counted, so those are left out.
     */
    private static Map<String, JsonNode> answers() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        ObjectNode open = okJson(api.as("supervisor1").get("/api/cases/open?size=500&sort=complaintId,asc")).deepCopy();
        open.remove("totalCountedAt");
        answers.put("open", open);
        ObjectNode overdue = okJson(api.as("supervisor1").get("/api/cases/overdue?size=500")).deepCopy();
        overdue.remove("totalCountedAt");
        overdue.path("items").forEach(item -> ((ObjectNode) item).remove("overdueBy"));
        answers.put("overdue", overdue);
        for (String id : List.of(caseIds.get(0), caseIds.get(3), caseIds.get(4))) {
            answers.put("case " + id, okJson(api.as("compliance1").get("/api/cases/" + id)));
        }
        answers.put("satisfaction", okJson(api.as("analyst1").get("/api/metrics/satisfaction?groupBy=category")));
        answers.put("satisfaction by handler", okJson(api.as("analyst1").get("/api/metrics/satisfaction?groupBy=handlerId")));
        answers.put("volume", okJson(api.as("analyst1").get("/api/metrics/volume?groupBy=category")));
        answers.put("volume by branch", okJson(api.as("analyst1").get("/api/metrics/volume?groupBy=branchCode")));
        answers.put("handling time", okJson(api.as("analyst1").get("/api/metrics/handling-time?groupBy=handlerId")));
        // the statistics, each without the instant it was computed at
        for (String path : List.of("/api/statistics/daily?groupBy=branchCode", "/api/metrics/rates?groupBy=category",
                "/api/metrics/on-time", "/api/metrics/compensation", "/api/metrics/trend")) {
            ObjectNode statistics = okJson(api.as("analyst1").get(path)).deepCopy();
            statistics.remove("asOf");
            answers.put(path, statistics);
        }
        // the regulatory returns as of a fixed position (the store's head when first asked): read from the returns'
        // facts table, whose replay must leave them as they were
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String period = "from=" + today.minusDays(30) + "&to=" + today.plusDays(1);
        if (returnsPosition < 0) {
            returnsPosition = okJson(api.as("compliance1").get("/api/returns/fca-disp1?" + period)).path("asOfPosition").asLong();
        }
        for (String regime : List.of("fca-disp1", "cfpb", "cn-pboc")) {
            answers.put(regime, okJson(api.as("compliance1").get("/api/returns/" + regime + "?" + period
                    + "&asOfPosition=" + returnsPosition)));
        }
        return answers;
    }

    private static JsonNode okJson(ApiReply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }
}
