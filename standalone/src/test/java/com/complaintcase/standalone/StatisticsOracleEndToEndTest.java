package com.complaintcase.standalone;

import com.complaintcase.workload.oracle.StatisticsOracle;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The independent oracle over HTTP: the 2,000 seeded cases of {@link StatisticsOracle} (the brief's mix, some overdue,
 * repeat, escalated, reopened, with compensation in two currencies) appended to the running application's event store
 * as their aggregates' events, the statistics projection building its tables through the real event processing, and
 * every figure the oracle computes straight from the events compared with what the analyst gets from the statistics'
 * paths. The cases are registered in September 2026, the days and periods asked about.
 */
class StatisticsOracleEndToEndTest {

    private static final StatisticsOracle ORACLE = StatisticsOracle.seeded(17, 2_000);
    private static final int CASES_PER_TRANSACTION = 1_000;
    private static final Duration PROCESSING_TIME = Duration.ofSeconds(120);

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static Api.Caller analyst;

    @BeforeAll
    static void appendTheWorkloadToTheStore() {
        app = RunningApplication.start(dataDir);
        analyst = app.api().as("analyst1");
        List<List<DomainEventMessage<?>>> histories = ORACLE.histories();
        for (int first = 0; first < histories.size(); first += CASES_PER_TRANSACTION) {
            List<DomainEventMessage<?>> events = histories.subList(first, Math.min(histories.size(),
                    first + CASES_PER_TRANSACTION)).stream().flatMap(List::stream).toList();
            append(events);
        }
        long appended = histories.stream().mapToLong(List::size).sum();
        Eventually.await("the statistics projection at the head of the event store", PROCESSING_TIME,
                () -> app.api().as("compliance1").get("/api/admin/projections/statistics"),
                reply -> reply.status() == 200 && reply.json().path("total").asLong() >= appended
                        && reply.json().path("processed").asLong() == reply.json().path("total").asLong());
    }

    /** As the command side appends a command's events: in a unit of work on the store's transaction, chained. */
    private static void append(List<DomainEventMessage<?>> events) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(app.bean(TransactionManager.class));
        unitOfWork.execute(() -> app.bean(EventStore.class).publish(events));
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_statistics_over_http_match_figures_computed_directly_from_the_events() {
        int reclassifiedDays = 0;
        for (LocalDate date : ORACLE.days()) {
            JsonNode daily = ok("/api/statistics/daily?date=" + date + "&groupBy=category");
            assertThat(rows(daily)).as("daily " + date).isEqualTo(ORACLE.daily(date));
            Map<String, Long> changes = new TreeMap<>();
            daily.path("reclassified").forEach(r -> changes.put(r.path("key").asText() + " " + r.path("from").asText()
                    + ">" + r.path("to").asText(), r.path("count").asLong()));
            assertThat(changes).as("reclassified " + date).isEqualTo(ORACLE.reclassified(date));
            reclassifiedDays += changes.isEmpty() ? 0 : 1;
        }
        assertThat(reclassifiedDays).as("days on which earlier cases changed class").isGreaterThan(3);

        for (StatisticsOracle.Period period : ORACLE.periods()) {
            String dates = "from=" + period.first() + "&to=" + period.last();
            JsonNode rates = ok("/api/metrics/rates?" + dates).path("overall");
            long escalations = 0;
            for (JsonNode count : rates.path("escalationsByReason")) {
                escalations += count.asLong();
            }
            assertThat(new StatisticsOracle.Rates(rates.path("registered").asLong(), rates.path("repeat").asLong(),
                    rates.path("escalated").asLong(), escalations)).as("rates " + period).isEqualTo(ORACLE.rates(period));
            assertThat(rates.path("repeat").asLong()).isPositive();

            JsonNode compensation = ok("/api/metrics/compensation?" + dates).path("overall");
            assertThat(amounts(compensation)).as("compensation " + period).isEqualTo(ORACLE.compensation(period));

            Map<String, String> clocks = new TreeMap<>();
            ok("/api/metrics/on-time?" + dates).path("clocks").forEach(c -> {
                if (c.path("ended").asLong() > 0) {
                    clocks.put(c.path("clock").asText(), StatisticsOracle.clockRate(c.path("ended").asLong(),
                            c.path("metInTime").asLong(), c.path("onTimeRate").decimalValue()));
                }
            });
            assertThat(clocks).as("on time " + period).isEqualTo(ORACLE.onTime(period));
        }
    }

    @Test
    void a_days_complaints_and_its_reclassified_cases_drill_down_to_the_cases_the_events_say() {
        long complaints = 0;
        long reclassified = 0;
        for (LocalDate date : ORACLE.days()) {
            Set<String> expected = ORACLE.registeredOnThatDayAs(date, "COMPLAINT");
            assertThat(drill(date, "complaint")).as("complaints registered on " + date).isEqualTo(expected);
            complaints += expected.size();
            Set<String> changed = ORACLE.changedClassOn(date, "INQUIRY>COMPLAINT");
            assertThat(drill(date, "INQUIRY>COMPLAINT")).as("inquiries become complaints on " + date).isEqualTo(changed);
            reclassified += changed.size();
        }
        assertThat(complaints).isPositive();
        assertThat(reclassified).isPositive();
    }

    /** The case ids behind the day's {@code figure} of the whole report. */
    private static Set<String> drill(LocalDate date, String figure) {
        JsonNode drill = ok("/api/statistics/daily?date=" + date + "&drill=TOTAL&figure="
                + java.net.URLEncoder.encode(figure, java.nio.charset.StandardCharsets.UTF_8)).path("drill");
        Set<String> ids = new TreeSet<>();
        drill.path("complaintIds").forEach(id -> ids.add(id.asText()));
        assertThat(drill.path("count").asLong()).as("%s", drill).isEqualTo(ids.size());
        return ids;
    }

    private static JsonNode ok(String path) {
        ApiReply reply = analyst.get(path);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    /** The daily rows and, when any case was registered that day, the totals, as the oracle renders them. */
    private static Map<String, String> rows(JsonNode daily) {
        List<JsonNode> rows = new ArrayList<>();
        daily.path("rows").forEach(rows::add);
        JsonNode totals = daily.path("totals");
        if (totals.path("complaint").asLong() + totals.path("inquiry").asLong() + totals.path("notCounted").asLong() > 0) {
            rows.add(totals);
        }
        Map<String, String> rendered = new TreeMap<>();
        for (JsonNode row : rows) {
            Map<String, Long> byResponsibility = new HashMap<>();
            row.path("byResponsibility").properties().forEach(e -> byResponsibility.put(e.getKey(), e.getValue().asLong()));
            rendered.put(row.path("key").asText(), StatisticsOracle.classRow(row.path("complaint").asLong(),
                    row.path("inquiry").asLong(), row.path("notCounted").asLong(), byResponsibility));
        }
        return rendered;
    }

    /** "stage CURRENCY" to count and sum, as the oracle renders them. */
    private static Map<String, String> amounts(JsonNode figures) {
        Map<String, String> rendered = new TreeMap<>();
        for (String stage : List.of("proposed", "approved", "paid")) {
            figures.path(stage).properties().forEach(e -> rendered.put(stage + " " + e.getKey(),
                    StatisticsOracle.amounts(e.getValue().path("count").asLong(), e.getValue().path("sum").decimalValue())));
        }
        return rendered;
    }
}
