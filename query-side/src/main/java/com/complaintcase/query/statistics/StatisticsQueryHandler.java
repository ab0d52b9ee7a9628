package com.complaintcase.query.statistics;

import com.complaintcase.query.statistics.StatisticsQueries.*;
import com.complaintcase.query.statistics.StatisticsTally.Measure;
import com.complaintcase.query.statistics.counting.CountedResponsibility;
import com.complaintcase.query.statistics.counting.CountingClass;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.SlaClock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Answers the statistics from the statistics projection (and the overdue ages from the cases projection's open
 * deadlines, the same as the overdue list). Days, quarters and periods begin in the reporting zone.
 */
@Component
@Transactional(readOnly = true)
@EnableConfigurationProperties(StatisticsSettings.class)
public class StatisticsQueryHandler {

    static final int RATE_SCALE = 4;
    static final String[] BANDS = {"LESS_THAN_1_DAY", "1_TO_3_DAYS", "3_TO_7_DAYS", "MORE_THAN_7_DAYS"};

    @PersistenceContext
    private EntityManager entityManager;

    private final StatisticsSettings settings;
    private final Clock clock;

    public StatisticsQueryHandler(StatisticsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(settings.zone()).toInstant();
    }

    private String zone() {
        return settings.zone().getId();
    }

    // ---- daily ----

    @QueryHandler
    public DailyStatistics daily(Daily query) {
        if (query.drill() == null) {
            return dailyCounted(query);
        }
        Instant asOf = clock.instant();
        Instant from = start(query.date());
        Instant to = start(query.date().plusDays(1));
        List<StatisticsCase> cases = entityManager.createQuery("select c from StatisticsCase c where c.registeredAt >= :from"
                        + " and c.registeredAt < :to", StatisticsCase.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        Map<String, ClassChange> atEnd = lastChanges(entityManager.createQuery("select ch from ClassChange ch, StatisticsCase c"
                        + " where ch.complaintId = c.complaintId and c.registeredAt >= :from and c.registeredAt < :to"
                        + " and ch.changedAt < :to order by ch.complaintId, ch.sequence", ClassChange.class)
                .setParameter("from", from).setParameter("to", to).getResultList());
        Tally tally = new Tally();
        for (StatisticsCase c : cases) {
            ClassChange state = atEnd.get(c.complaintId);
            CountingClass countingClass = state == null ? CountingClass.NOT_COUNTED : state.countingClass;
            String key = key(c, query.groupBy(), state == null ? c.level : state.level);
            tally.add(key, "cases", c.complaintId);
            tally.add(key, figure(countingClass), c.complaintId);
            if (countingClass != CountingClass.NOT_COUNTED) {
                tally.add(key, state.responsibility.name(), c.complaintId);
            }
        }
        List<ClassRow> rows = tally.keys().stream().map(key -> classRow(tally, key)).toList();
        Tally changed = reclassified(from, to, query.groupBy());
        List<Reclassification> reclassified = reclassifications(changed);
        DrillDown drill = null;
        if (query.drill() != null) {
            String figure = query.drill().figure() == null ? "cases" : query.drill().figure();
            drill = figure.contains(">") ? drill(changed, query.drill().key(), figure) : drill(tally, query.drill().key(), figure);
        }
        return new DailyStatistics(query.date(), query.groupBy().parameter(), zone(), asOf, rows,
                classRow(tally, Tally.TOTAL), reclassified, drill);
    }

    /**
     * The day's figures counted by the database: the cases registered that day by their key, their last change before
     * the day's end; the reclassified by their class before and after the day.
     */
    private DailyStatistics dailyCounted(Daily query) {
        Instant asOf = clock.instant();
        Instant from = start(query.date());
        Instant to = start(query.date().plusDays(1));
        String attribute = attribute(query.groupBy());
        Counts counts = new Counts();
        for (Object[] row : entityManager.createQuery("select " + attribute + ", c.level, ch.level, ch.countingClass,"
                        + " ch.responsibility, count(c) from StatisticsCase c left join ClassChange ch"
                        + " on ch.complaintId = c.complaintId and ch.sequence = (select max(x.sequence) from ClassChange x"
                        + " where x.complaintId = c.complaintId and x.changedAt < :to)"
                        + " where c.registeredAt >= :from and c.registeredAt < :to"
                        + " group by " + attribute + ", c.level, ch.level, ch.countingClass, ch.responsibility", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            CountingClass countingClass = row[3] == null ? CountingClass.NOT_COUNTED : (CountingClass) row[3];
            String key = key(query.groupBy(), row[0], row[2] == null ? row[1] : row[2]);
            long count = (Long) row[5];
            counts.add(key, "cases", count);
            counts.add(key, figure(countingClass), count);
            if (countingClass != CountingClass.NOT_COUNTED) {
                counts.add(key, ((CountedResponsibility) row[4]).name(), count);
            }
        }
        Counts changed = new Counts();
        for (Object[] row : entityManager.createQuery("select " + attribute + ", a.level, b.countingClass, a.countingClass,"
                        + " count(c) from StatisticsCase c join ClassChange a on a.complaintId = c.complaintId"
                        + " and a.sequence = (select max(x.sequence) from ClassChange x where x.complaintId = c.complaintId"
                        + " and x.changedAt < :to)"
                        + " left join ClassChange b on b.complaintId = c.complaintId and b.sequence = (select max(y.sequence)"
                        + " from ClassChange y where y.complaintId = c.complaintId and y.changedAt < :from)"
                        + " where c.registeredAt < :from and c.complaintId in (select z.complaintId from ClassChange z"
                        + " where z.changedAt >= :from and z.changedAt < :to)"
                        + " group by " + attribute + ", a.level, b.countingClass, a.countingClass", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            CountingClass was = row[2] == null ? CountingClass.NOT_COUNTED : (CountingClass) row[2];
            CountingClass is = (CountingClass) row[3];
            if (was != is) {
                changed.add(key(query.groupBy(), row[0], row[1]), was + ">" + is, (Long) row[4]);
            }
        }
        List<ClassRow> rows = counts.keys().stream().map(key -> classRow(counts, key)).toList();
        return new DailyStatistics(query.date(), query.groupBy().parameter(), zone(), asOf, rows,
                classRow(counts, Tally.TOTAL), reclassifications(changed), null);
    }

    private static List<Reclassification> reclassifications(Figures changed) {
        List<Reclassification> reclassified = new ArrayList<>();
        changed.keys().forEach(key -> {
            for (CountingClass before : CountingClass.values()) {
                for (CountingClass after : CountingClass.values()) {
                    long count = changed.count(key, before + ">" + after);
                    if (count > 0) {
                        reclassified.add(new Reclassification(key, before.name(), after.name(), count));
                    }
                }
            }
        });
        return reclassified;
    }

    /** The case's attribute a grouping groups by (the level: any; its key is the level the query reads). */
    private static String attribute(Grouping grouping) {
        return grouping == null ? "c.category" : switch (grouping) {
            case CATEGORY, LEVEL -> "c.category";
            case SUBCATEGORY -> "c.subcategory";
            case ROOT_ISSUE -> "c.rootIssue";
            case BRANCH_CODE -> "c.branchCode";
            case CHANNEL -> "c.channel";
        };
    }

    private static String key(Grouping grouping, Object attribute, Object level) {
        if (grouping == null) {
            return null;
        }
        Object key = grouping == Grouping.LEVEL ? level : attribute;
        return key instanceof Enum<?> constant ? constant.name() : key.toString();
    }

    /** Cases registered before the day whose class at its end differs from the class at its start. */
    private Tally reclassified(Instant from, Instant to, Grouping groupBy) {
        List<String> touched = entityManager.createQuery("select distinct ch.complaintId from ClassChange ch, StatisticsCase c"
                        + " where ch.complaintId = c.complaintId and c.registeredAt < :from and ch.changedAt >= :from"
                        + " and ch.changedAt < :to", String.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        Tally tally = new Tally();
        if (touched.isEmpty()) {
            return tally;
        }
        Map<String, StatisticsCase> cases = new HashMap<>();
        Map<String, ClassChange> before = new HashMap<>();
        Map<String, ClassChange> after = new HashMap<>();
        for (int at = 0; at < touched.size(); at += 1000) {
            List<String> ids = touched.subList(at, Math.min(touched.size(), at + 1000));
            entityManager.createQuery("select c from StatisticsCase c where c.complaintId in :ids", StatisticsCase.class)
                    .setParameter("ids", ids).getResultList().forEach(c -> cases.put(c.complaintId, c));
            for (ClassChange change : entityManager.createQuery("select ch from ClassChange ch where ch.complaintId in :ids"
                    + " and ch.changedAt < :to order by ch.complaintId, ch.sequence", ClassChange.class)
                    .setParameter("ids", ids).setParameter("to", to).getResultList()) {
                after.put(change.complaintId, change);
                if (change.changedAt.isBefore(from)) {
                    before.put(change.complaintId, change);
                }
            }
        }
        after.forEach((id, end) -> {
            ClassChange start = before.get(id);
            CountingClass was = start == null ? CountingClass.NOT_COUNTED : start.countingClass;
            if (was != end.countingClass) {
                tally.add(key(cases.get(id), groupBy, end.level), was + ">" + end.countingClass, id);
            }
        });
        return tally;
    }

    private static Map<String, ClassChange> lastChanges(List<ClassChange> ordered) {
        Map<String, ClassChange> last = new HashMap<>();
        ordered.forEach(change -> last.put(change.complaintId, change));
        return last;
    }

    private static String figure(CountingClass countingClass) {
        return switch (countingClass) {
            case COMPLAINT -> "complaint";
            case INQUIRY -> "inquiry";
            case NOT_COUNTED -> "notCounted";
        };
    }

    private static ClassRow classRow(Figures tally, String key) {
        Map<String, Long> byResponsibility = new LinkedHashMap<>();
        for (CountedResponsibility responsibility : CountedResponsibility.values()) {
            byResponsibility.put(responsibility.name(), tally.count(key, responsibility.name()));
        }
        return new ClassRow(key, tally.count(key, "complaint"), tally.count(key, "inquiry"),
                tally.count(key, "notCounted"), byResponsibility);
    }

    private static String key(StatisticsCase c, Grouping grouping, HandlingLevel level) {
        if (grouping == null) {
            return null;
        }
        return grouping == Grouping.LEVEL ? level.name() : c.keyFor(grouping);
    }

    private static DrillDown drill(Tally tally, String key, String figure) {
        List<String> ids = tally.drill(key, figure);
        return new DrillDown(key, figure, ids.size(), ids);
    }

    // ---- on time ----

    @QueryHandler
    public OnTimeReport onTime(OnTime query) {
        Instant asOf = clock.instant();
        if (query.drill() == null && query.groupBy() != Grouping.LEVEL) {
            Counts counts = tallied(query.groupBy(), query.from(), query.to().plusDays(1), Measure.CLOCK);
            return new OnTimeReport(query.from(), query.to(), parameter(query.groupBy()), zone(), asOf,
                    clockRates(counts, Tally.TOTAL), query.groupBy() == null ? null : counts.keys().stream()
                    .map(key -> new GroupClocks(key, clockRates(counts, key))).toList(), null);
        }
        List<Object[]> rows = entityManager.createQuery("select e, c from ClockEnding e, StatisticsCase c"
                        + " where e.complaintId = c.complaintId and e.endedAt >= :from and e.endedAt < :to", Object[].class)
                .setParameter("from", start(query.from())).setParameter("to", start(query.to().plusDays(1)))
                .getResultList();
        Tally tally = new Tally();
        for (Object[] row : rows) {
            ClockEnding ending = (ClockEnding) row[0];
            String key = key((StatisticsCase) row[1], query.groupBy(), ((StatisticsCase) row[1]).level);
            tally.add(key, ending.clock + ".ended", ending.complaintId);
            tally.add(key, ending.clock + (ending.metInTime ? ".metInTime" : ".breached"), ending.complaintId);
        }
        List<GroupClocks> groups = query.groupBy() == null ? null
                : tally.keys().stream().map(key -> new GroupClocks(key, clockRates(tally, key))).toList();
        return new OnTimeReport(query.from(), query.to(), parameter(query.groupBy()), zone(), asOf,
                clockRates(tally, Tally.TOTAL), groups, drill(tally, query.drill()));
    }

    private static List<ClockRate> clockRates(Figures tally, String key) {
        return Arrays.stream(SlaClock.values()).map(clock -> {
            long ended = tally.count(key, clock + ".ended");
            long met = tally.count(key, clock + ".metInTime");
            return new ClockRate(clock.name(), ended, met, tally.count(key, clock + ".breached"), rate(met, ended));
        }).toList();
    }

    // ---- overdue age ----

    @QueryHandler
    public OverdueAgeReport overdueAge(OverdueAge query) {
        Instant now = clock.instant();
        String column = query.groupBy() == null ? null : switch (query.groupBy()) {
            case CATEGORY -> "c.category";
            case SUBCATEGORY -> "c.subcategory";
            case ROOT_ISSUE -> "c.root_issue";
            case BRANCH_CODE -> "c.branch_code";
            case CHANNEL -> "c.channel";
            case LEVEL -> "c.handling_level";
        };
        String overdueCases = " from case_summary c join case_deadline d on d.complaint_id = c.complaint_id"
                + " where c.open_case = true and c.next_due_at < ?1 and d.met_at is null and d.state <> 'STOPPED'"
                + " and d.due_at < ?1 group by c.complaint_id" + (column == null ? "" : ", " + column);
        if (query.drill() == null) {
            // each overdue case's band by its oldest open due time, counted by the database
            Duration[] upper = settings.overdueBands();
            @SuppressWarnings("unchecked")
            List<Object[]> counted = entityManager.createNativeQuery("select o.k, o.band, count(*) from (select i.k,"
                            + " case when i.m > ?2 then 0 when i.m > ?3 then 1 when i.m > ?4 then 2 else 3 end as band"
                            + " from (select min(d.due_at) as m, " + (column == null ? "cast(null as varchar(40))" : column)
                            + " as k" + overdueCases + ") i) o group by o.k, o.band")
                    .setParameter(1, now).setParameter(2, now.minus(upper[0])).setParameter(3, now.minus(upper[1]))
                    .setParameter(4, now.minus(upper[2])).getResultList();
            Counts counts = new Counts();
            for (Object[] row : counted) {
                String key = row[0] == null ? null : row[0].toString();
                long count = ((Number) row[2]).longValue();
                counts.add(key, "overdue", count);
                counts.add(key, BANDS[((Number) row[1]).intValue()], count);
            }
            List<OverdueGroup> groups = query.groupBy() == null ? null : counts.keys().stream()
                    .map(key -> new OverdueGroup(key, counts.count(key, "overdue"), bands(counts, key))).toList();
            return new OverdueAgeReport(parameter(query.groupBy()), now, counts.count(Tally.TOTAL, "overdue"),
                    bands(counts, Tally.TOTAL), groups, null);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select c.complaint_id, min(d.due_at)"
                        + (column == null ? "" : ", " + column)
                        + " from case_summary c join case_deadline d on d.complaint_id = c.complaint_id"
                        + " where c.open_case = true and c.next_due_at < ?1 and d.met_at is null and d.state <> 'STOPPED'"
                        + " and d.due_at < ?1 group by c.complaint_id" + (column == null ? "" : ", " + column))
                .setParameter(1, now).getResultList();
        Tally tally = new Tally();
        for (Object[] row : rows) {
            String id = (String) row[0];
            String key = row.length < 3 || row[2] == null ? null : row[2].toString();
            String band = band(Duration.between(instant(row[1]), now));
            tally.add(key, "overdue", id);
            tally.add(key, band, id);
        }
        List<OverdueGroup> groups = query.groupBy() == null ? null : tally.keys().stream()
                .map(key -> new OverdueGroup(key, tally.count(key, "overdue"), bands(tally, key))).toList();
        return new OverdueAgeReport(parameter(query.groupBy()), now, tally.count(Tally.TOTAL, "overdue"),
                bands(tally, Tally.TOTAL), groups, drill(tally, query.drill()));
    }

    private String band(Duration age) {
        Duration[] upper = settings.overdueBands();
        for (int band = 0; band < upper.length; band++) {
            if (age.compareTo(upper[band]) < 0) {
                return BANDS[band];
            }
        }
        return BANDS[upper.length];
    }

    private static Map<String, Long> bands(Figures tally, String key) {
        Map<String, Long> bands = new LinkedHashMap<>();
        for (String band : BANDS) {
            bands.put(band, tally.count(key, band));
        }
        return bands;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("a due time read as " + value.getClass());
    }

    // ---- rates ----

    @QueryHandler
    public RatesReport rates(Rates query) {
        Instant asOf = clock.instant();
        if (query.drill() == null && query.groupBy() != Grouping.LEVEL) {
            Counts counts = tallied(query.groupBy(), query.from(), query.to().plusDays(1), Measure.VOLUME, Measure.RATES);
            return new RatesReport(query.from(), query.to(), parameter(query.groupBy()), zone(), asOf,
                    rateFigures(counts, Tally.TOTAL), query.groupBy() == null ? null
                    : counts.keys().stream().map(key -> rateFigures(counts, key)).toList(), null);
        }
        Instant from = start(query.from());
        Instant to = start(query.to().plusDays(1));
        List<StatisticsCase> cases = registered(from, to);
        Map<String, String> keys = new HashMap<>();
        Tally tally = new Tally();
        for (StatisticsCase c : cases) {
            String key = key(c, query.groupBy(), c.level);
            keys.put(c.complaintId, key);
            tally.add(key, "registered", c.complaintId);
            if (c.repeat) {
                tally.add(key, "repeat", c.complaintId);
            }
            if (c.escalated) {
                tally.add(key, "escalated", c.complaintId);
            }
        }
        List<Object[]> escalations = entityManager.createQuery("select e.complaintId, e.reason, e.toLevel from EscalationFact e,"
                        + " StatisticsCase c where e.complaintId = c.complaintId and c.registeredAt >= :from"
                        + " and c.registeredAt < :to", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        for (Object[] row : escalations) {
            String id = (String) row[0];
            tally.add(keys.get(id), "reason:" + row[1], id);
            tally.add(keys.get(id), "level:" + row[2], id);
        }
        List<RateFigures> groups = query.groupBy() == null ? null
                : tally.keys().stream().map(key -> rateFigures(tally, key)).toList();
        return new RatesReport(query.from(), query.to(), parameter(query.groupBy()), zone(), asOf,
                rateFigures(tally, Tally.TOTAL), groups, drill(tally, query.drill()));
    }

    private static RateFigures rateFigures(Figures tally, String key) {
        long registered = tally.count(key, "registered");
        long repeat = tally.count(key, "repeat");
        long escalated = tally.count(key, "escalated");
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (EscalationReason reason : EscalationReason.values()) {
            byReason.put(reason.name(), tally.count(key, "reason:" + reason));
        }
        Map<String, Long> byLevel = new LinkedHashMap<>();
        for (HandlingLevel level : HandlingLevel.values()) {
            if (level != HandlingLevel.BRANCH) {
                byLevel.put(level.name(), tally.count(key, "level:" + level));
            }
        }
        return new RateFigures(Tally.TOTAL.equals(key) ? null : key, registered, repeat, rate(repeat, registered),
                escalated, rate(escalated, registered), byReason, byLevel);
    }

    private List<StatisticsCase> registered(Instant from, Instant to) {
        return entityManager.createQuery("select c from StatisticsCase c where c.registeredAt >= :from"
                        + " and c.registeredAt < :to", StatisticsCase.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    // ---- compensation ----

    @QueryHandler
    public CompensationReport compensation(StatisticsQueries.Compensation query) {
        Instant asOf = clock.instant();
        if (query.drill() == null && query.groupBy() != Grouping.LEVEL) {
            Counts counts = tallied(query.groupBy(), query.from(), query.to().plusDays(1), Measure.COMPENSATION);
            return new CompensationReport(query.from(), query.to(), parameter(query.groupBy()), zone(), asOf,
                    compensationFigures(counts, counts.sums(), Tally.TOTAL), query.groupBy() == null ? null
                    : counts.keys().stream().map(key -> compensationFigures(counts, counts.sums(), key)).toList(), null);
        }
        List<Object[]> rows = entityManager.createQuery("select f, c from CompensationFact f, StatisticsCase c"
                        + " where f.complaintId = c.complaintId and f.recordedAt >= :from and f.recordedAt < :to", Object[].class)
                .setParameter("from", start(query.from())).setParameter("to", start(query.to().plusDays(1)))
                .getResultList();
        Tally tally = new Tally();
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Object[] row : rows) {
            CompensationFact fact = (CompensationFact) row[0];
            String key = key((StatisticsCase) row[1], query.groupBy(), ((StatisticsCase) row[1]).level);
            String figure = fact.stage.name().toLowerCase(java.util.Locale.ROOT) + "." + fact.currency;
            tally.add(key, figure, fact.complaintId);
            if (key != null) {
                sums.merge(key + "|" + figure, fact.amount, BigDecimal::add);
            }
            sums.merge(Tally.TOTAL + "|" + figure, fact.amount, BigDecimal::add);
        }
        List<CompensationFigures> groups = query.groupBy() == null ? null
                : tally.keys().stream().map(key -> compensationFigures(tally, sums, key)).toList();
        return new CompensationReport(query.from(), query.to(), parameter(query.groupBy()), zone(), asOf,
                compensationFigures(tally, sums, Tally.TOTAL), groups, drill(tally, query.drill()));
    }

    private static CompensationFigures compensationFigures(Figures tally, Map<String, BigDecimal> sums, String key) {
        Map<String, Map<String, Amounts>> stages = new LinkedHashMap<>();
        for (CompensationFact.Stage stage : CompensationFact.Stage.values()) {
            stages.put(stage.name().toLowerCase(java.util.Locale.ROOT), new TreeMap<>());
        }
        sums.forEach((figureKey, sum) -> {
            String[] parts = figureKey.split("\\|", 2);
            if (parts[0].equals(key)) {
                String[] figure = parts[1].split("\\.", 2);
                long count = tally.count(key, parts[1]);
                stages.get(figure[0]).put(figure[1], new Amounts(count, sum.stripTrailingZeros().setScale(2, RoundingMode.HALF_UP),
                        sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP)));
            }
        });
        return new CompensationFigures(Tally.TOTAL.equals(key) ? null : key, stages.get("proposed"), stages.get("approved"),
                stages.get("paid"));
    }

    // ---- trend ----

    @QueryHandler
    public TrendReport trend(Trend query) {
        Instant asOf = clock.instant();
        LocalDate today = LocalDate.ofInstant(asOf, settings.zone());
        LocalDate current = today.with(IsoFields.DAY_OF_QUARTER, 1);
        List<LocalDate> starts = new ArrayList<>();
        for (int back = query.quarters(); back >= 0; back--) {
            starts.add(current.minusMonths(3L * back));
        }
        Instant from = start(starts.get(0));
        Instant to = start(current.plusMonths(3));
        if (query.drill() == null && query.groupBy() != Grouping.LEVEL) {
            Counts counts = new Counts();
            for (LocalDate start : starts) {
                String quarter = quarter(start);
                tallied(query.groupBy(), start, start.plusMonths(3), row -> counts.add(row.key(),
                        quarter + "." + ("registered".equals(row.figure()) ? "volume" : row.figure()), row.count()),
                        Measure.VOLUME, Measure.FEEDBACK);
            }
            return new TrendReport(zone(), asOf, settings.volumeTarget(), settings.satisfactionTarget(),
                    settings.satisfactionBaseline(), quarters(counts, Tally.TOTAL, starts, today),
                    query.groupBy() == null ? null : counts.keys().stream()
                            .map(key -> new GroupTrend(key, quarters(counts, key, starts, today))).toList(), null);
        }
        Tally tally = new Tally();
        for (StatisticsCase c : registered(from, to)) {
            String quarter = quarter(LocalDate.ofInstant(c.registeredAt, settings.zone()));
            tally.add(key(c, query.groupBy(), c.level), quarter + ".volume", c.complaintId);
        }
        List<Object[]> answers = entityManager.createQuery("select f, c from FeedbackFact f, StatisticsCase c"
                        + " where f.complaintId = c.complaintId and f.answeredAt >= :from and f.answeredAt < :to", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        for (Object[] row : answers) {
            FeedbackFact answer = (FeedbackFact) row[0];
            StatisticsCase c = (StatisticsCase) row[1];
            String quarter = quarter(LocalDate.ofInstant(answer.answeredAt, settings.zone()));
            tally.add(key(c, query.groupBy(), c.level), quarter + ".responses", answer.complaintId);
            if (answer.satisfied) {
                tally.add(key(c, query.groupBy(), c.level), quarter + ".satisfied", answer.complaintId);
            }
        }
        List<GroupTrend> groups = query.groupBy() == null ? null
                : tally.keys().stream().map(key -> new GroupTrend(key, quarters(tally, key, starts, today))).toList();
        return new TrendReport(zone(), asOf, settings.volumeTarget(), settings.satisfactionTarget(),
                settings.satisfactionBaseline(), quarters(tally, Tally.TOTAL, starts, today), groups,
                drill(tally, query.drill()));
    }

    /** The quarters after the first start (which only gives the change of the second). */
    private List<Quarter> quarters(Figures tally, String key, List<LocalDate> starts, LocalDate today) {
        List<Quarter> quarters = new ArrayList<>();
        for (int at = 1; at < starts.size(); at++) {
            LocalDate start = starts.get(at);
            String name = quarter(start);
            long volume = tally.count(key, name + ".volume");
            long previous = tally.count(key, quarter(starts.get(at - 1)) + ".volume");
            BigDecimal change = previous == 0 ? null : BigDecimal.valueOf(volume - previous)
                    .divide(BigDecimal.valueOf(previous), RATE_SCALE, RoundingMode.HALF_UP);
            long responses = tally.count(key, name + ".responses");
            long satisfied = tally.count(key, name + ".satisfied");
            BigDecimal satisfaction = rate(satisfied, responses);
            quarters.add(new Quarter(name, start, start.plusMonths(3).minusDays(1), !today.isBefore(start.plusMonths(3)),
                    volume, change, change == null ? null : change.compareTo(settings.volumeTarget()) <= 0,
                    responses, satisfied, satisfaction,
                    satisfaction == null ? null : satisfaction.compareTo(settings.satisfactionTarget()) >= 0));
        }
        return quarters;
    }

    static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
    }

    // ---- hot spots ----

    @QueryHandler
    public HotSpotReport hotSpots(HotSpots query) {
        Instant asOf = clock.instant();
        LocalDate examined = periodStart(query.period(), query.date() != null ? query.date()
                : previous(query.period(), periodStart(query.period(), LocalDate.ofInstant(asOf, settings.zone()))));
        int trailing = settings.hotSpotTrailingPeriods();
        List<LocalDate> starts = new ArrayList<>();
        LocalDate start = examined;
        for (int back = 0; back < trailing; back++) {
            start = previous(query.period(), start);
        }
        for (int at = 0; at <= trailing; at++) {
            starts.add(start);
            start = next(query.period(), start);
        }
        LocalDate end = start;
        Figures tally;
        if (query.drill() == null && query.groupBy() != Grouping.LEVEL) {
            Counts counts = new Counts();
            for (Object[] row : entityManager.createQuery("select t.day, t.groupKey, sum(t.count) from StatisticsTally t"
                            + " where t.grouping = :grouping and t.measure = :measure and t.day >= :from and t.day < :to"
                            + " group by t.day, t.groupKey", Object[].class)
                    .setParameter("grouping", tallyGrouping(query.groupBy()).name())
                    .setParameter("measure", Measure.VOLUME.name())
                    .setParameter("from", starts.get(0)).setParameter("to", end).getResultList()) {
                counts.add(query.groupBy() == null ? null : (String) row[1],
                        periodStart(query.period(), (LocalDate) row[0]).toString(), (Long) row[2]);
            }
            tally = counts;
        } else {
            Tally cases = new Tally();
            for (StatisticsCase c : registered(start(starts.get(0)), start(end))) {
                LocalDate day = LocalDate.ofInstant(c.registeredAt, settings.zone());
                cases.add(key(c, query.groupBy(), c.level), periodStart(query.period(), day).toString(), c.complaintId);
            }
            tally = cases;
        }
        String examinedFigure = examined.toString();
        double k = settings.hotSpotDeviations();
        String rule = "count >= " + settings.hotSpotMinimumCount() + " and count > trailing mean + " + k
                + " standard deviations of the " + trailing + " " + query.period().name().toLowerCase(java.util.Locale.ROOT)
                + "s before";
        List<HotSpot> hotSpots = new ArrayList<>();
        for (String key : tally.keys()) {
            long count = tally.count(key, examinedFigure);
            double[] history = new double[trailing];
            for (int at = 0; at < trailing; at++) {
                history[at] = tally.count(key, starts.get(at).toString());
            }
            double mean = Arrays.stream(history).average().orElse(0);
            double deviation = Math.sqrt(Arrays.stream(history).map(v -> (v - mean) * (v - mean)).sum() / trailing);
            double threshold = mean + k * deviation;
            if (count >= settings.hotSpotMinimumCount() && count > threshold) {
                hotSpots.add(new HotSpot(key, count, decimal(mean), decimal(deviation),
                        deviation == 0 ? null : decimal((count - mean) / deviation), decimal(threshold), rule));
            }
        }
        hotSpots.sort((a, b) -> Long.compare(b.count(), a.count()));
        DrillDown drill = query.drill() == null ? null
                : drill((Tally) tally, query.drill().key(), query.drill().figure() == null ? examinedFigure : query.drill().figure());
        return new HotSpotReport(query.period().name(), examined, next(query.period(), examined).minusDays(1),
                parameter(query.groupBy()), zone(), asOf,
                new HotSpotRule(rule, k, trailing, settings.hotSpotMinimumCount()), hotSpots, drill);
    }

    static LocalDate periodStart(PeriodUnit unit, LocalDate day) {
        return switch (unit) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
        };
    }

    private static LocalDate next(PeriodUnit unit, LocalDate start) {
        return switch (unit) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }

    private static LocalDate previous(PeriodUnit unit, LocalDate start) {
        return switch (unit) {
            case DAY -> start.minusDays(1);
            case WEEK -> start.minusWeeks(1);
            case MONTH -> start.minusMonths(1);
            case QUARTER -> start.minusMonths(3);
        };
    }

    // ---- shared ----

    /** A row of the tally summed over a period: a group's key (null: the total alone), a figure, its count and amount. */
    private record TalliedRow(String key, String figure, long count, BigDecimal amount) {
    }

    /** The tally's figures of {@code measures} over the days {@code from} (included) to {@code to} (excluded). */
    private Counts tallied(Grouping groupBy, LocalDate from, LocalDate to, Measure... measures) {
        Counts counts = new Counts();
        tallied(groupBy, from, to, row -> counts.add(row.key(), row.figure(), row.count(), row.amount()), measures);
        return counts;
    }

    private void tallied(Grouping groupBy, LocalDate from, LocalDate to, java.util.function.Consumer<TalliedRow> each,
                         Measure... measures) {
        for (Object[] row : entityManager.createQuery("select t.groupKey, t.figure, sum(t.count), sum(t.amount)"
                        + " from StatisticsTally t where t.grouping = :grouping and t.measure in :measures"
                        + " and t.day >= :from and t.day < :to group by t.groupKey, t.figure", Object[].class)
                .setParameter("grouping", tallyGrouping(groupBy).name())
                .setParameter("measures", Arrays.stream(measures).map(Measure::name).toList())
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            each.accept(new TalliedRow(groupBy == null ? null : (String) row[0], (String) row[1], (Long) row[2],
                    (BigDecimal) row[3]));
        }
    }

    /** The grouping whose rows a report reads: its own, or for the total alone, one that every case has a key of. */
    private static Grouping tallyGrouping(Grouping groupBy) {
        return groupBy == null ? Grouping.CATEGORY : groupBy;
    }

    private static DrillDown drill(Tally tally, Drill drill) {
        if (drill == null) {
            return null;
        }
        return drill(tally, drill.key(), drill.figure());
    }

    private static String parameter(Grouping grouping) {
        return grouping == null ? null : grouping.parameter();
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
