package com.complaintcase.query.metrics;

import com.complaintcase.query.metrics.MetricsQueries.HandlingTimeGroup;
import com.complaintcase.query.metrics.MetricsQueries.Period;
import com.complaintcase.query.metrics.MetricsQueries.SatisfactionGroup;
import com.complaintcase.query.metrics.MetricsQueries.TimeStatistics;
import com.complaintcase.query.metrics.MetricsQueries.VolumeGroup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Computes the analytics from the metrics projection. Satisfied means a score of 4 or 5. */
@Component
@Transactional(readOnly = true)
public class MetricsQueryHandler {

    private static final int RATE_SCALE = 4;

    @PersistenceContext
    private EntityManager entityManager;

    @QueryHandler
    public MetricsQueries.SatisfactionReport satisfaction(MetricsQueries.Satisfaction query) {
        List<Object[]> rows = inPeriod("select a.score, a.satisfied, a.answeredAt, m from SatisfactionAnswer a, MetricsCase m "
                + "where m.complaintId = a.complaintId", "a.answeredAt", query.period());
        long responses = rows.size();
        long satisfied = rows.stream().filter(row -> (Boolean) row[1]).count();
        List<SatisfactionGroup> groups = new ArrayList<>();
        if (query.groupBy() != null) {
            Map<String, List<Object[]>> byKey = group(rows, row -> ((MetricsCase) row[3]).keyFor(query.groupBy(), (Instant) row[2]));
            byKey.forEach((key, members) -> {
                long groupSatisfied = members.stream().filter(row -> (Boolean) row[1]).count();
                double average = members.stream().mapToInt(row -> (Integer) row[0]).average().orElse(0);
                groups.add(new SatisfactionGroup(key, members.size(), groupSatisfied, rate(groupSatisfied, members.size()),
                        BigDecimal.valueOf(average).setScale(2, RoundingMode.HALF_UP)));
            });
        }
        return new MetricsQueries.SatisfactionReport(new MetricsQueries.Rate(responses, satisfied, rate(satisfied, responses)), groups);
    }

    @QueryHandler
    public MetricsQueries.HandlingTimeReport handlingTime(MetricsQueries.HandlingTime query) {
        List<Object[]> rows = inPeriod("select r.seconds, r.resolvedAt, m from ResolutionTime r, MetricsCase m "
                + "where m.complaintId = r.complaintId", "r.resolvedAt", query.period());
        List<HandlingTimeGroup> groups = new ArrayList<>();
        if (query.groupBy() != null) {
            group(rows, row -> ((MetricsCase) row[2]).keyFor(query.groupBy(), (Instant) row[1]))
                    .forEach((key, members) -> groups.add(new HandlingTimeGroup(key, statistics(members))));
        }
        return new MetricsQueries.HandlingTimeReport(statistics(rows), groups);
    }

    @QueryHandler
    public MetricsQueries.VolumeReport volume(MetricsQueries.Volume query) {
        List<Object[]> rows = inPeriod("select m.registeredAt, m from MetricsCase m where 1 = 1", "m.registeredAt",
                query.period());
        List<VolumeGroup> groups = new ArrayList<>();
        if (query.groupBy() != null) {
            group(rows, row -> ((MetricsCase) row[1]).keyFor(query.groupBy(), (Instant) row[0]))
                    .forEach((key, members) -> groups.add(new VolumeGroup(key, members.size())));
        }
        return new MetricsQueries.VolumeReport(rows.size(), groups);
    }

    private List<Object[]> inPeriod(String select, String timeAttribute, Period period) {
        StringBuilder jpql = new StringBuilder(select);
        if (period.from() != null) {
            jpql.append(" and ").append(timeAttribute).append(" >= :from");
        }
        if (period.to() != null) {
            jpql.append(" and ").append(timeAttribute).append(" < :to");
        }
        TypedQuery<Object[]> query = entityManager.createQuery(jpql.toString(), Object[].class);
        if (period.from() != null) {
            query.setParameter("from", period.from());
        }
        if (period.to() != null) {
            query.setParameter("to", period.to());
        }
        return query.getResultList();
    }

    private static Map<String, List<Object[]>> group(List<Object[]> rows, Function<Object[], String> key) {
        Map<String, List<Object[]>> groups = new TreeMap<>();
        rows.forEach(row -> groups.computeIfAbsent(key.apply(row), ignored -> new ArrayList<>()).add(row));
        return groups;
    }

    private static TimeStatistics statistics(List<Object[]> rows) {
        long[] seconds = rows.stream().mapToLong(row -> (Long) row[0]).sorted().toArray();
        if (seconds.length == 0) {
            return new TimeStatistics(0, null, null, null, null, null, null);
        }
        double average = Arrays.stream(seconds).average().orElse(0);
        return new TimeStatistics(seconds.length, Duration.ofSeconds(Math.round(average)),
                Duration.ofSeconds(percentile(seconds, 50)), Duration.ofSeconds(percentile(seconds, 90)),
                Duration.ofSeconds(percentile(seconds, 95)), Duration.ofSeconds(seconds[seconds.length - 1]),
                BigDecimal.valueOf(average / 86_400d).setScale(2, RoundingMode.HALF_UP));
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100d * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static BigDecimal rate(long satisfied, long responses) {
        return responses == 0 ? null
                : BigDecimal.valueOf(satisfied).divide(BigDecimal.valueOf(responses), RATE_SCALE, RoundingMode.HALF_UP);
    }
}
