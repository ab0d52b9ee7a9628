package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks an answer is an RFC 9457 problem with the contract's fields and stable code. */
final class ProblemAssertions {

    private final ApiReply reply;
    private final JsonNode problem;

    private ProblemAssertions(ApiReply reply) {
        this.reply = reply;
        this.problem = reply.json();
    }

    static ProblemAssertions assertProblem(ApiReply reply, int status, String code) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as("Content-Type of %s", reply).startsWith("application/problem+json");
        ProblemAssertions assertions = new ProblemAssertions(reply);
        JsonNode problem = assertions.problem;
        assertThat(problem.path("code").asText()).as("code of %s", reply).isEqualTo(code);
        assertThat(problem.path("status").asInt()).as("status field of %s", reply).isEqualTo(status);
        assertThat(problem.path("type").asText()).as("type of %s", reply)
                .isEqualTo("urn:complaintcase:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        assertThat(problem.path("title").asText()).as("title of %s", reply).isNotBlank();
        assertThat(problem.path("detail").asText()).as("detail of %s", reply).isNotBlank();
        return assertions;
    }

    static ProblemAssertions assertInvalid(ApiReply reply, String... fields) {
        ProblemAssertions assertions = assertProblem(reply, 400, "VALIDATION_FAILED");
        return assertions.withErrorsOn(fields);
    }

    ProblemAssertions withErrorsOn(String... fields) {
        assertThat(problem.path("errors").isArray()).as("errors[] of %s", reply).isTrue();
        assertThat(errorFields()).as("errors[].field of %s", reply).contains(fields);
        problem.path("errors").forEach(error ->
                assertThat(error.path("message").asText()).as("errors[].message of %s", reply).isNotBlank());
        return this;
    }

    ProblemAssertions withDetailContaining(String text) {
        assertThat(problem.path("detail").asText()).as("detail of %s", reply).contains(text);
        return this;
    }

    JsonNode problem() {
        return problem;
    }

    private List<String> errorFields() {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
