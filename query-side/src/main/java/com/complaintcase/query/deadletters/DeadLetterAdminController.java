package com.complaintcase.query.deadletters;

import com.complaintcase.platform.problem.Problems;
import com.complaintcase.values.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The events a projection parked, for compliance officers and supervisors: list them, retry them once the cause is
 * fixed, or evict a sequence with a reason. The sequence id of a case's events is the case id.
 */
@RestController
@RequestMapping(path = "/api/admin/projections/{name}/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Projection administration", description = "Rebuild a projection from the event store")
public class DeadLetterAdminController {

    /** Why a parked sequence is given up: recorded with who gave it up. */
    public record EvictionRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final DeadLetters deadLetters;

    public DeadLetterAdminController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "The events the projection parked after a failure, per sequence (case) in order")
    public DeadLetterList list(@PathVariable String name) {
        return deadLetters.list(name);
    }

    @PostMapping("/retry")
    @Operation(summary = "Retry every parked sequence once; one that fails again stays parked")
    public RetryOutcome retryAll(@PathVariable String name) {
        return deadLetters.retryAll(name);
    }

    @PostMapping("/{sequenceId}/retry")
    @Operation(summary = "Retry one parked sequence (a case's events) from its failing event on")
    public RetryOutcome retry(@PathVariable String name, @PathVariable String sequenceId) {
        return deadLetters.retry(name, sequenceId);
    }

    @PostMapping(path = "/{sequenceId}/eviction", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Give up a parked sequence: its events are never applied (until a replay); the reason, "
            + "who and when are recorded")
    public EvictionView evict(@PathVariable String name, @PathVariable String sequenceId,
                              @Valid @RequestBody EvictionRequest request, Actor actor) {
        return deadLetters.evict(name, sequenceId, request.reason(), actor);
    }

    @GetMapping("/evictions")
    @Operation(summary = "The recorded evictions of the projection, the latest first")
    public List<EvictionView> evictions(@PathVariable String name) {
        return deadLetters.evictions(name);
    }

    @ExceptionHandler(DeadLetterRefused.class)
    ResponseEntity<ProblemDetail> refused(DeadLetterRefused refused) {
        return Problems.respond(Problems.problem(refused.status(), refused.code(), "Dead letters", refused.getMessage()));
    }
}
