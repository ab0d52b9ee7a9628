package com.complaintcase.query.integrity;

import com.complaintcase.integrity.CaseBundle;
import com.complaintcase.platform.integrity.BrokenHistories;
import com.complaintcase.platform.problem.Problems;
import com.complaintcase.query.web.Answers;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Tamper evidence of case histories (docs/adr/0010): {@code GET /api/cases/{id}/verification} recomputes a case's
 * hash chain from the event store; {@code GET /api/cases/{id}/export} and {@code GET /api/exports/cases} hand a
 * regulator self-contained bundles that the offline verifier checks.
 */
@RestController
@EnableConfigurationProperties(ExportLimits.class)
@Tag(name = "Case integrity", description = "Hash-chain verification and regulator exports")
public class IntegrityController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final QueryGateway queries;
    private final CaseIntegrity integrity;
    private final ExportLimits limits;
    private final BrokenHistories brokenHistories;

    public IntegrityController(QueryGateway queries, CaseIntegrity integrity, ExportLimits limits,
                               BrokenHistories brokenHistories) {
        this.queries = queries;
        this.integrity = integrity;
        this.limits = limits;
        this.brokenHistories = brokenHistories;
    }

    /** The cases listed as broken, the latest found first. */
    public record BrokenCases(int total, List<BrokenHistories.BrokenCase> cases) {
    }

    @GetMapping(path = "/api/admin/integrity/broken-cases", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The cases whose hash chain was found broken (by a refused command or a verification), "
            + "where and how; such a case accepts no command")
    public BrokenCases brokenCases() {
        List<BrokenHistories.BrokenCase> cases = brokenHistories.list();
        return new BrokenCases(cases.size(), cases);
    }

    @GetMapping(path = "/api/cases/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recompute the case's hash chain from the event store: VALID, or where and how it breaks")
    public CaseVerification verification(@PathVariable ComplaintId id) {
        Optional<CaseVerification> verification = Answers.await(queries.query(new CaseVerification.Check(id.value()),
                ResponseTypes.optionalInstanceOf(CaseVerification.class)));
        return verification.orElseThrow(() -> ExportRefused.unknownCase(id.value()));
    }

    @GetMapping(path = "/api/cases/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The case as a self-contained bundle for a regulator: events with their stored payloads and "
            + "hashes, the policy pack applied, the checkpoints covering it with Merkle proofs")
    public ResponseEntity<StreamingResponseBody> export(@PathVariable ComplaintId id, Actor actor) {
        CaseBundle bundle = Answers.await(queries.query(new CaseIntegrity.Export(id.value(), actor),
                        ResponseTypes.optionalInstanceOf(CaseBundle.class)))
                .orElseThrow(() -> ExportRefused.unknownCase(id.value()));
        StreamingResponseBody body = out -> CaseIntegrity.JSON.writeValue(out, bundle);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-" + id.value() + ".json\"")
                .body(body);
    }

    @GetMapping(path = "/api/exports/cases")
    @Operation(summary = "The bundles of all cases registered from one day to another (UTC, both included), "
            + "one JSON bundle a line, streamed")
    public ResponseEntity<StreamingResponseBody> exportRange(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         Actor actor) {
        limits.check(from, to);
        if (from.isAfter(to)) {
            throw new ExportRefused(HttpStatus.BAD_REQUEST, "INVALID_DATE_RANGE", "Invalid date range",
                    "from " + from + " is after to " + to);
        }
        StreamingResponseBody body = out -> integrity.exportRegistered(from, to, actor, out);
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases-" + from + "-" + to + ".ndjson\"")
                .body(body);
    }

    @ExceptionHandler(ExportRefused.class)
    ResponseEntity<ProblemDetail> refused(ExportRefused refused) {
        return Problems.respond(Problems.problem(refused.status(), refused.code(), refused.title(), refused.getMessage()));
    }
}
