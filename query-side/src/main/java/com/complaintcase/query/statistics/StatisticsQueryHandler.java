package com.complaintcase.query.statistics;

import com.complaintcase.query.statistics.StatisticsQueries.*;
import com.complaintcase.query.statistics.StatisticsTally.Measure;
import com.complaintcase.query.statistics.counting.CountedResponsibility;
import com.complaintcase.query.statistics.counting.CountingClass;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.Subcategory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Answers the statistics from the statistics projection (and the overdue ages from the cases projection's open
 * deadlines, the same as the overdue list). Days, quarters and periods begin in the reporting zone. Every figure is
 * counted by the database: the metrics over periods add up the day tally ({@code statistics_tally}) where it keeps the
 * grouping, and count the facts otherwise (the level, which moves with a case); a drill-down reads the ids of its one
 * figure.
 */
@Component
@Transactional(readOnly = true)
@EnableConfigurationProperties(StatisticsSettings.class)
public class StatisticsQueryHandler {

    static final int RATE_SCALE = 4;
    static final String[] BANDS = {"LESS_THAN_1_DAY", "1_TO_3_DAYS", "3_TO_7_DAYS", "MORE_THAN_7_DAYS"};

    /** A case registered in [:from, :to), counted as it stood at the day's end ({@code c.dayEnd*}). */
    private static final String CASES_OF_THE_DAY = " from StatisticsCase c where c.registeredAt >= :from"
            + " and c.registeredAt < :to";
    /** A case registered before :from whose class changed in [:from, :to): its last change before :to (a), before :from (b). */
    private static final String RECLASSIFIED = " from StatisticsCase c join ClassChange a on a.complaintId = c.complaintId"
            + " and a.sequence = (select max(x.sequence) from ClassChange x where x.complaintId = c.complaintId"
            + " and x.changedAt < :to)"
            + " left join ClassChange b on b.complaintId = c.complaintId and b.sequence = (select max(y.sequence)"
            + " from ClassChange y where y.complaintId = c.complaintId and y.changedAt < :from)"
            + " where c.registeredAt < :from and c.complaintId in (select z.complaintId from ClassChange z"
            + " where z.changedAt >= :from and z.changedAt < :to and z.registeredAt < :from)";

    @PersistenceContext
    private EntityManager entityManager;

    private final StatisticsSettings settings;
    private final Clock clock;
    private final RecentOverdueAges recentOverdueAges;
    private boolean readTally = true;

    public StatisticsQueryHandler(StatisticsSettings settings, Clock clock,
                                  @Value("${complaints.queries.exact-total-limit:1000}") long exactLimit,
                                  @Value("${complaints.statistics.overdue-age-max-age:PT5S}") Duration overdueAgeMaxAge) {
        this.settings = settings;
        this.clock = clock;
        this.recentOverdueAges = new RecentOverdueAges(exactLimit, overdueAgeMaxAge);
    }

    /** Whether the metrics over periods add up the day tally where it keeps the grouping (else: count the facts). */
    void readTally(boolean read) {
        this.readTally = read;
    }

    private boolean tallied(Grouping groupBy) {
        return readTally && groupBy != Grouping.LEVEL;
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(settings.zone()).toInstant();
    }

    private String zone() {
        return settings.zone().getId();
    }

    // ---- daily ----

    /**
     * The day's cases by their key and their class at the day's end (their last change before it), and the cases
     * registered before it whose class changed during it, by their class before and after.
     */
    @QueryHandler
    public DailyStatistics daily(Daily query) {
        Instant asOf = clock.instant();
        Instant from = start(query.date());
        Instant to = start(query.date().plusDays(1));
        String attribute = attribute(query.groupBy(), "c.dayEndLevel");
        Tally tally = new Tally();
        for (Object[] row : entityManager.createQuery("select " + attribute + ", c.dayEndClass, c.dayEndResponsibility,"
                        + " count(c)" + CASES_OF_THE_DAY + " group by " + attribute + ", c.dayEndClass, c.dayEndResponsibility",
                        Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            CountingClass countingClass = (CountingClass) row[1];
            String key = key(query.groupBy(), row[0]);
            long count = (Long) row[3];
            tally.add(key, "cases", count);
            tally.add(key, figure(countingClass), count);
            if (countingClass != CountingClass.NOT_COUNTED) {
                tally.add(key, ((CountedResponsibility) row[2]).name(), count);
            }
        }
        String levelAtEnd = attribute(query.groupBy(), "a.level");
        Tally changed = new Tally();
        for (Object[] row : entityManager.createQuery("select " + levelAtEnd + ", b.countingClass, a.countingClass, count(c)"
                        + RECLASSIFIED + " group by " + levelAtEnd + ", b.countingClass, a.countingClass", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            CountingClass was = row[1] == null ? CountingClass.NOT_COUNTED : (CountingClass) row[1];
            CountingClass is = (CountingClass) row[2];
            if (was != is) {
                changed.add(key(query.groupBy(), row[0]), was + ">" + is, (Long) row[3]);
            }
        }
        List<ClassRow> rows = tally.keys().stream().map(key -> classRow(tally, key)).toList();
        return new DailyStatistics(query.date(), query.groupBy().parameter(), zone(), asOf, rows,
                classRow(tally, Tally.TOTAL), reclassifications(changed),
                query.drill() == null ? null : dailyDrill(query, from, to));
    }

    private DrillDown dailyDrill(Daily query, Instant from, Instant to) {
        String figure = query.drill().figure() == null ? "cases" : query.drill().figure();
        Ids ids;
        if (figure.contains(">")) {
            String[] classes = figure.split(">", 2);
            CountingClass was = constant(CountingClass.class, classes[0]);
            CountingClass is = constant(CountingClass.class, classes[1]);
            ids = new Ids("select distinct c.complaintId" + RECLASSIFIED).period(from, to)
                    .group(query.groupBy(), query.drill().key(), "a.level")
                    .unless(was == null || is == null || was == is)
                    .and("a.countingClass = :is", "is", is)
                    .and(was == CountingClass.NOT_COUNTED ? "(b.countingClass is null or b.countingClass = :was)"
                            : "b.countingClass = :was", "was", was);
        } else {
            ids = new Ids("select distinct c.complaintId" + CASES_OF_THE_DAY).period(from, to)
                    .group(query.groupBy(), query.drill().key(), "c.dayEndLevel");
            CountedResponsibility responsibility = constant(CountedResponsibility.class, figure);
            switch (figure) {
                case "cases" -> {
                }
                case "complaint" -> ids.and("c.dayEndClass = :class", "class", CountingClass.COMPLAINT);
                case "inquiry" -> ids.and("c.dayEndClass = :class", "class", CountingClass.INQUIRY);
                case "notCounted" -> ids.and("c.dayEndClass = :class", "class", CountingClass.NOT_COUNTED);
                default -> ids.unless(responsibility == null)
                        .and("c.dayEndClass <> :class", "class", CountingClass.NOT_COUNTED)
                        .and("c.dayEndResponsibility = :responsibility", "responsibility", responsibility);
            }
        }
        return ids.drill(query.drill().key(), figure);
    }

    private static List<Reclassification> reclassifications(Tally changed) {
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

    private static String figure(CountingClass countingClass) {
        return switch (countingClass) {
            case COMPLAINT -> "complaint";
            case INQUIRY -> "inquiry";
            case NOT_COUNTED -> "notCounted";
        };
    }

    private static ClassRow classRow(Tally tally, String key) {
        Map<String, Long> byResponsibility = new LinkedHashMap<>();
        for (CountedResponsibility responsibility : CountedResponsibility.values()) {
            byResponsibility.put(responsibility.name(), tally.count(key, responsibility.name()));
        }
        return new ClassRow(key, tally.count(key, "complaint"), tally.count(key, "inquiry"),
                tally.count(key, "notCounted"), byResponsibility);
    }

    // ---- on time ----

    @QueryHandler
    public OnTimeReport onTime(OnTime query) {
        Instant asOf = clock.instant();
        Tally tally;
        if (tallied(query.groupBy())) {
            tally = tallied(query.groupBy(), query.from(), query.to().plusDays(1), Measure.CLOCK);
        } else {
            tally = new Tally();
            String attribute = attribute(query.groupBy(), "c.level");
            for (Object[] row : period(entityManager.createQuery("select " + attribute + ", e.clock, e.metInTime, count(e)"
                    + " from ClockEnding e, StatisticsCase c where e.complaintId = c.complaintId and e.endedAt >= :from"
                    + " and e.endedAt < :to group by " + attribute + ", e.clock, e.metInTime", Object[].class),
                    query.from(), query.to()).getResultList()) {
                String key = key(query.groupBy(), row[0]);
                tally.add(key, row[1] + ".ended", (Long) row[3]);
                tally.add(key, row[1] + ((Boolean) row[2] ? ".metInTime" : ".breached"), (Long) row[3]);
            }
        }
        List<GroupClocks> groups = query.groupBy() == null ? null
                : tally.keys().stream().map(key -> new GroupClocks(key, clockRates(tally, key))).toList();
        return new OnTimeReport(query.from(), query.to(), parameter(query.groupBy()), zone(), asOf,
                clockRates(tally, Tally.TOTAL), groups, query.drill() == null ? null : onTimeDrill(query));
    }

    private DrillDown onTimeDrill(OnTime query) {
        String[] figure = query.drill().figure().split("\\.", 2);
        SlaClock clockEnded = constant(SlaClock.class, figure[0]);
        String ending = figure.length < 2 ? "" : figure[1];
        return new Ids("select distinct e.complaintId from ClockEnding e, StatisticsCase c where e.complaintId = c.complaintId"
                + " and e.endedAt >= :from and e.endedAt < :to").period(start(query.from()), start(query.to().plusDays(1)))
                .group(query.groupBy(), query.drill().key(), "c.level")
                .unless(clockEnded == null || !List.of("ended", "metInTime", "breached").contains(ending))
                .and("e.clock = :clock", "clock", clockEnded)
                .and(ending.equals("ended") ? "1 = 1" : "e.metInTime = :met", ending.equals("ended") ? null : "met",
                        ending.equals("metInTime"))
                .drill(query.drill().key(), query.drill().figure());
    }

    private static List<ClockRate> clockRates(Tally tally, String key) {
        return Arrays.stream(SlaClock.values()).map(clock -> {
            long ended = tally.count(key, clock + ".ended");
            long met = tally.count(key, clock + ".metInTime");
            return new ClockRate(clock.name(), ended, met, tally.count(key, clock + ".breached"), rate(met, ended));
        }).toList();
    }

    // ---- overdue age ----

    /**
     * Each overdue case's band by its oldest open due time, counted by the database; with many overdue cases, the
     * count of the last few seconds ({@link RecentOverdueAges}).
     */
    @QueryHandler
    public OverdueAgeReport overdueAge(OverdueAge query) {
        Instant now = clock.instant();
        if (query.drill() == null) {
            return recentOverdueAges.of(String.valueOf(query.groupBy()), now, () -> countOverdueAge(query, now));
        }
        return countOverdueAge(query, now);
    }

    private OverdueAgeReport countOverdueAge(OverdueAge query, Instant now) {
        String column = query.groupBy() == null ? null : switch (query.groupBy()) {
            case CATEGORY -> "c.category";
            case SUBCATEGORY -> "c.subcategory";
            case ROOT_ISSUE -> "c.root_issue";
            case BRANCH_CODE -> "c.branch_code";
            case CHANNEL -> "c.channel";
            case LEVEL -> "c.handling_level";
        };
        Duration[] upper = settings.overdueBands();
        // an open case's next due time is its earliest pending one (not met, not stopped): past, the case is overdue
        String banded = "select c.complaint_id as id, " + (column == null ? "cast(null as varchar(40))" : column) + " as k,"
                + " case when c.next_due_at > :day then 0 when c.next_due_at > :days3 then 1 when c.next_due_at > :days7"
                + " then 2 else 3 end as band from case_summary c where c.open_case = true and c.next_due_at < :now";
        Tally tally = new Tally();
        for (Object row : bands(entityManager.createNativeQuery("select o.k, o.band, count(*) from (" + banded
                + ") o group by o.k, o.band"), now, upper).getResultList()) {
            Object[] columns = (Object[]) row;
            String key = columns[0] == null ? null : columns[0].toString();
            long count = ((Number) columns[2]).longValue();
            tally.add(key, "overdue", count);
            tally.add(key, BANDS[((Number) columns[1]).intValue()], count);
        }
        List<OverdueGroup> groups = query.groupBy() == null ? null : tally.keys().stream()
                .map(key -> new OverdueGroup(key, tally.count(key, "overdue"), bands(tally, key))).toList();
        return new OverdueAgeReport(parameter(query.groupBy()), now, tally.count(Tally.TOTAL, "overdue"),
                bands(tally, Tally.TOTAL), groups, query.drill() == null ? null : overdueDrill(query, banded, now, upper));
    }

    private DrillDown overdueDrill(OverdueAge query, String banded, Instant now, Duration[] upper) {
        String key = query.drill().key();
        String figure = query.drill().figure();
        int band = Arrays.asList(BANDS).indexOf(figure);
        List<String> ids = List.of();
        if ((band >= 0 || figure.equals("overdue")) && (Tally.TOTAL.equals(key) || query.groupBy() != null)) {
            Query select = bands(entityManager.createNativeQuery("select o.id from (" + banded + ") o where 1 = 1"
                    + (band >= 0 ? " and o.band = :band" : "") + (Tally.TOTAL.equals(key) ? "" : " and o.k = :key")), now, upper);
            if (band >= 0) {
                select.setParameter("band", band);
            }
            if (!Tally.TOTAL.equals(key)) {
                select.setParameter("key", key);
            }
            ids = ((List<?>) select.getResultList()).stream().map(Object::toString).distinct().sorted().toList();
        }
        return new DrillDown(key, figure, ids.size(), ids);
    }

    private static Query bands(Query query, Instant now, Duration[] upper) {
        return query.setParameter("now", now).setParameter("day", now.minus(upper[0]))
                .setParameter("days3", now.minus(upper[1])).setParameter("days7", now.minus(upper[2]));
    }

    private static Map<String, Long> bands(Tally tally, String key) {
        Map<String, Long> bands = new LinkedHashMap<>();
        for (String band : BANDS) {
            bands.put(band, tally.count(key, band));
        }
        return bands;
    }

    // ---- rates ----

    @QueryHandler
    public RatesReport rates(Rates query) {
        Instant asOf = clock.instant();
        Tally tally;
        if (tallied(query.groupBy())) {
            tally = tallied(query.groupBy(), query.from(), query.to().plusDays(1), Measure.VOLUME, Measure.RATES);
        } else {
            tally = new Tally();
            String attribute = attribute(query.groupBy(), "c.level");
            for (Object[] row : period(entityManager.createQuery("select " + attribute + ", c.repeat, c.escalated, count(c)"
                    + " from StatisticsCase c where c.registeredAt >= :from and c.registeredAt < :to"
                    + " group by " + attribute + ", c.repeat, c.escalated", Object[].class), query.from(), query.to())
                    .getResultList()) {
                String key = key(query.groupBy(), row[0]);
                tally.add(key, "registered", (Long) row[3]);
                if ((Boolean) row[1]) {
                    tally.add(key, "repeat", (Long) row[3]);
                }
                if ((Boolean) row[2]) {
                    tally.add(key, "escalated", (Long) row[3]);
                }
            }
            for (Object[] row : period(entityManager.createQuery("select " + attribute + ", e.reason, e.toLevel, count(e)"
                    + " from EscalationFact e, StatisticsCase c where e.complaintId = c.complaintId"
                    + " and c.registeredAt >= :from and c.registeredAt < :to group by " + attribute + ", e.reason, e.toLevel",
                    Object[].class), query.from(), query.to()).getResultList()) {
                String key = key(query.groupBy(), row[0]);
                tally.add(key, "reason:" + row[1], (Long) row[3]);
                tally.add(key, "level:" + row[2], (Long) row[3]);
            }
        }
        List<RateFigures> groups = query.groupBy() == null ? null
                : tally.keys().stream().map(key -> rateFigures(tally, key)).toList();
        return new RatesReport(query.from(), query.to(), parameter(query.groupBy()), zone(), asOf,
                rateFigures(tally, Tally.TOTAL), groups, query.drill() == null ? null : ratesDrill(query));
    }

    private DrillDown ratesDrill(Rates query) {
        String figure = query.drill().figure();
        String[] named = figure.split(":", 2);
        Ids ids;
        if (named.length == 2) {
            EscalationReason reason = named[0].equals("reason") ? constant(EscalationReason.class, named[1]) : null;
            HandlingLevel level = named[0].equals("level") ? constant(HandlingLevel.class, named[1]) : null;
            ids = new Ids("select distinct c.complaintId from EscalationFact e, StatisticsCase c"
                    + " where e.complaintId = c.complaintId and c.registeredAt >= :from and c.registeredAt < :to")
                    .unless(reason == null && level == null)
                    .and(reason != null ? "e.reason = :named" : "e.toLevel = :named", "named", reason != null ? reason : level);
        } else {
            ids = new Ids("select distinct c.complaintId from StatisticsCase c where c.registeredAt >= :from"
                    + " and c.registeredAt < :to")
                    .unless(!List.of("registered", "repeat", "escalated").contains(figure));
            if (!figure.equals("registered")) {
                ids.and(figure.equals("repeat") ? "c.repeat = true" : "c.escalated = true", null, null);
            }
        }
        return ids.period(start(query.from()), start(query.to().plusDays(1)))
                .group(query.groupBy(), query.drill().key(), "c.level")
                .drill(query.drill().key(), figure);
    }

    private static RateFigures rateFigures(Tally tally, String key) {
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

    // ---- compensation ----

    @QueryHandler
    public CompensationReport compensation(StatisticsQueries.Compensation query) {
        Instant asOf = clock.instant();
        Tally tally;
        if (tallied(query.groupBy())) {
            tally = tallied(query.groupBy(), query.from(), query.to().plusDays(1), Measure.COMPENSATION);
        } else {
            tally = new Tally();
            String attribute = attribute(query.groupBy(), "c.level");
            for (Object[] row : period(entityManager.createQuery("select " + attribute + ", f.stage, f.currency, count(f),"
                    + " sum(f.amount) from CompensationFact f, StatisticsCase c where f.complaintId = c.complaintId"
                    + " and f.recordedAt >= :from and f.recordedAt < :to group by " + attribute + ", f.stage, f.currency",
                    Object[].class), query.from(), query.to()).getResultList()) {
                tally.add(key(query.groupBy(), row[0]), stage((CompensationFact.Stage) row[1]) + "." + row[2],
                        (Long) row[3], (BigDecimal) row[4]);
            }
        }
        List<CompensationFigures> groups = query.groupBy() == null ? null
                : tally.keys().stream().map(key -> compensationFigures(tally, key)).toList();
        return new CompensationReport(query.from(), query.to(), parameter(query.groupBy()), zone(), asOf,
                compensationFigures(tally, Tally.TOTAL), groups, query.drill() == null ? null : compensationDrill(query));
    }

    private DrillDown compensationDrill(StatisticsQueries.Compensation query) {
        String[] figure = query.drill().figure().split("\\.", 2);
        CompensationFact.Stage stage = constant(CompensationFact.Stage.class, figure[0].toUpperCase(Locale.ROOT));
        return new Ids("select distinct c.complaintId from CompensationFact f, StatisticsCase c"
                + " where f.complaintId = c.complaintId and f.recordedAt >= :from and f.recordedAt < :to")
                .period(start(query.from()), start(query.to().plusDays(1)))
                .group(query.groupBy(), query.drill().key(), "c.level")
                .unless(stage == null || !figure[0].equals(stage(stage)) || figure.length < 2)
                .and("f.stage = :stage", "stage", stage)
                .and("f.currency = :currency", "currency", figure.length < 2 ? "" : figure[1])
                .drill(query.drill().key(), query.drill().figure());
    }

    private static String stage(CompensationFact.Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }

    private static CompensationFigures compensationFigures(Tally tally, String key) {
        Map<String, Map<String, Amounts>> stages = new LinkedHashMap<>();
        for (CompensationFact.Stage stage : CompensationFact.Stage.values()) {
            stages.put(stage(stage), new TreeMap<>());
        }
        tally.sums().forEach((figureKey, sum) -> {
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
        Tally tally = new Tally();
        String attribute = attribute(query.groupBy(), "c.level");
        for (LocalDate start : starts) {
            String quarter = quarter(start);
            LocalDate end = start.plusMonths(3);
            if (tallied(query.groupBy())) {
                tallied(query.groupBy(), start, end, row -> tally.add(row.key(),
                        quarter + "." + ("registered".equals(row.figure()) ? "volume" : row.figure()), row.count()),
                        Measure.VOLUME, Measure.FEEDBACK);
                continue;
            }
            for (Object[] row : period(entityManager.createQuery("select " + attribute + ", count(c) from StatisticsCase c"
                    + " where c.registeredAt >= :from and c.registeredAt < :to group by " + attribute, Object[].class),
                    start, end.minusDays(1)).getResultList()) {
                tally.add(key(query.groupBy(), row[0]), quarter + ".volume", (Long) row[1]);
            }
            for (Object[] row : period(entityManager.createQuery("select " + attribute + ", f.satisfied, count(f)"
                    + " from FeedbackFact f, StatisticsCase c where f.complaintId = c.complaintId and f.answeredAt >= :from"
                    + " and f.answeredAt < :to group by " + attribute + ", f.satisfied", Object[].class),
                    start, end.minusDays(1)).getResultList()) {
                String key = key(query.groupBy(), row[0]);
                tally.add(key, quarter + ".responses", (Long) row[2]);
                if ((Boolean) row[1]) {
                    tally.add(key, quarter + ".satisfied", (Long) row[2]);
                }
            }
        }
        List<GroupTrend> groups = query.groupBy() == null ? null
                : tally.keys().stream().map(key -> new GroupTrend(key, quarters(tally, key, starts, today))).toList();
        return new TrendReport(zone(), asOf, settings.volumeTarget(), settings.satisfactionTarget(),
                settings.satisfactionBaseline(), quarters(tally, Tally.TOTAL, starts, today), groups,
                query.drill() == null ? null : trendDrill(query, starts));
    }

    private DrillDown trendDrill(Trend query, List<LocalDate> starts) {
        String[] figure = query.drill().figure().split("\\.", 2);
        LocalDate start = starts.stream().filter(s -> quarter(s).equals(figure[0])).findFirst().orElse(null);
        String measure = figure.length < 2 ? "" : figure[1];
        Ids ids = measure.equals("volume")
                ? new Ids("select distinct c.complaintId from StatisticsCase c where c.registeredAt >= :from"
                + " and c.registeredAt < :to")
                : new Ids("select distinct c.complaintId from FeedbackFact f, StatisticsCase c where f.complaintId = c.complaintId"
                + " and f.answeredAt >= :from and f.answeredAt < :to")
                .unless(!measure.equals("responses") && !measure.equals("satisfied"))
                .and(measure.equals("satisfied") ? "f.satisfied = true" : "1 = 1", null, null);
        return ids.unless(start == null)
                .period(start(start == null ? starts.get(0) : start), start((start == null ? starts.get(0) : start).plusMonths(3)))
                .group(query.groupBy(), query.drill().key(), "c.level")
                .drill(query.drill().key(), query.drill().figure());
    }

    /** The quarters after the first start (which only gives the change of the second). */
    private List<Quarter> quarters(Tally tally, String key, List<LocalDate> starts, LocalDate today) {
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
        Tally tally = new Tally();
        if (tallied(query.groupBy())) {
            for (Object[] row : entityManager.createQuery("select t.day, t.groupKey, sum(t.count) from StatisticsTally t"
                            + " where t.grouping = :grouping and t.measure = :measure and t.day >= :from and t.day < :to"
                            + " group by t.day, t.groupKey", Object[].class)
                    .setParameter("grouping", tallyGrouping(query.groupBy()).name())
                    .setParameter("measure", Measure.VOLUME.name())
                    .setParameter("from", starts.get(0)).setParameter("to", end).getResultList()) {
                tally.add(query.groupBy() == null ? null : (String) row[1],
                        periodStart(query.period(), (LocalDate) row[0]).toString(), (Long) row[2]);
            }
        } else {
            String attribute = attribute(query.groupBy(), "c.level");
            for (LocalDate period : starts) {
                for (Object[] row : period(entityManager.createQuery("select " + attribute + ", count(c) from StatisticsCase c"
                        + " where c.registeredAt >= :from and c.registeredAt < :to group by " + attribute, Object[].class),
                        period, next(query.period(), period).minusDays(1)).getResultList()) {
                    tally.add(key(query.groupBy(), row[0]), period.toString(), (Long) row[1]);
                }
            }
        }
        String examinedFigure = examined.toString();
        double k = settings.hotSpotDeviations();
        String rule = "count >= " + settings.hotSpotMinimumCount() + " and count > trailing mean + " + k
                + " standard deviations of the " + trailing + " " + query.period().name().toLowerCase(Locale.ROOT)
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
        DrillDown drill = null;
        if (query.drill() != null) {
            String figure = query.drill().figure() == null ? examinedFigure : query.drill().figure();
            LocalDate period = starts.stream().filter(s -> s.toString().equals(figure)).findFirst().orElse(null);
            LocalDate from = period == null ? examined : period;
            drill = new Ids("select distinct c.complaintId from StatisticsCase c where c.registeredAt >= :from"
                    + " and c.registeredAt < :to").unless(period == null)
                    .period(start(from), start(next(query.period(), from)))
                    .group(query.groupBy(), query.drill().key(), "c.level")
                    .drill(query.drill().key(), figure);
        }
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
    private Tally tallied(Grouping groupBy, LocalDate from, LocalDate to, Measure... measures) {
        Tally tally = new Tally();
        tallied(groupBy, from, to, row -> tally.add(row.key(), row.figure(), row.count(), row.amount()), measures);
        return tally;
    }

    private void tallied(Grouping groupBy, LocalDate from, LocalDate to, Consumer<TalliedRow> each, Measure... measures) {
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

    /** The days {@code from} to {@code to} (both included) as the instants [:from, :to). */
    private <T> TypedQuery<T> period(TypedQuery<T> query, LocalDate from, LocalDate to) {
        return query.setParameter("from", start(from)).setParameter("to", start(to.plusDays(1)));
    }

    /** What a case c is grouped by ({@code level}: where its level is read); any one attribute without a grouping. */
    private static String attribute(Grouping grouping, String level) {
        return grouping == null ? "c.category" : switch (grouping) {
            case CATEGORY -> "c.category";
            case SUBCATEGORY -> "c.subcategory";
            case ROOT_ISSUE -> "c.rootIssue";
            case BRANCH_CODE -> "c.branchCode";
            case CHANNEL -> "c.channel";
            case LEVEL -> level;
        };
    }

    /** A group's key from the attribute the database grouped by; none (the total alone) without a grouping. */
    private static String key(Grouping grouping, Object attribute) {
        if (grouping == null) {
            return null;
        }
        return attribute instanceof Enum<?> constant ? constant.name() : attribute.toString();
    }

    /** The value of a case's attribute a group's key names, or null when no group can have that key. */
    private static Object groupValue(Grouping grouping, String key) {
        return switch (grouping) {
            case CATEGORY -> constant(Category.class, key);
            case SUBCATEGORY -> constant(Subcategory.class, key);
            case ROOT_ISSUE -> constant(RootIssue.class, key);
            case BRANCH_CODE -> key;
            case CHANNEL -> constant(Channel.class, key);
            case LEVEL -> constant(HandlingLevel.class, key);
        };
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst()
                .orElse(null);
    }

    /**
     * The ids of the cases behind one figure: a query of distinct case ids narrowed to the figure's group and its
     * own condition; none when the figure or the group cannot exist.
     */
    private final class Ids {

        private final StringBuilder jpql;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private boolean none;

        Ids(String select) {
            this.jpql = new StringBuilder(select);
        }

        Ids period(Instant from, Instant to) {
            parameters.put("from", from);
            parameters.put("to", to);
            return this;
        }

        Ids unless(boolean impossible) {
            none |= impossible;
            return this;
        }

        Ids and(String condition, String parameter, Object value) {
            if (!none) {
                jpql.append(" and ").append(condition);
                if (parameter != null) {
                    parameters.put(parameter, value);
                }
            }
            return this;
        }

        /** The cases of the group {@code key} ({@link Tally#TOTAL}: all), its level read from {@code level}. */
        Ids group(Grouping grouping, String key, String level) {
            if (Tally.TOTAL.equals(key)) {
                return this;
            }
            Object value = grouping == null ? null : groupValue(grouping, key);
            return unless(value == null).and(attribute(grouping, level) + " = :groupKey", "groupKey", value);
        }

        DrillDown drill(String key, String figure) {
            List<String> ids = List.of();
            if (!none) {
                TypedQuery<String> query = entityManager.createQuery(jpql.toString(), String.class);
                parameters.forEach(query::setParameter);
                ids = query.getResultList().stream().sorted().toList();
            }
            return new DrillDown(key, figure, ids.size(), ids);
        }
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
