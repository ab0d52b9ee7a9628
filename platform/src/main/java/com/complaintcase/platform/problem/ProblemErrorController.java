package com.complaintcase.platform.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring's error page ({@code /error}, where the container forwards a {@code sendError}: a refused method, a path
 * Spring Security's firewall rejects, a failure outside the controllers) as a problem with its stable code instead of
 * Spring Boot's own error body. The request's path is not echoed. Not part of the API description: no client calls it.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        RefusalsByStatus refusal = RefusalsByStatus.of(status instanceof Integer code ? code : 500);
        return Problems.respond(Problems.problem(refusal.httpStatus(), refusal.code(), refusal.title(), refusal.detail()));
    }
}
