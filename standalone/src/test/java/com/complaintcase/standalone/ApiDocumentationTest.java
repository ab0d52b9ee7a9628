package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description is served without credentials and documents every command path of the contract. */
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

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
