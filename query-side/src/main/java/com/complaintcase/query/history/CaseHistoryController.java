package com.complaintcase.query.history;

import com.complaintcase.platform.problem.Problems;
import com.complaintcase.query.web.Answers;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** {@code GET /api/cases/{id}/history}: the audit trail. Roles without personal-data rights are refused. */
@RestController
@Tag(name = "Case history", description = "Every event of a case, from the event store")
public class CaseHistoryController {

    private final QueryGateway queries;

    public CaseHistoryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/cases/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every event of the case in order, with who did it, when, and the correlation and causation ids")
    public ResponseEntity<?> history(@PathVariable ComplaintId id, Actor actor) {
        Optional<CaseHistory> history = Answers.await(queries.query(new CaseHistory.Find(id.value(), actor),
                ResponseTypes.optionalInstanceOf(CaseHistory.class)));
        if (history.isEmpty()) {
            return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "COMPLAINT_NOT_FOUND", "Unknown case",
                    "no complaint with id " + id));
        }
        List<CaseHistory.Entry> events = history.get().events();
        return ResponseEntity.ok().eTag("\"" + events.get(events.size() - 1).sequence() + "\"").body(events);
    }
}
