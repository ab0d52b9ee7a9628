package com.complaintcase.standalone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.complaintcase.standalone.CommandBodies.acceptedReview;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/cases/stream}: Server-Sent Events read line by line with {@code java.net.http}, as an
 * analyst. A watcher first gets {@code open-count}, then a {@code case-changed} event for each change
 * of a matching case, without any customer's personal data. Every wait is bounded.
 */
class CaseStreamEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static Api api;
    private static CaseSteps steps;

    @BeforeAll
    static void startTheApplicationWithOneOpenCase() {
        app = RunningApplication.start(dataDir);
        api = app.api();
        steps = new CaseSteps(api, null);
        steps.register("intake1", aRegistration().withNewId());
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void a_watcher_first_gets_the_open_count_then_a_case_changed_event_for_a_newly_registered_case_and_its_next_change() {
        long openNow = awaitOpenCount();
        try (ServerSentEvents stream = api.as("analyst1").events("/api/cases/stream")) {
            assertThat(stream.status()).as("%s", stream).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");

            ServerSentEvents.Event first = stream.next(WAIT);
            assertThat(first.name()).as("the first event").isEqualTo("open-count");
            assertThat(json(first).path("openCases").asLong()).isEqualTo(openNow);

            String id = steps.register("intake1", aRegistration().withNewId().atBranch("BR-0505"));
            JsonNode registered = json(stream.nextMatching(about(id), WAIT));
            assertThat(registered.path("item").path("status").asText()).isEqualTo("REGISTERED");
            assertThat(registered.path("item").path("branchCode").asText()).isEqualTo("BR-0505");
            assertThat(registered.path("item").path("version").asLong()).isZero();
            assertThat(registered.path("open").asBoolean()).isTrue();
            assertThat(registered.path("overdue").asBoolean()).isFalse();

            steps.step("supervisor1", id, "review", acceptedReview("FIRST_LEVEL_BRANCH"));
            JsonNode reviewed = json(stream.nextMatching(about(id), WAIT));
            assertThat(reviewed.path("item").path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(reviewed.path("item").path("level").asText()).isEqualTo("FIRST_LEVEL_BRANCH");
            assertThat(reviewed.path("item").path("version").asLong()).isEqualTo(1);
        }
    }

    @Test
    void a_watcher_filtering_by_branch_gets_changes_of_that_branch_only() {
        String elsewhere = steps.register("intake1", aRegistration().withNewId().atBranch("BR-0606"));
        steps.awaitCase("analyst1", elsewhere);
        try (ServerSentEvents stream = api.as("analyst1").events("/api/cases/stream?branchCode=BR-0707")) {
            ServerSentEvents.Event first = stream.next(WAIT);
            assertThat(first.name()).isEqualTo("open-count");
            assertThat(json(first).path("openCases").asLong()).as("no open case at BR-0707 yet").isZero();

            steps.step("supervisor1", elsewhere, "review", acceptedReview("BRANCH"));
            String here = steps.register("intake1", aRegistration().withNewId().atBranch("BR-0707"));

            ServerSentEvents.Event next = stream.nextMatching(event -> event.name().equals("case-changed"), WAIT);
            assertThat(json(next).path("item").path("complaintId").asText())
                    .as("the first change seen is the BR-0707 case's, not the earlier change at BR-0606")
                    .isEqualTo(here);
            assertThat(json(next).path("item").path("branchCode").asText()).isEqualTo("BR-0707");
        }
    }

    @Test
    void the_stream_never_carries_a_customers_name_phone_email_or_description() {
        String name = "Ouyang Lanfang";
        String phone = "+86 135 2468 1357";
        String email = "ouyang.lanfang@example.cn";
        String description = "My pension was paid into a stranger's account and the branch laughed at me.";
        try (ServerSentEvents stream = api.as("analyst1").events("/api/cases/stream")) {
            stream.next(WAIT);
            String id = steps.register("intake1", aRegistration().withNewId()
                    .forCustomer("C-9090", name, phone, email).describedAs(description));
            stream.nextMatching(about(id), WAIT);
            steps.step("supervisor1", id, "review", acceptedReview("BRANCH"));
            stream.nextMatching(about(id), WAIT);

            List<String> lines = stream.lines();
            assertThat(String.join("\n", lines)).as("the stream").contains(id)
                    .doesNotContain(name, phone, email, description, "Li Wei", "li.wei@example.com");
        }
    }

    // ---- helpers ----

    private static java.util.function.Predicate<ServerSentEvents.Event> about(String complaintId) {
        return event -> event.name().equals("case-changed") && event.data().contains(complaintId);
    }

    /** The number of open cases, once the projection has caught up with every registration so far. */
    private static long awaitOpenCount() {
        steps.awaitProjectionsCaughtUp();
        return api.as("analyst1").get("/api/cases/open").json().path("totalElements").asLong();
    }

    private static JsonNode json(ServerSentEvents.Event event) {
        try {
            return JsonBody.JSON.readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + event, e);
        }
    }
}
