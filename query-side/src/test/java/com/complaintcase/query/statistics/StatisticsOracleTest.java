package com.complaintcase.query.statistics;

import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.query.statistics.StatisticsQueries.*;
import com.complaintcase.workload.oracle.StatisticsOracle;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The independent oracle ({@link StatisticsOracle}: 2,000 seeded cases of the brief's mix and their figures computed
 * straight from the events) against the query handlers, the statistics projection fed in one batch: the fast check
 * of the projection and the queries; the standalone's StatisticsOracleEndToEndTest asks the same over HTTP.
 */
class StatisticsOracleTest extends ProjectionTestSupport {

    private static final StatisticsOracle ORACLE = StatisticsOracle.seeded(17, 2_000);

    @Autowired
    private StatisticsQueryHandler statistics;

    @Autowired
    private PlatformTransactionManager transactions;

    private <T> T ask(Supplier<T> question) {
        return new TransactionTemplate(transactions).execute(status -> question.get());
    }

    @Test
    void the_statistics_match_figures_computed_directly_from_the_events() {
        List<DomainEventMessage<?>> all = ORACLE.histories().stream().flatMap(List::stream).toList();
        // to the statistics projection alone, in one transaction: the oracle is about its figures (20,000 events)
        projections.deliverInOneBatch(StatisticsProjection.PROCESSING_GROUP, all);

        int reclassifiedDays = 0;
        for (LocalDate date : ORACLE.days()) {
            DailyStatistics answer = ask(() -> statistics.daily(new Daily(date, Grouping.CATEGORY, null)));
            assertThat(rows(answer)).as("daily " + date).isEqualTo(ORACLE.daily(date));
            Map<String, Long> changes = new TreeMap<>();
            answer.reclassified().forEach(r -> changes.put(r.key() + " " + r.from() + ">" + r.to(), r.count()));
            assertThat(changes).as("reclassified " + date).isEqualTo(ORACLE.reclassified(date));
            reclassifiedDays += changes.isEmpty() ? 0 : 1;
        }
        assertThat(reclassifiedDays).as("days on which earlier cases changed class").isGreaterThan(3);

        for (StatisticsOracle.Period period : ORACLE.periods()) {
            RatesReport rates = ask(() -> statistics.rates(new Rates(period.first(), period.last(), null, null)));
            RateFigures overall = rates.overall();
            assertThat(new StatisticsOracle.Rates(overall.registered(), overall.repeat(), overall.escalated(),
                    overall.escalationsByReason().values().stream().mapToLong(Long::longValue).sum()))
                    .as("rates " + period).isEqualTo(ORACLE.rates(period));
            assertThat(overall.repeat()).isPositive();

            CompensationReport compensation = ask(() -> statistics.compensation(new StatisticsQueries.Compensation(
                    period.first(), period.last(), null, null)));
            assertThat(render(compensation.overall())).as("compensation " + period)
                    .isEqualTo(ORACLE.compensation(period));

            OnTimeReport onTime = ask(() -> statistics.onTime(new OnTime(period.first(), period.last(), null, null)));
            Map<String, String> clocks = new TreeMap<>();
            onTime.clocks().stream().filter(c -> c.ended() > 0).forEach(c -> clocks.put(c.clock(),
                    StatisticsOracle.clockRate(c.ended(), c.metInTime(), c.onTimeRate())));
            assertThat(clocks).as("on time " + period).isEqualTo(ORACLE.onTime(period));
        }
    }

    private static Map<String, String> rows(DailyStatistics answer) {
        List<ClassRow> rows = new ArrayList<>(answer.rows());
        if (answer.totals().complaint() + answer.totals().inquiry() + answer.totals().notCounted() > 0) {
            rows.add(answer.totals());
        }
        Map<String, String> rendered = new TreeMap<>();
        rows.forEach(row -> rendered.put(row.key(), StatisticsOracle.classRow(row.complaint(), row.inquiry(),
                row.notCounted(), row.byResponsibility())));
        return rendered;
    }

    private static Map<String, String> render(CompensationFigures figures) {
        Map<String, String> rendered = new TreeMap<>();
        Map<String, Map<String, Amounts>> stages = Map.of("proposed", figures.proposed(), "approved", figures.approved(),
                "paid", figures.paid());
        stages.forEach((stage, byCurrency) -> byCurrency.forEach((currency, amounts) ->
                rendered.put(stage + " " + currency, StatisticsOracle.amounts(amounts.count(), amounts.sum()))));
        return rendered;
    }
}
