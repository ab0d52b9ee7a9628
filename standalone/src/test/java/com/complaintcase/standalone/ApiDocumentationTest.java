package com.complaintcase.standalone;

import com.complaintcase.command.complaint.RefusalCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description is served without credentials, documents every command path of the contract, and every
 * refusal each operation can give, as problem details with their codes.
 */
class ApiDocumentationTest {

    /** The contract's lifecycle actions, {@code POST /api/complaints/{id}/<action>}. */
    private static final List<String> CONTRACT_ACTIONS = List.of(
            "review", "assign", "transfer", "contacts", "evidence", "findings", "resolution",
            "compensation-approval", "customer-response", "feedback", "close", "reopen", "withdraw",
            "escalate", "deadline-extension");

    @TempDir
    static Path dataDir;

    private static RunningApplication app;

    @BeforeAll
    static void startTheApplication() {
        app = RunningApplication.start(dataDir);
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    /** The command endpoints' HTTP contract, byte for byte: see {@link RecordedCommandAnswers}. */
    @Test
    void every_command_endpoint_answers_as_recorded() throws java.io.IOException {
        RecordedCommandAnswers.check(app.api());
    }

    @Test
    void the_openapi_description_is_served_without_credentials_and_names_every_command_path_of_the_contract() {
        ApiReply reply = app.api().anonymous().get("/v3/api-docs");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode paths = reply.json().path("paths");
        List<String> expected = new ArrayList<>();
        expected.add("/api/complaints");
        CONTRACT_ACTIONS.forEach(action -> expected.add("/api/complaints/{id}/" + action));
        for (String path : expected) {
            assertThat(paths.has(path)).as("documented path %s among %s", path, fieldNames(paths)).isTrue();
            assertThat(paths.path(path).has("post")).as("POST %s documented", path).isTrue();
        }
    }

    @Test
    void the_openapi_description_also_documents_the_compensation_payment_extension_and_basic_authentication() {
        JsonNode docs = app.api().anonymous().get("/v3/api-docs").json();

        assertThat(docs.path("paths").path("/api/complaints/{id}/compensation-payment").has("post")).isTrue();
        assertThat(docs.path("components").path("securitySchemes").path("basic").path("scheme").asText()).isEqualTo("basic");
    }

    /** The refusals every operation can give, by status; with a body also 413 and 415. */
    private static final Map<String, List<String>> COMMON = Map.of(
            "400", List.of("MALFORMED_REQUEST", "MALFORMED_PATH", "VALIDATION_FAILED"),
            "401", List.of("UNAUTHENTICATED"),
            "403", List.of("ROLE_NOT_ALLOWED", "NO_ACTING_ROLE"),
            "405", List.of("METHOD_NOT_ALLOWED"),
            "406", List.of("NOT_ACCEPTABLE"),
            "503", List.of("SERVICE_UNAVAILABLE", "SERVER_BUSY"));
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Test
    void every_operation_documents_its_common_refusals_as_problem_details_with_the_problem_schema() {
        JsonNode docs = app.api().anonymous().get("/v3/api-docs").json();

        JsonNode problem = docs.path("components").path("schemas").path("Problem");
        assertThat(fieldNames(problem.path("properties")))
                .contains("type", "title", "status", "detail", "instance", "code", "errors");
        assertThat(fieldNames(problem.path("properties").path("errors").path("items").path("properties")))
                .containsExactly("field", "message");
        int operations = 0;
        for (String path : fieldNames(docs.path("paths"))) {
            for (String method : METHODS) {
                JsonNode operation = docs.path("paths").path(path).path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                operations++;
                String name = method.toUpperCase() + " " + path;
                COMMON.forEach((status, codes) -> assertThat(codes(operation, status)).as("%s %s", name, status)
                        .containsAll(codes));
                if (operation.has("requestBody")) {
                    assertThat(codes(operation, "413")).as(name).contains("REQUEST_TOO_LARGE");
                    assertThat(codes(operation, "415")).as(name).contains("UNSUPPORTED_MEDIA_TYPE");
                }
                operation.path("responses").fields().forEachRemaining(response -> {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        JsonNode content = response.getValue().path("content");
                        assertThat(fieldNames(content)).as("%s %s", name, response.getKey())
                                .containsExactly("application/problem+json");
                        JsonNode media = content.path("application/problem+json");
                        assertThat(media.path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/Problem");
                        List<String> codes = codes(operation, response.getKey());
                        assertThat(fieldNames(media.path("examples"))).as("an example per code").isEqualTo(codes);
                        codes.forEach(code -> assertThat(response.getValue().path("description").asText()).contains(code));
                    }
                });
            }
        }
        assertThat(operations).as("operations documented").isGreaterThanOrEqualTo(36);
        assertThat(docs.path("paths").has("/error")).as("the error page is not part of the API").isFalse();
    }

    @Test
    void command_operations_document_the_refusals_their_decisions_can_give() {
        JsonNode paths = app.api().anonymous().get("/v3/api-docs").json().path("paths");

        JsonNode close = paths.path("/api/complaints/{id}/close").path("post");
        assertThat(codes(close, "409")).contains("COMPLAINT_CLOSED", "COMPLAINT_WITHDRAWN", "INVALID_STATUS",
                "HISTORY_BROKEN", "CONCURRENT_MODIFICATION");
        assertThat(codes(close, "412")).containsExactly("VERSION_MISMATCH");
        assertThat(codes(close, "404")).contains("COMPLAINT_NOT_FOUND");
        assertThat(codes(close, "429")).containsExactly("TOO_MANY_REQUESTS");
        JsonNode register = paths.path("/api/complaints").path("post");
        assertThat(codes(register, "409")).contains("DUPLICATE_COMPLAINT_ID").doesNotContain("COMPLAINT_CLOSED");
        assertThat(codes(register, "422")).contains("SUBCATEGORY_MISMATCH", "RECEIVED_IN_FUTURE", "LATE_ENTRY_REASON_REQUIRED");
        assertThat(register.path("responses").has("412")).as("a registration names no version").isFalse();
        assertThat(codes(paths.path("/api/complaints/{id}/assign").path("post"), "422")).contains("UNKNOWN_HANDLER");
        assertThat(codes(paths.path("/api/complaints/{id}/compensation-approval").path("post"), "422"))
                .contains("FOUR_EYES_REQUIRED");
        assertThat(codes(paths.path("/api/complaints/{id}/escalate").path("post"), "422"))
                .contains("ESCALATION_BEYOND_TOP_LEVEL");
        assertThat(codes(paths.path("/api/customers/{customerId}/legal-hold").path("post"), "409"))
                .contains("LEGAL_HOLD_ALREADY_PLACED");
        assertThat(codes(paths.path("/api/cases/{id}").path("get"), "404")).contains("COMPLAINT_NOT_FOUND");

        // a command's domain codes are the contract's refusal codes, and every one of them is documented somewhere
        Set<String> contract = Arrays.stream(RefusalCode.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> documented = new HashSet<>();
        for (String path : fieldNames(paths)) {
            if (path.startsWith("/api/complaints") || path.startsWith("/api/customers")) {
                for (String status : List.of("409", "422")) {
                    List<String> codes = codes(paths.path(path).path("post"), status);
                    documented.addAll(codes);
                    assertThat(codes).as("%s %s", path, status).allMatch(code -> contract.contains(code)
                            || code.equals("CONCURRENT_MODIFICATION") || code.equals("UNKNOWN_HANDLER")
                            || code.equals("UNKNOWN_PRODUCT"));
                }
            }
        }
        Set<String> stateAndRules = new HashSet<>(contract);
        stateAndRules.removeAll(Set.of("ROLE_NOT_ALLOWED", "NOT_ASSIGNED_HANDLER"));
        assertThat(documented).containsAll(stateAndRules);
        assertThat(codes(paths.path("/api/complaints/{id}/findings").path("post"), "403")).contains("NOT_ASSIGNED_HANDLER");
    }

    @Test
    void the_openapi_description_is_valid_openapi_3() {
        ApiReply reply = app.api().anonymous().get("/v3/api-docs");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(reply.body(), null, options);

        assertThat(parsed.getOpenAPI()).isNotNull();
        assertThat(parsed.getMessages()).as("validation messages").isEmpty();
    }

    private static List<String> codes(JsonNode operation, String status) {
        List<String> codes = new ArrayList<>();
        operation.path("responses").path(status).path("x-problem-codes").forEach(code -> codes.add(code.asText()));
        return codes;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
