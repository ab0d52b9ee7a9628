package com.complaintcase.query.cases;

import com.complaintcase.platform.edge.HttpEdgeProperties;
import com.complaintcase.platform.problem.ProblemResponses;
import com.complaintcase.platform.problem.Problems;
import com.complaintcase.query.web.Answers;
import com.complaintcase.query.web.CsvWriter;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** The contract's case queries: one case (now or as of an instant), open and overdue lists, CSV, live changes. */
@RestController
@EnableConfigurationProperties(PageLimits.class)
@RequestMapping(path = "/api/cases")
@Tag(name = "Cases", description = "Case views, open and overdue lists, live updates")
public class CaseController {

    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private static final int EXPORT_PAGE = 500;

    private final QueryGateway queries;
    private final PageLimits limits;
    private final CaseStreams streams;
    private final ProblemResponses problems;
    private final HttpEdgeProperties edge;

    public CaseController(QueryGateway queries, PageLimits limits, CaseStreams streams, ProblemResponses problems,
                          HttpEdgeProperties edge) {
        this.queries = queries;
        this.limits = limits;
        this.streams = streams;
        this.problems = problems;
        this.edge = edge;
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The case now, or as it stood at asOf (rebuilt from the events recorded up to then)")
    public ResponseEntity<?> find(@PathVariable ComplaintId id,
                                  @RequestParam(required = false) Instant asOf,
                                  @RequestParam(required = false) Long minVersion,
                                  Actor actor) {
        Optional<CaseView> view = Answers.await(queries.query(new CaseQueries.FindCase(id.value(), asOf, minVersion, actor),
                ResponseTypes.optionalInstanceOf(CaseView.class)));
        if (view.isEmpty()) {
            String detail = asOf == null ? "no complaint with id " + id : "complaint " + id + " did not exist at " + asOf;
            return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "COMPLAINT_NOT_FOUND", "Unknown case", detail));
        }
        return ResponseEntity.ok().eTag("\"" + view.get().version() + "\"").body(view.get());
    }

    @GetMapping(path = "/open", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open cases (any status but CLOSED, NOT_A_COMPLAINT, WITHDRAWN), filtered and paged")
    public OpenCases open(@ParameterObject CaseFilterParameters filters,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @RequestParam(required = false) String sort) {
        return openPage(filters.filter(),
                PageSpec.parse(page, size, sort, "receivedAt", false, limits));
    }

    @GetMapping(path = "/overdue", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open cases with at least one limit passed while its step is not done; most overdue first")
    public OverdueCases overdue(@ParameterObject CaseFilterParameters filters,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size,
                                         @RequestParam(required = false) String sort) {
        return overduePage(filters.filter(),
                PageSpec.parse(page, size, sort, "receivedAt", true, limits));
    }

    @GetMapping(path = "/open.csv", produces = "text/csv")
    @Operation(summary = "All open cases matching the filters, as CSV")
    public ResponseEntity<StreamingResponseBody> openCsv(@ParameterObject CaseFilterParameters filters) {
        CaseFilter filter = filters.filter();
        return csv("open-cases.csv", ITEM_HEADER, pageNumber -> openPage(filter, exportPage(pageNumber)),
                CaseController::itemFields);
    }

    @GetMapping(path = "/overdue.csv", produces = "text/csv")
    @Operation(summary = "All overdue cases matching the filters, as CSV")
    public ResponseEntity<StreamingResponseBody> overdueCsv(@ParameterObject CaseFilterParameters filters) {
        CaseFilter filter = filters.filter();
        List<String> header = new java.util.ArrayList<>(ITEM_HEADER);
        header.addAll(List.of("deadline", "dueAt", "overdueBy", "overdueDeadlines"));
        return csv("overdue-cases.csv", header, pageNumber -> overduePage(filter, exportPage(pageNumber)), overdue -> {
            List<Object> fields = new java.util.ArrayList<>(itemFields(overdue.item()));
            fields.addAll(List.of(overdue.deadline(), overdue.dueAt(), overdue.overdueBy(),
                    String.join(" ", overdue.overdueDeadlines())));
            return fields;
        });
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-Sent Events: open-count first, then case-changed for every change of a matching case; "
            + "a comment line as heartbeat; 503 TOO_MANY_STREAMS when the server holds as many streams as it allows")
    public SseEmitter stream(@ParameterObject CaseFilterParameters filters, HttpServletResponse response)
            throws IOException {
        CaseFilter filter = filters.filter();
        AtomicReference<SubscriptionQueryResult<Long, CaseQueries.CaseChanged>> subscribed = new AtomicReference<>();
        Optional<SseEmitter> opened = streams.open(STREAM_TIMEOUT, () -> {
            SubscriptionQueryResult<?, ?> subscription = subscribed.get();
            if (subscription != null) {
                subscription.cancel();
            }
        });
        if (opened.isEmpty()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, edge.retryAfterSeconds());
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "TOO_MANY_STREAMS", "Too many live streams",
                    "the server holds as many live streams as it allows; try again later");
            return null;
        }
        SseEmitter emitter = opened.get();
        SubscriptionQueryResult<Long, CaseQueries.CaseChanged> subscription = queries.subscriptionQuery(
                new CaseQueries.WatchCases(filter), ResponseTypes.instanceOf(Long.class),
                ResponseTypes.instanceOf(CaseQueries.CaseChanged.class));
        subscribed.set(subscription);
        if (!streams.isOpen(emitter)) {
            subscription.cancel();
        }
        subscription.initialResult().subscribe(
                count -> streams.send(emitter, event("open-count", Map.of("openCases", count))),
                error -> streams.gone(emitter, error));
        subscription.updates().subscribe(
                change -> streams.send(emitter, event("case-changed", change)),
                error -> streams.gone(emitter, error),
                emitter::complete);
        return emitter;
    }

    private static SseEmitter.SseEventBuilder event(String name, Object data) {
        return SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON);
    }

    private OpenCases openPage(CaseFilter filter, PageSpec page) {
        return Answers.await(queries.query(new CaseQueries.FindOpenCases(filter, page),
                ResponseTypes.instanceOf(OpenCases.class)));
    }

    private OverdueCases overduePage(CaseFilter filter, PageSpec page) {
        return Answers.await(queries.query(new CaseQueries.FindOverdueCases(filter, page),
                ResponseTypes.instanceOf(OverdueCases.class)));
    }

    private static PageSpec exportPage(int pageNumber) {
        return new PageSpec(pageNumber, EXPORT_PAGE, "receivedAt", true);
    }

    private static final List<String> ITEM_HEADER = List.of("complaintId", "status", "level", "category", "subcategory",
            "rootIssue", "channel", "branchCode", "handlerId", "receivedAt", "registeredAt", "lastChangedAt",
            "mediaThreat", "vulnerableCustomer", "skippedLevel", "incidentCode", "lateEntry", "version");

    private static List<Object> itemFields(CaseListItem item) {
        return List.of(item.complaintId(), item.status(), item.level(), item.category(), item.subcategory(),
                item.rootIssue(), item.channel(), item.branchCode(), nullToEmpty(item.handlerId()), item.receivedAt(),
                item.registeredAt(), item.lastChangedAt(), item.flags().mediaThreat(), item.flags().vulnerableCustomer(),
                item.flags().skippedLevel(), nullToEmpty(item.flags().incidentCode()), item.flags().lateEntry(),
                item.version());
    }

    private static <T> ResponseEntity<StreamingResponseBody> csv(String filename, List<String> header,
                                                                Function<Integer, ? extends CasePage<T>> pages,
                                                                Function<T, List<Object>> fields) {
        StreamingResponseBody body = output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            CsvWriter csv = new CsvWriter(writer);
            csv.row(header);
            int pageNumber = 0;
            CasePage<T> page;
            do {
                page = pages.apply(pageNumber++);
                for (T item : page.items()) {
                    csv.row(fields.apply(item));
                }
            } while (!page.items().isEmpty() && (pageNumber < page.totalPages() || page.items().size() == page.size()));
            writer.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    private static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }
}
