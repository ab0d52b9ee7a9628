package com.complaintcase.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static com.complaintcase.standalone.CommandBodies.contactByPhone;
import static com.complaintcase.standalone.CommandBodies.feedback;
import static com.complaintcase.standalone.ProblemAssertions.assertInvalid;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge of the running application is strict and bounded: no 500 for a parameter out of range, no lenient reading
 * that changes what a field means, no echo of an offending value beyond a short excerpt, no body beyond the limit.
 */
class HardenedEdgeEndToEndTest {

    /** {@code complaints.http.max-body-size}'s default. */
    private static final int MAX_BODY_BYTES = 64 * 1024;
    /** The most of an offending value a problem repeats. */
    private static final int EXCERPT_CHARACTERS = 64;

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static Api api;
    private static Given given;

    @BeforeAll
    static void startTheApplication() {
        app = RunningApplication.start(dataDir);
        api = app.api();
        given = new Given(api);
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    // ---- page and date ranges ----

    @Test
    void a_page_beyond_the_largest_offset_is_refused_with_400_on_page_not_a_500() {
        for (String list : new String[] {"open", "overdue"}) {
            assertInvalid(api.as("analyst1").get("/api/cases/" + list + "?page=2147483647"), "page");
            assertInvalid(api.as("analyst1").get("/api/cases/" + list + "?page=4294968&size=500"), "page");
        }
    }

    @Test
    void an_export_date_outside_the_supported_years_is_refused_with_400_on_that_date_not_a_500() {
        assertInvalid(api.as("regulator1").get("/api/exports/cases?from=2026-01-01&to=%2B999999999-12-31"), "to");
        assertInvalid(api.as("regulator1").get("/api/exports/cases?from=-999999999-01-01&to=2026-01-01"), "from");
    }

    @Test
    void an_export_range_longer_than_the_longest_allowed_is_refused_with_400_on_to() {
        assertInvalid(api.as("regulator1").get("/api/exports/cases?from=2020-01-01&to=2026-01-01"), "to");
    }

    // ---- what a problem repeats of the request ----

    @Test
    void a_refusal_repeats_at_most_a_short_excerpt_of_the_offending_value() {
        String id = given.aRegisteredCase();
        String huge = "x".repeat(MAX_BODY_BYTES / 2);

        ApiReply reply = leavesNoEvent(id, () ->
                api.as("handler1").command(id, "contacts", contactByPhone().with("contactedAt", huge)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().length()).as("size of the problem").isLessThan(2048);
        assertInvalid(reply, "contactedAt");
        assertThat(reply.body()).doesNotContain("x".repeat(EXCERPT_CHARACTERS + 1));
    }

    @Test
    void a_refusal_escapes_the_control_characters_of_the_value_it_repeats() {
        Registration registration = aRegistration().withNewId();

        ApiReply reply = api.as("intake1").register(registration.body().with("receivedAt", "2026-11-20\u001b[2J"));

        String detail = assertInvalid(reply, "receivedAt").problem().path("detail").asText();
        assertThat(detail).doesNotContain("\u001b").contains("\\u001B[2J");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_path_is_repeated_as_a_short_excerpt() {
        for (String user : new String[] {"analyst1", "compliance1"}) {
            ApiReply reply = api.as(user).get("/api/" + "a".repeat(6000));

            assertThat(reply.status()).isBetween(400, 499);
            assertThat(reply.body().length()).as("size of the problem").isLessThan(2048);
            assertThat(reply.body()).doesNotContain("a".repeat(EXCERPT_CHARACTERS + 1));
        }
    }

    // ---- lenient reading that changes meaning ----

    @Test
    void an_enum_given_as_its_position_number_is_refused_with_400_on_that_field() {
        Registration registration = aRegistration().withNewId();

        assertInvalid(api.as("intake1").register(registration.body().with("channel", 7)), "channel");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_boolean_given_as_a_number_or_a_string_is_refused_with_400_on_that_field() {
        Registration registration = aRegistration().withNewId();

        assertInvalid(api.as("intake1").register(registration.body().with("flags.mediaThreat", 2)), "flags.mediaThreat");
        assertInvalid(api.as("intake1").register(registration.body().with("flags.mediaThreat", "true")), "flags.mediaThreat");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_number_given_as_a_string_is_refused_with_400_on_that_field() {
        String id = given.aResolvedCase();

        assertInvalid(leavesNoEvent(id, () -> api.as("handler1").command(id, "feedback", feedback(5).with("score", "5"))),
                "score");
    }

    @Test
    void an_instant_given_as_a_number_is_refused_with_400_rather_than_read_as_seconds_since_1970() {
        Registration registration = aRegistration().withNewId();

        assertInvalid(api.as("intake1").register(registration.body().with("receivedAt", 1e308)), "receivedAt");
        assertInvalid(api.as("intake1").register(registration.body().with("receivedAt", 1_790_000_000L)), "receivedAt");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_text_given_as_a_number_is_refused_with_400_on_that_field() {
        Registration registration = aRegistration().withNewId();

        assertInvalid(api.as("intake1").register(registration.body().with("description", 42)), "description");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_body_naming_a_field_twice_is_refused_with_400_rather_than_the_last_one_winning() {
        Registration registration = aRegistration().withNewId();
        String body = registration.body().toString();
        String twice = "{\"channel\":\"REGULATOR\"," + body.substring(1);

        ApiReply reply = api.as("intake1").register(twice);

        assertProblem(reply, 400, "MALFORMED_REQUEST");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_field_the_contract_does_not_name_is_refused_with_400_naming_it() {
        Registration registration = aRegistration().withNewId();

        assertInvalid(api.as("intake1").register(registration.body().with("priority", "HIGH")), "priority");
        assertInvalid(api.as("intake1").register(registration.body().with("customer.nickname", "Wei")), "customer.nickname");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_nul_or_control_character_in_a_text_is_refused_with_400_on_that_field() {
        Registration registration = aRegistration().withNewId();

        assertInvalid(api.as("intake1").register(registration.describedAs("fee\u0000charged twice").body()), "description");
        assertInvalid(api.as("intake1").register(registration.describedAs("fee\u001b[31m charged").body()), "description");
        assertInvalid(api.as("intake1").register(registration.describedAs("fee\u0085charged").body()), "description");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_line_break_is_refused_in_a_single_line_field_such_as_a_name() {
        Registration registration = aRegistration().withNewId();

        assertInvalid(api.as("intake1").register(registration.body().with("customer.name", "Li\nWei")), "customer.name");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void line_breaks_and_tabs_are_kept_in_a_description() {
        Registration registration = aRegistration().withNewId().describedAs("First line\r\n\tsecond line\nthird");

        ApiReply reply = api.as("intake1").register(registration.body());

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    @Test
    void a_lone_surrogate_in_a_text_is_refused_with_400_rather_than_stored_as_a_question_mark() {
        Registration registration = aRegistration().withNewId();
        String body = registration.body().with("description", "MARK").toString().replace("MARK", "fee \\ud800 twice");

        assertInvalid(api.as("intake1").register(body), "description");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void a_body_that_is_not_valid_utf_8_is_refused_with_400_malformed_request() {
        Registration registration = aRegistration().withNewId();
        byte[] valid = registration.body().with("description", "MARK").toString().getBytes(StandardCharsets.UTF_8);
        for (byte[] invalid : new byte[][] {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}}) {
            ApiReply reply = post("intake1", "/api/complaints", replace(valid, "MARK", invalid), false);

            assertThat(reply.status()).as("%s", reply).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }
        assertNothingRecordedFor(registration.id());
    }

    // ---- body size ----

    @Test
    void a_body_declared_larger_than_the_limit_is_refused_with_413_before_it_is_sent() throws IOException {
        String answer = RawHttp.postDeclaring(api.base(), "/api/complaints", "intake1", 10 * 1024 * 1024,
                "{\"padding\": \"");

        assertThat(RawHttp.statusOf(answer)).as(answer).isEqualTo(413);
        assertThat(answer).contains("application/problem+json").contains("\"code\":\"REQUEST_TOO_LARGE\"");
    }

    @Test
    void a_chunked_body_larger_than_the_limit_is_refused_with_413() {
        Registration registration = aRegistration().withNewId();
        String body = registration.body().with("description", "x".repeat(MAX_BODY_BYTES * 2)).toString();

        ApiReply reply = post("intake1", "/api/complaints", body.getBytes(StandardCharsets.UTF_8), true);

        assertProblem(reply, 413, "REQUEST_TOO_LARGE");
        assertNothingRecordedFor(registration.id());
    }

    @Test
    void the_largest_legitimate_registration_is_under_the_body_limit() {
        String longest = "\u4e2d".repeat(4000);
        Registration registration = aRegistration().withNewId().receivedHoursAgo(30).describedAs(longest)
                .enteredLateBecause(longest);
        byte[] body = registration.body().toString().getBytes(StandardCharsets.UTF_8);

        ApiReply reply = post("intake1", "/api/complaints", body, true);

        assertThat(reply.status()).as("%s", reply.status() + " " + reply.body()).isEqualTo(201);
    }

    // ---- helpers ----

    /** A POST of exactly these bytes: with a Content-Length (and {@code Expect: 100-continue}) or chunked. */
    private static ApiReply post(String user, String path, byte[] body, boolean chunked) {
        String description = "POST " + path + " (" + body.length + " bytes" + (chunked ? ", chunked" : "") + ")";
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(api.base().resolve(path))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(30))
                .expectContinue(!chunked)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(publisher)
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiReply(description, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(description, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(description, e);
        }
    }

    private static byte[] replace(byte[] body, String marker, byte[] replacement) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(replacement);
        out.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static ApiReply leavesNoEvent(String id, java.util.function.Supplier<ApiReply> request) {
        int before = app.eventCount(id);
        ApiReply reply = request.get();
        assertThat(app.eventCount(id)).as("events of case %s after %s", id, reply.status()).isEqualTo(before);
        return reply;
    }

    private static void assertNothingRecordedFor(String id) {
        assertThat(app.eventCount(id)).as("events recorded for %s", id).isZero();
    }
}
