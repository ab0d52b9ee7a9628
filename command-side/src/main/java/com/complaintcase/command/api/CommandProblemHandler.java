package com.complaintcase.command.api;

import com.complaintcase.command.complaint.ActionNotPermitted;
import com.complaintcase.command.complaint.BusinessRuleViolation;
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

import java.util.Map;

/** The command side's refusals as problem details: 403 role, 404 unknown case, 409 state, 412 stale version, 422 rule. */
@RestControllerAdvice(basePackages = "com.complaintcase.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblemHandler {

    /** The status each kind of refusal is answered with. */
    static final Map<Class<? extends ComplaintRefused>, HttpStatus> STATUS_OF_REFUSAL = Map.of(
            ActionNotPermitted.class, HttpStatus.FORBIDDEN,
            StateConflict.class, HttpStatus.CONFLICT,
            BusinessRuleViolation.class, HttpStatus.UNPROCESSABLE_CONTENT);
    static final String UNKNOWN_CASE = "COMPLAINT_NOT_FOUND";

    @ExceptionHandler(ComplaintRefused.class)
    ResponseEntity<ProblemDetail> refused(ComplaintRefused refusal) {
        HttpStatus status = STATUS_OF_REFUSAL.get(refusal.getClass());
        String title;
        if (refusal instanceof ActionNotPermitted) {
            title = "Not allowed";
        } else if (refusal instanceof StateConflict) {
            title = "The case's state does not allow this";
        } else {
            title = "A business rule refused this";
        }
        return Problems.respond(Problems.problem(status, refusal.code().name(), title, refusal.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownCase(AggregateNotFoundException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, UNKNOWN_CASE, "Unknown case",
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

    @ExceptionHandler(UnknownProduct.class)
    ResponseEntity<ProblemDetail> unknownProduct(UnknownProduct e) {
        return Problems.respond(Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_PRODUCT",
                "A business rule refused this", e.getMessage()));
    }
}
