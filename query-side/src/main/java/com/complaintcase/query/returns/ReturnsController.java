package com.complaintcase.query.returns;

import com.complaintcase.events.returns.ReturnFiled;
import com.complaintcase.platform.problem.Problems;
import com.complaintcase.query.web.CsvWriter;
import com.complaintcase.values.Actor;
import com.complaintcase.values.InvalidValueException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The regulatory returns (reporting contract, "Regulatory returns"): computed from the events up to an as-of position,
 * in JSON or CSV ({@code Accept: text/csv} or the path with {@code .csv}), each figure drilled down to its case ids
 * with {@code drill}; filed by compliance, read back exactly as filed and checked against the events.
 */
@RestController
@Tag(name = "Regulatory returns", description = "FCA DISP 1, CFPB and CN PBoC returns computed from the events; filings and their checks")
public class ReturnsController {

    private static final String CSV = "text/csv";
    private static final String FROM_DOC = "First day of the period (ISO date, in the reporting zone complaints.returns.zone), included";
    private static final String TO_DOC = "Last day of the period (ISO date), included; at most complaints.returns.max-days (400) days after from";
    private static final String POSITION_DOC = "The event-store position to compute to (default: the newest event); the same position gives the same return";
    private static final String DRILL_DOC = "A figure's key to get the case ids behind it instead of the return: FCA `header.<figure>` or "
            + "`<grouping>.<cause>.<figure>` (opened, closedWithin3BusinessDays, closedAfter3BusinessDaysWithin8Weeks, "
            + "closedAfter8Weeks, upheld, redressPaid; header: outstandingAtStart, opened, closed, upheld); CFPB `complaints`; "
            + "CN PBoC `<region>.<A>.<B>.<C>.complaints` or `.mergedDuplicates`";

    private final RegulatoryReturns returns;
    private final ReturnFilings filings;

    ReturnsController(RegulatoryReturns returns, ReturnFilings filings) {
        this.returns = returns;
        this.filings = filings;
    }

    @GetMapping(path = "/api/returns/fca-disp1", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The FCA complaints return (DISP 1 Annex 1R) by product/service grouping x cause, with the header and the DISP 1.10A publication summary")
    public Object fca(@Parameter(description = FROM_DOC) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @Parameter(description = TO_DOC) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @Parameter(description = POSITION_DOC) @RequestParam(required = false) Long asOfPosition,
                      @Parameter(description = DRILL_DOC) @RequestParam(required = false) String drill) {
        return answer(FcaDisp1.REGIME, from, to, asOfPosition, drill);
    }

    @GetMapping(path = {"/api/returns/fca-disp1", "/api/returns/fca-disp1.csv"}, produces = CSV)
    @Operation(summary = "The FCA complaints return's table as CSV (one row per grouping x cause)")
    public ResponseEntity<String> fcaCsv(@Parameter(description = FROM_DOC) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @Parameter(description = TO_DOC) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @Parameter(description = POSITION_DOC) @RequestParam(required = false) Long asOfPosition) {
        RegulatoryReturns.Computed computed = compute(FcaDisp1.REGIME, from, to, asOfPosition);
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("grouping", "cause", "opened", "closedWithin3BusinessDays", "closedAfter3BusinessDaysWithin8Weeks",
                "closedAfter8Weeks", "upheld", "redressPaid", "asOf", "asOfPosition", "mappingsVersion"));
        for (FcaDisp1.Row row : ((FcaDisp1.Figures) computed.document().figures()).rows()) {
            rows.add(withAsOf(computed, row.grouping(), row.cause(), row.opened(), row.closedWithin3BusinessDays(),
                    row.closedAfter3BusinessDaysWithin8Weeks(), row.closedAfter8Weeks(), row.upheld(), money(row.redressPaid())));
        }
        return csv("fca-disp1", computed, rows);
    }

    @GetMapping(path = "/api/returns/cfpb", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One row per case received in the period in the CFPB complaint-database columns, with company response and timely flag")
    public Object cfpb(@Parameter(description = FROM_DOC) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @Parameter(description = TO_DOC) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @Parameter(description = POSITION_DOC) @RequestParam(required = false) Long asOfPosition,
                       @Parameter(description = DRILL_DOC) @RequestParam(required = false) String drill) {
        return answer(Cfpb.REGIME, from, to, asOfPosition, drill);
    }

    @GetMapping(path = {"/api/returns/cfpb", "/api/returns/cfpb.csv"}, produces = CSV)
    @Operation(summary = "The CFPB columns as CSV, with the public database's column names")
    public ResponseEntity<String> cfpbCsv(@Parameter(description = FROM_DOC) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @Parameter(description = TO_DOC) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @Parameter(description = POSITION_DOC) @RequestParam(required = false) Long asOfPosition) {
        RegulatoryReturns.Computed computed = compute(Cfpb.REGIME, from, to, asOfPosition);
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("Date received", "Product", "Sub-product", "Issue", "Sub-issue", "Consumer complaint narrative",
                "Company public response", "Company", "State", "ZIP code", "Tags", "Consumer consent provided?",
                "Submitted via", "Date sent to company", "Company response to consumer", "Timely response?",
                "Consumer disputed?", "Complaint ID", "asOf", "asOfPosition", "mappingsVersion"));
        for (Cfpb.Row row : ((Cfpb.Figures) computed.document().figures()).rows()) {
            rows.add(withAsOf(computed, row.dateReceived(), row.product(), row.subProduct(), row.issue(), row.subIssue(),
                    row.consumerComplaintNarrative(), row.companyPublicResponse(), row.company(), row.state(),
                    row.zipCode(), row.tags(), row.consumerConsentProvided(), row.submittedVia(),
                    row.dateSentToCompany(), row.companyResponseToConsumer(), row.timelyResponse(),
                    row.consumerDisputed(), row.complaintId()));
        }
        return csv("cfpb", computed, rows);
    }

    @GetMapping(path = "/api/returns/cn-pboc", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complaints by region x PBoC A (channel) x B (business) x C (cause) codes after merging duplicates, with region totals")
    public Object pboc(@Parameter(description = FROM_DOC) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @Parameter(description = TO_DOC) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @Parameter(description = POSITION_DOC) @RequestParam(required = false) Long asOfPosition,
                       @Parameter(description = DRILL_DOC) @RequestParam(required = false) String drill) {
        return answer(CnPboc.REGIME, from, to, asOfPosition, drill);
    }

    @GetMapping(path = {"/api/returns/cn-pboc", "/api/returns/cn-pboc.csv"}, produces = CSV)
    @Operation(summary = "The CN PBoC coded counts as CSV")
    public ResponseEntity<String> pbocCsv(@Parameter(description = FROM_DOC) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @Parameter(description = TO_DOC) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @Parameter(description = POSITION_DOC) @RequestParam(required = false) Long asOfPosition) {
        RegulatoryReturns.Computed computed = compute(CnPboc.REGIME, from, to, asOfPosition);
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("region", "channelCode", "businessCode", "causeCode", "complaints", "mergedDuplicates", "asOf",
                "asOfPosition", "mappingsVersion"));
        for (CnPboc.Row row : ((CnPboc.Figures) computed.document().figures()).rows()) {
            rows.add(withAsOf(computed, row.region(), row.channelCode(), row.businessCode(), row.causeCode(),
                    row.complaints(), row.mergedDuplicates()));
        }
        return csv("cn-pboc", computed, rows);
    }

    @PostMapping(path = "/api/returns/{regime}/filings", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "File a return (compliance): computed to the store's newest position and recorded as a ReturnFiled event")
    public ResponseEntity<FilingAnswer> file(@Parameter(description = "fca-disp1, cfpb or cn-pboc") @PathVariable String regime,
                                             @Valid @RequestBody FilingBody body, Actor actor) {
        ReturnFilings.requireRegime(regime);
        ReturnFiled filed = filings.file(regime, body.from(), body.to(), body.note(), actor);
        return ResponseEntity.created(URI.create("/api/returns/filings/" + filed.filingId()))
                .body(FilingAnswer.of(filed));
    }

    @GetMapping(path = "/api/returns/filings/{filingId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The filed return, exactly as filed (its canonical JSON; SHA-256 in the X-Result-Sha256 header)")
    public ResponseEntity<byte[]> filed(@Parameter(description = "The filing id the filing answered") @PathVariable String filingId) {
        ReturnFiled filed = filings.find(filingId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("X-Result-Sha256", filed.resultSha256())
                .body(filed.result().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/api/returns/filings/{filingId}/check", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Computes the filed return again: REPRODUCED, or RESTATED with the figures later events changed")
    public ReturnFilings.Check check(@Parameter(description = "The filing id the filing answered") @PathVariable String filingId) {
        return filings.check(filingId);
    }

    @ExceptionHandler(ReturnRefused.class)
    ResponseEntity<ProblemDetail> refused(ReturnRefused refused) {
        return Problems.respond(Problems.problem(refused.status(), refused.code(), "The return cannot be given",
                refused.getMessage()));
    }

    private Object answer(String regime, LocalDate from, LocalDate to, Long asOfPosition, String drill) {
        RegulatoryReturns.Computed computed = compute(regime, from, to, asOfPosition);
        if (drill == null) {
            return computed.document();
        }
        ReturnDocument document = computed.document();
        requireKnownFigure(regime, document, drill);
        Collection<String> figure = computed.drill().get(drill);
        SortedSet<String> ids = figure == null ? new TreeSet<>() : new TreeSet<>(figure);
        return new Drill(regime, document.from(), document.to(), document.zone(), document.asOfPosition(),
                document.asOf(), document.versions(), drill, ids.size(), List.copyOf(ids));
    }

    private static void requireKnownFigure(String regime, ReturnDocument document, String drill) {
        boolean known = switch (regime) {
            case FcaDisp1.REGIME -> fcaKeys((FcaDisp1.Figures) document.figures()).contains(drill);
            case Cfpb.REGIME -> "complaints".equals(drill);
            default -> drill.matches("[^.]+\\.[^.]+\\.[^.]+\\.[^.]+\\.(complaints|mergedDuplicates)");
        };
        if (!known) {
            throw new InvalidValueException("drill", "names no figure of the " + regime + " return: "
                    + (drill.length() > 64 ? drill.substring(0, 64) : drill));
        }
    }

    private static java.util.Set<String> fcaKeys(FcaDisp1.Figures figures) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String figure : List.of(FcaDisp1.OUTSTANDING_AT_START, FcaDisp1.OPENED, FcaDisp1.CLOSED, FcaDisp1.UPHELD)) {
            keys.add("header." + figure);
        }
        for (FcaDisp1.Row row : figures.rows()) {
            for (String figure : List.of(FcaDisp1.OPENED, FcaDisp1.CLOSED_WITHIN_3_BUSINESS_DAYS, FcaDisp1.CLOSED_WITHIN_8_WEEKS,
                    FcaDisp1.CLOSED_AFTER_8_WEEKS, FcaDisp1.UPHELD, FcaDisp1.REDRESS_PAID)) {
                keys.add(row.grouping() + "." + row.cause() + "." + figure);
            }
        }
        return keys;
    }

    private RegulatoryReturns.Computed compute(String regime, LocalDate from, LocalDate to, Long asOfPosition) {
        Period period = returns.period(from, to);
        return returns.compute(regime, period, returns.position(asOfPosition));
    }

    private static List<Object> withAsOf(RegulatoryReturns.Computed computed, Object... fields) {
        List<Object> row = new ArrayList<>(java.util.Arrays.asList(fields));
        row.add(computed.document().asOf());
        row.add(computed.document().asOfPosition());
        row.add(computed.document().versions().get("mappings"));
        return row;
    }

    private static String money(Map<String, BigDecimal> sums) {
        return sums.entrySet().stream().map(sum -> sum.getKey() + " " + sum.getValue().toPlainString())
                .collect(Collectors.joining("; "));
    }

    private static ResponseEntity<String> csv(String name, RegulatoryReturns.Computed computed, List<List<?>> rows) {
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out);
        try {
            for (List<?> row : rows) {
                writer.row(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReturnDocument document = computed.document();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-" + document.from() + "-"
                        + document.to() + ".csv\"")
                .body(out.toString());
    }

    /** A filing request: the period (days of the reporting zone, both included) and a staff note (no personal data). */
    record FilingBody(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 4000) String note) {
    }

    /** The filing as recorded, without the return itself ({@code GET /api/returns/filings/{filingId}}). */
    record FilingAnswer(String filingId, String regime, LocalDate from, LocalDate to, String zone, long asOfPosition,
                        Instant asOf, Map<String, String> versions, List<ReturnFiled.CheckpointRoot> checkpointRoots,
                        String resultSha256, Instant filedAt) {

        static FilingAnswer of(ReturnFiled filed) {
            return new FilingAnswer(filed.filingId(), filed.regime(), filed.from(), filed.to(), filed.zone(),
                    filed.asOfPosition(), filed.asOf(), filed.versions(), filed.checkpointRoots(), filed.resultSha256(),
                    filed.filedAt());
        }
    }

    /** The case ids behind one figure. */
    record Drill(String regime, LocalDate from, LocalDate to, String zone, long asOfPosition, Instant asOf,
                 Map<String, String> versions, String drill, int count, List<String> caseIds) {
    }
}
