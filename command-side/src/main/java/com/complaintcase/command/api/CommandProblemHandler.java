package com.complaintcase.command.api;

import com.complaintcase.command.complaint.ActionNotPermitted;
import com.complaintcase.command.complaint.ComplaintRefused;
import com.complaintcase.command.complaint.StateConflict;
import com.complaintcase.platform.problem.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The command side's refusals as problem details: 403 role, 404 unknown case, 409 state, 412 stale version, 422 rule. */
@RestControllerAdvice(assignableTypes = {ComplaintCommandController.class, CustomerPrivacyController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblemHandler {

    @ExceptionHandler(ComplaintRefused.class)
    ResponseEntity<ProblemDetail> refused(ComplaintRefused refusal) {
        HttpStatus status;
        String title;
        if (refusal instanceof ActionNotPermitted) {
            status = HttpStatus.FORBIDDEN;
            title = "Not allowed";
        } else if (refusal instanceof StateConflict) {
            status = HttpStatus.CONFLICT;
            title = "The case's state does not allow this";
        } else {
            status = HttpStatus.UNPROCESSABLE_CONTENT;
            title = "A business rule refused this";
        }
        return Problems.respond(Problems.problem(status, refusal.code().name(), title, refusal.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownCase(AggregateNotFoundException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "COMPLAINT_NOT_FOUND", "Unknown case",
                "no complaint with id " + e.getAggregateIdentifier()));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.PRECONDITION_FAILED, "VERSION_MISMATCH",
                "The case has moved on",
                "expected version " + e.getExpectedVersion() + " but the case is at version " + e.getActualVersion());
        problem.setProperty("currentVersion", e.getActualVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .eTag("\"" + e.getActualVersion() + "\"")
                .body(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException e) {
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "The case changed at the same moment", "another command changed the case concurrently; retry"));
    }

    @ExceptionHandler(UnknownHandler.class)
    ResponseEntity<ProblemDetail> unknownHandler(UnknownHandler e) {
        return Problems.respond(Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_HANDLER",
                "A business rule refused this", e.getMessage()));
    }
}
