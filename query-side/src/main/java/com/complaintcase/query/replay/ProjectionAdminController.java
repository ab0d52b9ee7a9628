package com.complaintcase.query.replay;

import com.complaintcase.platform.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Projection administration for compliance officers and supervisors: rebuild one, watch its progress. */
@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Projection administration", description = "Rebuild a projection from the event store")
public class ProjectionAdminController {

    private final ProjectionReplays replays;

    public ProjectionAdminController(ProjectionReplays replays) {
        this.replays = replays;
    }

    @GetMapping
    @Operation(summary = "Every projection and where it stands")
    public List<ReplayProgress> all() {
        return replays.projections().stream().map(replays::progress).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "Where one projection stands: processed / total, rate, state")
    public ReplayProgress one(@PathVariable String name) {
        return replays.progress(name);
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Wipe the projection and rebuild it from the whole event store; answers at once, poll for progress")
    public ResponseEntity<ReplayProgress> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replays.replay(name));
    }

    @ExceptionHandler(ReplayRefused.class)
    ResponseEntity<ProblemDetail> refused(ReplayRefused refused) {
        HttpStatus status = refused.code().equals("UNKNOWN_PROJECTION") ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        return Problems.respond(Problems.problem(status, refused.code(), "Replay refused", refused.getMessage()));
    }
}
