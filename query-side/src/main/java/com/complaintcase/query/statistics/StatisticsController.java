package com.complaintcase.query.statistics;

import com.complaintcase.query.statistics.StatisticsQueries.*;
import com.complaintcase.query.web.Answers;
import com.complaintcase.query.web.CsvWriter;
import com.complaintcase.values.InvalidValueException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bank's own statistics (reporting contract, "Statistics"): daily counting classes and the metrics of the
 * domain brief's sections 7 and 8. Every path answers JSON, or CSV with {@code Accept: text/csv} or a {@code .csv}
 * suffix. {@code drill} (a group's key, or TOTAL) with {@code figure} adds the case ids behind that figure.
 */
@RestController
@Tag(name = "Statistics", description = "Counting classes, on-time rates, overdue age, rates, compensation, trend and "
        + "hot spots; no personal data")
public class StatisticsController {

    private static final String CSV = "text/csv";
    private static final String DRILL = "A group's key (TOTAL: the whole report) whose figure's case ids to add as `drill`";
    private static final String FIGURE = "The figure to drill into (see the operation's description)";
    private static final String GROUP_BY = "category, subcategory, rootIssue, branchCode, channel or level";
    private static final String FROM = "First day of the period (ISO date, reporting zone); default: `to` minus the "
            + "default period (complaints.statistics.default-days, 30 days) plus one";
    private static final String TO = "Last day of the period, included (ISO date, reporting zone); default: today";

    private final QueryGateway queries;
    private final StatisticsSettings settings;
    private final java.time.Clock clock;

    public StatisticsController(QueryGateway queries, StatisticsSettings settings, java.time.Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- daily ----

    @GetMapping(path = "/api/statistics/daily", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @ApiResponse(responseCode = "200", description = "The report (JSON), or as CSV when Accept prefers text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DailyStatistics.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Counting classes at the day's end of the cases registered that day, by group, with their "
            + "responsibility; and the cases registered before whose class changed that day",
            description = "Figures to drill into: cases, complaint, inquiry, notCounted, LIABLE, NOT_LIABLE, SHARED, "
                    + "UNDETERMINED, or a reclassification FROM>TO such as INQUIRY>COMPLAINT")
    public ResponseEntity<?> daily(@Parameter(description = "The day (ISO date, reporting zone); default: today")
                                 @RequestParam(required = false) LocalDate date,
                                 @Parameter(description = GROUP_BY + "; default category") @RequestParam(required = false) String groupBy,
                                 @Parameter(description = DRILL) @RequestParam(required = false) String drill,
                                 @Parameter(description = FIGURE + "; default cases") @RequestParam(required = false) String figure,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        DailyStatistics report = dailyReport(date, groupBy, drill, figure);
        return csvAsked(accept) ? dailyCsv(report) : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private DailyStatistics dailyReport(LocalDate date, String groupBy, String drill, String figure) {
        LocalDate day = date == null ? today() : date;
        return Answers.await(queries.query(new Daily(day, Grouping.parse(groupBy, Grouping.CATEGORY), drill(drill, figure, "cases")),
                ResponseTypes.instanceOf(DailyStatistics.class)));
    }

    @GetMapping(path = "/api/statistics/daily.csv", produces = CSV)
    @Operation(summary = "The daily counting classes as CSV: one line per group, then TOTAL")
    public ResponseEntity<String> dailyCsvFile(@Parameter(description = "The day (ISO date); default: today") @RequestParam(required = false) LocalDate date,
                                           @Parameter(description = GROUP_BY + "; default category") @RequestParam(required = false) String groupBy) {
        return dailyCsv(dailyReport(date, groupBy, null, null));
    }

    private ResponseEntity<String> dailyCsv(DailyStatistics report) {
        List<List<?>> lines = new ArrayList<>();
        lines.add(List.of("date", "groupBy", "zone", "asOf", "key", "complaint", "inquiry", "notCounted", "LIABLE",
                "NOT_LIABLE", "SHARED", "UNDETERMINED"));
        List<ClassRow> rows = new ArrayList<>(report.rows());
        rows.add(report.totals());
        for (ClassRow row : rows) {
            Map<String, Long> r = row.byResponsibility();
            lines.add(List.of(report.date(), report.groupBy(), report.zone(), report.asOf(), row.key(), row.complaint(),
                    row.inquiry(), row.notCounted(), r.get("LIABLE"), r.get("NOT_LIABLE"), r.get("SHARED"),
                    r.get("UNDETERMINED")));
        }
        return csv("daily-statistics-" + report.date() + ".csv", lines);
    }

    // ---- on time ----

    @GetMapping(path = "/api/metrics/on-time", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @ApiResponse(responseCode = "200", description = "The report (JSON), or as CSV when Accept prefers text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = OnTimeReport.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "On-time rate per clock (every clock of every policy pack): clocks that ended in the period "
            + "(met or breached), met in time, breached, and met in time / ended",
            description = "Figures to drill into: CLOCK.ended, CLOCK.metInTime, CLOCK.breached (e.g. RESOLUTION.breached)")
    public ResponseEntity<?> onTime(@Parameter(description = FROM) @RequestParam(required = false) LocalDate from,
                               @Parameter(description = TO) @RequestParam(required = false) LocalDate to,
                               @Parameter(description = GROUP_BY + "; default none") @RequestParam(required = false) String groupBy,
                               @Parameter(description = DRILL) @RequestParam(required = false) String drill,
                               @Parameter(description = FIGURE) @RequestParam(required = false) String figure,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        OnTimeReport report = onTimeReport(from, to, groupBy, drill, figure);
        return csvAsked(accept) ? onTimeCsv(report) : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private OnTimeReport onTimeReport(LocalDate from, LocalDate to, String groupBy, String drill, String figure) {
        LocalDate[] period = period(from, to);
        return Answers.await(queries.query(new OnTime(period[0], period[1], Grouping.parse(groupBy, null),
                drill(drill, figure, null)), ResponseTypes.instanceOf(OnTimeReport.class)));
    }

    @GetMapping(path = "/api/metrics/on-time.csv", produces = CSV)
    @Operation(summary = "The on-time rates as CSV: one line per group and clock")
    public ResponseEntity<String> onTimeCsvFile(@Parameter(description = FROM) @RequestParam(required = false) LocalDate from,
                                            @Parameter(description = TO) @RequestParam(required = false) LocalDate to,
                                            @Parameter(description = GROUP_BY) @RequestParam(required = false) String groupBy) {
        return onTimeCsv(onTimeReport(from, to, groupBy, null, null));
    }

    private ResponseEntity<String> onTimeCsv(OnTimeReport report) {
        List<List<?>> lines = new ArrayList<>();
        lines.add(List.of("from", "to", "zone", "asOf", "key", "clock", "ended", "metInTime", "breached", "onTimeRate"));
        List<GroupClocks> groups = new ArrayList<>(report.groups() == null ? List.of() : report.groups());
        groups.add(new GroupClocks(Tally.TOTAL, report.clocks()));
        for (GroupClocks group : groups) {
            for (ClockRate rate : group.clocks()) {
                lines.add(fields(report.from(), report.to(), report.zone(), report.asOf(), group.key(), rate.clock(),
                        rate.ended(), rate.metInTime(), rate.breached(), rate.onTimeRate()));
            }
        }
        return csv("on-time.csv", lines);
    }

    // ---- overdue age ----

    @GetMapping(path = "/api/metrics/overdue-age", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @ApiResponse(responseCode = "200", description = "The report (JSON), or as CSV when Accept prefers text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = OverdueAgeReport.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Cases overdue now (an open case with a clock past its due time and its step not done), in "
            + "bands of how long since the earliest such due time",
            description = "Figures to drill into: overdue, LESS_THAN_1_DAY, 1_TO_3_DAYS, 3_TO_7_DAYS, MORE_THAN_7_DAYS")
    public ResponseEntity<?> overdueAge(@Parameter(description = GROUP_BY + " (the case's current branch and level); default none")
                                       @RequestParam(required = false) String groupBy,
                                       @Parameter(description = DRILL) @RequestParam(required = false) String drill,
                                       @Parameter(description = FIGURE + "; default overdue") @RequestParam(required = false) String figure,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        OverdueAgeReport report = overdueAgeReport(groupBy, drill, figure);
        return csvAsked(accept) ? overdueAgeCsv(report) : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private OverdueAgeReport overdueAgeReport(String groupBy, String drill, String figure) {
        return Answers.await(queries.query(new OverdueAge(Grouping.parse(groupBy, null), drill(drill, figure, "overdue")),
                ResponseTypes.instanceOf(OverdueAgeReport.class)));
    }

    @GetMapping(path = "/api/metrics/overdue-age.csv", produces = CSV)
    @Operation(summary = "The overdue ages as CSV: one line per group, then TOTAL")
    public ResponseEntity<String> overdueAgeCsvFile(@Parameter(description = GROUP_BY) @RequestParam(required = false) String groupBy) {
        return overdueAgeCsv(overdueAgeReport(groupBy, null, null));
    }

    private ResponseEntity<String> overdueAgeCsv(OverdueAgeReport report) {
        List<List<?>> lines = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of("asOf", "key", "overdue"));
        header.addAll(List.of(StatisticsQueryHandler.BANDS));
        lines.add(header);
        List<OverdueGroup> groups = new ArrayList<>(report.groups() == null ? List.of() : report.groups());
        groups.add(new OverdueGroup(Tally.TOTAL, report.overdue(), report.bands()));
        for (OverdueGroup group : groups) {
            List<Object> line = new ArrayList<>(List.of(report.asOf(), group.key(), group.overdue()));
            line.addAll(group.bands().values());
            lines.add(line);
        }
        return csv("overdue-age.csv", lines);
    }

    // ---- rates ----

    @GetMapping(path = "/api/metrics/rates", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @ApiResponse(responseCode = "200", description = "The report (JSON), or as CSV when Accept prefers text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RatesReport.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Of the cases registered in the period: repeat-complaint rate (registered as a repeat, or "
            + "reopened), escalation rate (escalated at least once), and their escalations by reason and level reached",
            description = "Figures to drill into: registered, repeat, escalated, reason:REASON, level:LEVEL")
    public ResponseEntity<?> rates(@Parameter(description = FROM) @RequestParam(required = false) LocalDate from,
                             @Parameter(description = TO) @RequestParam(required = false) LocalDate to,
                             @Parameter(description = GROUP_BY + "; default none") @RequestParam(required = false) String groupBy,
                             @Parameter(description = DRILL) @RequestParam(required = false) String drill,
                             @Parameter(description = FIGURE + "; default registered") @RequestParam(required = false) String figure,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RatesReport report = ratesReport(from, to, groupBy, drill, figure);
        return csvAsked(accept) ? ratesCsv(report) : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private RatesReport ratesReport(LocalDate from, LocalDate to, String groupBy, String drill, String figure) {
        LocalDate[] period = period(from, to);
        return Answers.await(queries.query(new Rates(period[0], period[1], Grouping.parse(groupBy, null),
                drill(drill, figure, "registered")), ResponseTypes.instanceOf(RatesReport.class)));
    }

    @GetMapping(path = "/api/metrics/rates.csv", produces = CSV)
    @Operation(summary = "The repeat and escalation rates as CSV: one line per group, then the whole period")
    public ResponseEntity<String> ratesCsvFile(@Parameter(description = FROM) @RequestParam(required = false) LocalDate from,
                                           @Parameter(description = TO) @RequestParam(required = false) LocalDate to,
                                           @Parameter(description = GROUP_BY) @RequestParam(required = false) String groupBy) {
        return ratesCsv(ratesReport(from, to, groupBy, null, null));
    }

    private ResponseEntity<String> ratesCsv(RatesReport report) {
        List<List<?>> lines = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of("from", "to", "zone", "asOf", "key", "registered", "repeat",
                "repeatRate", "escalated", "escalationRate"));
        report.overall().escalationsByReason().keySet().forEach(reason -> header.add("reason:" + reason));
        report.overall().escalationsByLevel().keySet().forEach(level -> header.add("level:" + level));
        lines.add(header);
        List<RateFigures> groups = new ArrayList<>(report.groups() == null ? List.of() : report.groups());
        groups.add(report.overall());
        for (RateFigures group : groups) {
            List<Object> line = new ArrayList<>(fields(report.from(), report.to(), report.zone(), report.asOf(),
                    group.key() == null ? Tally.TOTAL : group.key(), group.registered(), group.repeat(), group.repeatRate(),
                    group.escalated(), group.escalationRate()));
            line.addAll(group.escalationsByReason().values());
            line.addAll(group.escalationsByLevel().values());
            lines.add(line);
        }
        return csv("rates.csv", lines);
    }

    // ---- compensation ----

    @GetMapping(path = "/api/metrics/compensation", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @ApiResponse(responseCode = "200", description = "The report (JSON), or as CSV when Accept prefers text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CompensationReport.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Compensation proposed, approved and paid in the period: count, sum and average per currency "
            + "(never summed across currencies)",
            description = "Figures to drill into: STAGE.CURRENCY with stage proposed, approved or paid (e.g. paid.CNY)")
    public ResponseEntity<?> compensation(@Parameter(description = FROM) @RequestParam(required = false) LocalDate from,
                                           @Parameter(description = TO) @RequestParam(required = false) LocalDate to,
                                           @Parameter(description = GROUP_BY + "; default none") @RequestParam(required = false) String groupBy,
                                           @Parameter(description = DRILL) @RequestParam(required = false) String drill,
                                           @Parameter(description = FIGURE) @RequestParam(required = false) String figure,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        CompensationReport report = compensationReport(from, to, groupBy, drill, figure);
        return csvAsked(accept) ? compensationCsv(report) : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private CompensationReport compensationReport(LocalDate from, LocalDate to, String groupBy, String drill, String figure) {
        LocalDate[] period = period(from, to);
        return Answers.await(queries.query(new StatisticsQueries.Compensation(period[0], period[1],
                Grouping.parse(groupBy, null), drill(drill, figure, null)), ResponseTypes.instanceOf(CompensationReport.class)));
    }

    @GetMapping(path = "/api/metrics/compensation.csv", produces = CSV)
    @Operation(summary = "The compensation figures as CSV: one line per group, stage and currency")
    public ResponseEntity<String> compensationCsvFile(@Parameter(description = FROM) @RequestParam(required = false) LocalDate from,
                                                  @Parameter(description = TO) @RequestParam(required = false) LocalDate to,
                                                  @Parameter(description = GROUP_BY) @RequestParam(required = false) String groupBy) {
        return compensationCsv(compensationReport(from, to, groupBy, null, null));
    }

    private ResponseEntity<String> compensationCsv(CompensationReport report) {
        List<List<?>> lines = new ArrayList<>();
        lines.add(List.of("from", "to", "zone", "asOf", "key", "stage", "currency", "count", "sum", "average"));
        List<CompensationFigures> groups = new ArrayList<>(report.groups() == null ? List.of() : report.groups());
        groups.add(report.overall());
        for (CompensationFigures group : groups) {
            Map<String, Map<String, Amounts>> stages = new java.util.LinkedHashMap<>();
            stages.put("proposed", group.proposed());
            stages.put("approved", group.approved());
            stages.put("paid", group.paid());
            stages.forEach((stage, byCurrency) -> byCurrency.forEach((currency, amounts) -> lines.add(fields(report.from(),
                    report.to(), report.zone(), report.asOf(), group.key() == null ? Tally.TOTAL : group.key(), stage,
                    currency, amounts.count(), amounts.sum(), amounts.average()))));
        }
        return csv("compensation.csv", lines);
    }

    // ---- trend ----

    @GetMapping(path = "/api/metrics/trend", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @ApiResponse(responseCode = "200", description = "The report (JSON), or as CSV when Accept prefers text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TrendReport.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Volume per quarter (cases registered) with its change on the quarter before against the "
            + "target (-10%), and satisfaction per quarter (answers given in it) against the target (80%; baseline 65%)",
            description = "Figures to drill into: QUARTER.volume, QUARTER.responses, QUARTER.satisfied (e.g. 2026-Q4.volume)")
    public ResponseEntity<?> trend(@Parameter(description = "How many quarters, up to the running one (default 4, at most "
                                     + "complaints.statistics.max-quarters, 20)") @RequestParam(required = false) Integer quarters,
                             @Parameter(description = GROUP_BY + "; default none") @RequestParam(required = false) String groupBy,
                             @Parameter(description = DRILL) @RequestParam(required = false) String drill,
                             @Parameter(description = FIGURE) @RequestParam(required = false) String figure,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        TrendReport report = trendReport(quarters, groupBy, drill, figure);
        return csvAsked(accept) ? trendCsv(report) : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private TrendReport trendReport(Integer quarters, String groupBy, String drill, String figure) {
        int count = quarters == null ? settings.defaultQuarters() : quarters;
        if (count < 1 || count > settings.maxQuarters()) {
            throw new InvalidValueException("quarters", "must be 1 to " + settings.maxQuarters());
        }
        return Answers.await(queries.query(new Trend(count, Grouping.parse(groupBy, null), drill(drill, figure, null)),
                ResponseTypes.instanceOf(TrendReport.class)));
    }

    @GetMapping(path = "/api/metrics/trend.csv", produces = CSV)
    @Operation(summary = "The quarterly trend as CSV: one line per group and quarter")
    public ResponseEntity<String> trendCsvFile(@Parameter(description = "How many quarters (default 4)") @RequestParam(required = false) Integer quarters,
                                           @Parameter(description = GROUP_BY) @RequestParam(required = false) String groupBy) {
        return trendCsv(trendReport(quarters, groupBy, null, null));
    }

    private ResponseEntity<String> trendCsv(TrendReport report) {
        List<List<?>> lines = new ArrayList<>();
        lines.add(List.of("zone", "asOf", "key", "quarter", "complete", "volume", "volumeChange", "volumeTarget",
                "volumeTargetMet", "responses", "satisfied", "satisfactionRate", "satisfactionTarget", "satisfactionTargetMet"));
        List<GroupTrend> groups = new ArrayList<>(report.groups() == null ? List.of() : report.groups());
        groups.add(new GroupTrend(Tally.TOTAL, report.quarters()));
        for (GroupTrend group : groups) {
            for (Quarter q : group.quarters()) {
                lines.add(fields(report.zone(), report.asOf(), group.key(), q.quarter(), q.complete(), q.volume(),
                        q.volumeChange(), report.volumeTarget(), q.volumeTargetMet(), q.responses(), q.satisfied(),
                        q.satisfactionRate(), report.satisfactionTarget(), q.satisfactionTargetMet()));
            }
        }
        return csv("trend.csv", lines);
    }

    // ---- hot spots ----

    @GetMapping(path = "/api/metrics/hot-spots", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @ApiResponse(responseCode = "200", description = "The report (JSON), or as CSV when Accept prefers text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = HotSpotReport.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Groups whose volume in a period jumped against their own history: by default more than 3 "
            + "standard deviations above the mean of the 8 periods before, with at least 10 cases "
            + "(complaints.statistics.hot-spot-*)",
            description = "Figures to drill into: a period's start date (default: the examined period's)")
    public ResponseEntity<?> hotSpots(@Parameter(description = "day, week, month (default) or quarter") @RequestParam(required = false) String period,
                                  @Parameter(description = "A day of the period to examine (ISO date); default: the last complete period")
                                  @RequestParam(required = false) LocalDate date,
                                  @Parameter(description = GROUP_BY + "; default category") @RequestParam(required = false) String groupBy,
                                  @Parameter(description = DRILL) @RequestParam(required = false) String drill,
                                  @Parameter(description = FIGURE) @RequestParam(required = false) String figure,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        HotSpotReport report = hotSpotsReport(period, date, groupBy, drill, figure);
        return csvAsked(accept) ? hotSpotsCsv(report) : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private HotSpotReport hotSpotsReport(String period, LocalDate date, String groupBy, String drill, String figure) {
        return Answers.await(queries.query(new HotSpots(unit(period), date, Grouping.parse(groupBy, Grouping.CATEGORY),
                drill(drill, figure, null)), ResponseTypes.instanceOf(HotSpotReport.class)));
    }

    @GetMapping(path = "/api/metrics/hot-spots.csv", produces = CSV)
    @Operation(summary = "The hot spots as CSV: one line per hot spot")
    public ResponseEntity<String> hotSpotsCsvFile(@Parameter(description = "day, week, month (default) or quarter") @RequestParam(required = false) String period,
                                              @Parameter(description = "A day of the period to examine") @RequestParam(required = false) LocalDate date,
                                              @Parameter(description = GROUP_BY) @RequestParam(required = false) String groupBy) {
        return hotSpotsCsv(hotSpotsReport(period, date, groupBy, null, null));
    }

    private ResponseEntity<String> hotSpotsCsv(HotSpotReport report) {
        List<List<?>> lines = new ArrayList<>();
        lines.add(List.of("period", "periodStart", "periodEnd", "groupBy", "zone", "asOf", "key", "count", "trailingMean",
                "standardDeviation", "deviations", "threshold", "rule"));
        for (HotSpot spot : report.hotSpots()) {
            lines.add(fields(report.period(), report.periodStart(), report.periodEnd(), report.groupBy(), report.zone(),
                    report.asOf(), spot.key(), spot.count(), spot.trailingMean(), spot.standardDeviation(),
                    spot.deviations(), spot.threshold(), spot.rule()));
        }
        return csv("hot-spots.csv", lines);
    }

    // ---- shared ----

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.zone());
    }

    private LocalDate[] period(LocalDate from, LocalDate to) {
        LocalDate last = to == null ? today() : to;
        LocalDate first = from == null ? last.minusDays(settings.defaultDays() - 1L) : from;
        settings.check(first, last);
        return new LocalDate[]{first, last};
    }

    private static Drill drill(String key, String figure, String defaultFigure) {
        if (key == null || key.isBlank()) {
            if (figure != null && !figure.isBlank()) {
                throw new InvalidValueException("drill", "is required with figure");
            }
            return null;
        }
        String chosen = figure == null || figure.isBlank() ? defaultFigure : figure.trim();
        if (chosen == null) {
            throw new InvalidValueException("figure", "is required to drill into this report's figures");
        }
        if (key.length() > 64 || chosen.length() > 64) {
            throw new InvalidValueException(key.length() > 64 ? "drill" : "figure", "must be at most 64 characters");
        }
        return new Drill(key.trim(), chosen);
    }

    /** Whether the Accept header prefers CSV: the first type of the highest quality that is CSV or JSON decides. */
    static boolean csvAsked(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.valueOf(CSV))) {
                return true;
            }
        }
        return false;
    }

    private static PeriodUnit unit(String period) {
        if (period == null || period.isBlank()) {
            return PeriodUnit.MONTH;
        }
        try {
            return PeriodUnit.valueOf(period.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("period", "must be day, week, month or quarter");
        }
    }

    private static List<Object> fields(Object... values) {
        return java.util.Arrays.asList(values);
    }

    private static ResponseEntity<String> csv(String filename, List<List<?>> lines) {
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out);
        try {
            for (List<?> line : lines) {
                writer.row(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString());
    }
}
