package com.complaintcase.platform.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * RFC 9457 problem details with the contract's stable {@code code} (and {@code errors} for invalid
 * fields). The {@code type} is derived from the code so that both say the same thing.
 */
public final class Problems {

    public record FieldError(String field, String message) {
    }

    private Problems() {
    }

    public static URI typeOf(String code) {
        return URI.create("urn:complaintcase:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        problem.setType(typeOf(code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
