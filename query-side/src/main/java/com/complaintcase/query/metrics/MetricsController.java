package com.complaintcase.query.metrics;

import com.complaintcase.query.web.Answers;
import com.complaintcase.values.InvalidValueException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Analytics: satisfaction, handling time, volume. Periods are [from, to); groupBy is optional. */
@RestController
@RequestMapping(path = "/api/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Metrics", description = "Satisfaction, handling time and volume, without personal data")
public class MetricsController {

    private final QueryGateway queries;

    public MetricsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/satisfaction")
    @Operation(summary = "Satisfaction rate (score 4 or 5 of all answers) overall and by month, category, rootIssue, branchCode, channel, handlerId or level")
    public MetricsQueries.SatisfactionReport satisfaction(@RequestParam(required = false) Instant from,
                                                          @RequestParam(required = false) Instant to,
                                                          @RequestParam(required = false) String groupBy) {
        return Answers.await(queries.query(new MetricsQueries.Satisfaction(period(from, to), dimension(groupBy)),
                ResponseTypes.instanceOf(MetricsQueries.SatisfactionReport.class)));
    }

    @GetMapping("/handling-time")
    @Operation(summary = "Handling time from registration to resolution: average and percentiles, optionally grouped")
    public MetricsQueries.HandlingTimeReport handlingTime(@RequestParam(required = false) Instant from,
                                                          @RequestParam(required = false) Instant to,
                                                          @RequestParam(required = false) String groupBy) {
        return Answers.await(queries.query(new MetricsQueries.HandlingTime(period(from, to), dimension(groupBy)),
                ResponseTypes.instanceOf(MetricsQueries.HandlingTimeReport.class)));
    }

    @GetMapping("/volume")
    @Operation(summary = "Complaints registered, optionally grouped by category, subcategory, rootIssue, branchCode, channel, month or quarter")
    public MetricsQueries.VolumeReport volume(@RequestParam(required = false) Instant from,
                                              @RequestParam(required = false) Instant to,
                                              @RequestParam(required = false) String groupBy) {
        return Answers.await(queries.query(new MetricsQueries.Volume(period(from, to), dimension(groupBy)),
                ResponseTypes.instanceOf(MetricsQueries.VolumeReport.class)));
    }

    private static MetricsQueries.Period period(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidValueException("from", "must be before to");
        }
        return new MetricsQueries.Period(from, to);
    }

    private static Dimension dimension(String groupBy) {
        return groupBy == null || groupBy.isBlank() ? null : Dimension.parse(groupBy.trim());
    }
}
