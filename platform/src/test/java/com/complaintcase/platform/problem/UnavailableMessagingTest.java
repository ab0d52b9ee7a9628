package com.complaintcase.platform.problem;

import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class UnavailableMessagingTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void a_command_or_query_that_cannot_reach_its_handler_is_503_with_a_retry_hint() {
        for (Exception unreachable : new Exception[]{
                new AxonServerException("AXONIQ-4003", "no connection to Axon Server"),
                new NoHandlerForCommandException("no handler for RegisterComplaint"),
                new CompletionException(new NoHandlerForQueryException("no handler for Find"))}) {
            ResponseEntity<ProblemDetail> answer = handler.unexpected(unreachable);

            assertThat(answer.getStatusCode().value()).as("%s", unreachable).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(answer.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
        }
    }

    @Test
    void any_other_unexpected_failure_stays_an_internal_error() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalStateException("a bug"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
    }
}
