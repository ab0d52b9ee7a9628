package com.complaintcase.platform.problem;

import com.complaintcase.values.Excerpt;
import com.complaintcase.values.InvalidValueException;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What is wrong with a request, as problem details: never a 500 for the caller's mistake. Side-specific
 * refusals (a closed case, four eyes) are answered by handlers of higher precedence on each side.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final Set<String> UNAVAILABLE_MESSAGING = Set.of(
            "org.axonframework.axonserver.connector.AxonServerException",
            "org.axonframework.commandhandling.NoHandlerForCommandException",
            "org.axonframework.queryhandling.NoHandlerForQueryException");

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return Problems.respond(Problems.invalid(describe(errors), errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return Problems.respond(Problems.invalid(describe(errors), errors));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Problems.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problems.FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
        return Problems.respond(Problems.invalid(describe(errors), errors));
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ProblemDetail> invalidValue(InvalidValueException e) {
        List<Problems.FieldError> errors = List.of(new Problems.FieldError(e.field(), e.reason()));
        return Problems.respond(Problems.invalid(e.getMessage(), errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        RequestBodyGuard.TooLarge tooLarge = causeOfType(e, RequestBodyGuard.TooLarge.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        RequestBodyGuard.NotUtf8 notUtf8 = causeOfType(e, RequestBodyGuard.NotUtf8.class);
        if (notUtf8 != null) {
            return notUtf8(notUtf8);
        }
        InvalidValueException invalidValue = causeOfType(e, InvalidValueException.class);
        if (invalidValue != null) {
            return invalidValue(invalidValue);
        }
        String field = JsonErrorPaths.fieldOf(e);
        if (field != null) {
            List<Problems.FieldError> errors = List.of(new Problems.FieldError(field, JsonErrorPaths.reasonOf(e)));
            return Problems.respond(Problems.invalid(field + ": " + JsonErrorPaths.reasonOf(e), errors));
        }
        return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request",
                "the request body is missing or is not valid JSON"));
    }

    /** A body without a length that went past the limit while it was read. */
    @ExceptionHandler(RequestBodyGuard.TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyGuard.TooLarge e) {
        RefusalsByStatus refusal = RefusalsByStatus.PAYLOAD_TOO_LARGE;
        return Problems.respond(Problems.problem(refusal.httpStatus(), refusal.code(), refusal.title(), e.getMessage()));
    }

    @ExceptionHandler(RequestBodyGuard.NotUtf8.class)
    ResponseEntity<ProblemDetail> notUtf8(RequestBodyGuard.NotUtf8 e) {
        return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request",
                e.getMessage()));
    }

    /** A query parameter whose percent-encoding is not UTF-8: the container refuses to decode it. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException e) {
        return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request",
                "a query parameter is not percent-encoded UTF-8"));
    }

    /** No endpoint takes uploads; a multipart body is refused as the media type it is, whether it parses or not. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return unsupportedMediaType(null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        InvalidValueException invalidValue = causeOfType(e, InvalidValueException.class);
        String message = invalidValue != null ? invalidValue.reason() : "has an invalid value '" + Excerpt.of(e.getValue()) + "'";
        List<Problems.FieldError> errors = List.of(new Problems.FieldError(e.getName(), message));
        return Problems.respond(Problems.invalid(e.getName() + " " + message, errors));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        List<Problems.FieldError> errors = List.of(new Problems.FieldError(e.getParameterName(), "is required"));
        return Problems.respond(Problems.invalid(e.getParameterName() + " is required", errors));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        List<Problems.FieldError> errors = List.of(new Problems.FieldError(e.getHeaderName(), "is required"));
        return Problems.respond(Problems.invalid(e.getHeaderName() + " header is required", errors));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().equals("Access Denied")
                ? "your role may not do this" : e.getMessage();
        return Problems.respond(Problems.problem(HttpStatus.FORBIDDEN, "ROLE_NOT_ALLOWED", "Not allowed for this role",
                detail));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource",
                "nothing is served at " + Excerpt.of(e.getResourcePath())));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return Problems.respond(Problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                "Method not allowed", e.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.respond(Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "Unsupported media type", "send application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                "Not acceptable", "this resource is served as application/json"));
    }

    /** The client closed the connection (e.g. left a live stream): there is no one to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("Client went away: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (messagingUnavailable(e)) {
            log.warn("Command or query could not be routed: {}", e.toString());
            ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                    "Service unavailable", "the request could not reach the service that handles it; nothing was "
                            + "changed by it: try again shortly");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        log.error("Unexpected failure while serving a request", e);
        return Problems.respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Internal error", "the request could not be completed; nothing was changed by it"));
    }

    /**
     * The message bus could not deliver: Axon Server unreachable, or no instance of the other side connected to
     * handle the command or query. Named by class, since the Axon Server connector is absent in standalone mode.
     */
    static boolean messagingUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (UNAVAILABLE_MESSAGING.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(List<Problems.FieldError> errors) {
        List<String> parts = new ArrayList<>();
        errors.forEach(error -> parts.add(error.field() + " " + error.message()));
        return parts.isEmpty() ? "the request is invalid" : String.join("; ", parts);
    }

    static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
