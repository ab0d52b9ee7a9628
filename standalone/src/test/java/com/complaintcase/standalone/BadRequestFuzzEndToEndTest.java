package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad requests over every endpoint the OpenAPI description names (so a new endpoint is covered without touching this
 * test): a generator with a fixed seed spoils one thing of an otherwise plausible request, and the hand-written
 * hostile cases of {@code fuzz/hostile-requests.jsonl} are sent as well. None may be answered with a 5xx; every refusal
 * is a short problem with a {@code code}; and no event is recorded by any of them.
 */
class BadRequestFuzzEndToEndTest {

    private static final long SEED = 20261120L;
    private static final int GENERATED_REQUESTS = 1200;
    private static final int MAX_REFUSAL_BYTES = 8 * 1024;
    private static final int MIN_REQUESTS_PER_OPERATION = 10;
    private static final List<String> USERS = List.of("intake1", "handler1", "supervisor1", "compliance1",
            "regulator1", "analyst1");
    private static final Pattern REPEAT = Pattern.compile("\\{repeat:(\\d+):([^}]*)}");

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static Api api;
    private static final List<String> caseIds = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheApplicationWithSomeCases() {
        app = RunningApplication.start(dataDir);
        api = app.api();
        Given given = new Given(api);
        caseIds.add(given.aRegisteredCase());
        caseIds.add(given.aCaseHandledBy("handler1"));
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void no_bad_request_to_any_endpoint_gets_a_5xx_an_unbounded_or_non_problem_refusal_or_records_an_event()
            throws IOException {
        List<Operation> operations = Operation.all(api.anonymous().get("/v3/api-docs").json());
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(30);
        List<BadRequest> requests = new ArrayList<>(hostileCases());
        requests.addAll(new Generator(new Random(SEED), operations).requests(GENERATED_REQUESTS));
        long eventsBefore = storedEvents();

        List<String> failures = new ArrayList<>();
        Map<String, Integer> perOperation = new TreeMap<>();
        for (BadRequest request : requests) {
            perOperation.merge(request.operation(), 1, Integer::sum);
            String failure = check(request, send(request));
            if (failure != null) {
                failures.add(failure);
            }
        }

        assertThat(failures).as("bad requests answered wrongly, of %d", requests.size()).isEmpty();
        assertThat(storedEvents()).as("events stored after %d bad requests", requests.size()).isEqualTo(eventsBefore);
        for (Operation operation : operations) {
            assertThat(perOperation.getOrDefault(operation.name(), 0)).as("bad requests to %s", operation.name())
                    .isGreaterThanOrEqualTo(MIN_REQUESTS_PER_OPERATION);
        }
    }

    // ---- what is checked ----

    private record Answer(int status, String contentType, byte[] body, boolean bodyCut) {
    }

    private static String check(BadRequest request, Answer answer) {
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        String said = request.describe() + " -> " + answer.status() + " "
                + text.substring(0, Math.min(text.length(), 300));
        if (answer.status() >= 500) {
            return said;
        }
        if (request.method().equals("POST") && answer.status() < 300) {
            return "accepted: " + said;
        }
        if (answer.status() < 400 || request.method().equals("HEAD")) {
            return null;
        }
        if (answer.bodyCut() || answer.body().length > MAX_REFUSAL_BYTES) {
            return "refusal larger than " + MAX_REFUSAL_BYTES + " bytes: " + said;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return "not a problem: " + said;
        }
        try {
            JsonNode problem = JsonBody.JSON.readTree(answer.body());
            if (!problem.path("code").isTextual() || problem.path("status").asInt() != answer.status()) {
                return "problem without code or with another status: " + said;
            }
        } catch (IOException e) {
            return "problem that is not JSON: " + said;
        }
        return null;
    }

    private Answer send(BadRequest request) {
        if (request.declaredOnly() > 0) {
            try {
                String response = RawHttp.postDeclaring(api.base(), request.path(), request.user(),
                        request.declaredOnly(), new String(request.body(), StandardCharsets.UTF_8));
                Matcher type = Pattern.compile("(?im)^content-type: *(\\S+)").matcher(response);
                return new Answer(RawHttp.statusOf(response), type.find() ? type.group(1) : null,
                        RawHttp.bodyOf(response).getBytes(StandardCharsets.UTF_8), false);
            } catch (IOException e) {
                throw new UncheckedIOException(request.describe(), e);
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.base() + request.path()))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (request.user() + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (request.ifMatch() != null) {
            builder.header("If-Match", request.ifMatch());
        }
        if (request.body() == null) {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            byte[] body = request.body();
            builder.header("Content-Type", request.contentType());
            builder.method(request.method(), request.chunked()
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                    : HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                String contentType = response.headers().firstValue("Content-Type").orElse(null);
                boolean streamed = contentType != null && (contentType.startsWith("text/event-stream")
                        || contentType.startsWith("application/x-ndjson") || contentType.startsWith("text/csv"));
                byte[] body = streamed && response.statusCode() < 300 ? new byte[0] : in.readNBytes(MAX_REFUSAL_BYTES + 1);
                return new Answer(response.statusCode(), contentType, body, body.length > MAX_REFUSAL_BYTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(request.describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.describe(), e);
        }
    }

    private static long storedEvents() {
        Long count = new JdbcTemplate(app.bean(DataSource.class))
                .queryForObject("select count(*) from domain_event_entry", Long.class);
        return Objects.requireNonNull(count);
    }

    // ---- the requests ----

    private record BadRequest(String operation, String method, String path, String user, byte[] body,
                              String contentType, boolean chunked, long declaredOnly, String ifMatch) {

        String describe() {
            String shownPath = path.length() > 200 ? path.substring(0, 200) + "..." : path;
            String shownBody = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            shownBody = shownBody.length() > 200 ? shownBody.substring(0, 200) + "... (" + body.length + " bytes)" : shownBody;
            return method + " " + shownPath + " as " + user + (chunked ? " chunked " : " ") + shownBody;
        }
    }

    private static List<BadRequest> hostileCases() throws IOException {
        List<BadRequest> requests = new ArrayList<>();
        try (InputStream in = BadRequestFuzzEndToEndTest.class.getResourceAsStream("/fuzz/hostile-requests.jsonl")) {
            String text = new String(Objects.requireNonNull(in, "fuzz/hostile-requests.jsonl").readAllBytes(),
                    StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                JsonNode entry = JsonBody.JSON.readTree(line);
                byte[] body = entry.has("bodyHex") ? HexFormat.of().parseHex(entry.get("bodyHex").asText())
                        : entry.has("body") ? expand(entry.get("body").asText()).getBytes(StandardCharsets.UTF_8) : null;
                requests.add(new BadRequest("hostile: " + entry.path("rule").asText(), entry.path("method").asText(),
                        expand(entry.path("path").asText()), entry.path("user").asText(), body,
                        entry.path("contentType").asText("application/json"), entry.path("chunked").asBoolean(),
                        entry.path("declaredOnly").asLong(0), entry.has("ifMatch") ? expand(entry.get("ifMatch").asText()) : null));
            }
        }
        return requests;
    }

    private static String expand(String template) {
        Matcher repeat = REPEAT.matcher(template);
        StringBuilder expanded = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(expanded, Matcher.quoteReplacement(
                    repeat.group(2).repeat(Integer.parseInt(repeat.group(1)))));
        }
        repeat.appendTail(expanded);
        return expanded.toString()
                .replace("{case}", caseIds.get(0))
                .replace("{uuid}", UUID.randomUUID().toString())
                .replace("{now}", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** An endpoint of the OpenAPI description: its method, path, parameters and the schema of its body. */
    private record Operation(String method, String path, List<JsonNode> parameters, JsonNode bodySchema,
                             JsonNode components) {

        String name() {
            return method + " " + path;
        }

        static List<Operation> all(JsonNode docs) {
            List<Operation> operations = new ArrayList<>();
            JsonNode components = docs.path("components").path("schemas");
            docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                JsonNode operation = method.getValue();
                List<JsonNode> parameters = new ArrayList<>();
                operation.path("parameters").forEach(parameters::add);
                JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters,
                        body.isMissingNode() ? null : body, components));
            }));
            return operations;
        }

        JsonNode resolve(JsonNode schema) {
            JsonNode resolved = schema;
            while (resolved.has("$ref")) {
                String ref = resolved.get("$ref").asText();
                resolved = components.path(ref.substring(ref.lastIndexOf('/') + 1));
            }
            return resolved;
        }
    }

    /** Spoils one thing of a plausible request to an operation; the same seed gives the same requests. */
    private static final class Generator {

        private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
        private static final List<String> HOSTILE_TEXTS = List.of("fee\u0000twice", "a\u001b[2Jb", "\u0007",
                "x".repeat(10_000), "line\u0085next", "\ud800", "\udfff tail");
        private static final List<String> HOSTILE_PARAMETERS = List.of("2147483647", "-1", "99999999999999999999",
                "1e308", "", "%00", "%1B%5B2J", "%C0%AF", "%ED%A0%80", "%FF", "x".repeat(3000),
                "%2B999999999-12-31", "-999999999-01-01", "%2B1000000000-01-01T00:00:00Z", "2026-02-30",
                "2026-11-20T09:15:00", "NaN", "null", "%5B%5D", "%7B%7D", "PHONE%0D%0ASet-Cookie:%20x=1");

        private final Random random;
        private final List<Operation> operations;

        Generator(Random random, List<Operation> operations) {
            this.random = random;
            this.operations = operations;
        }

        List<BadRequest> requests(int count) {
            List<BadRequest> requests = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                requests.add(request(operations.get(i % operations.size())));
            }
            return requests;
        }

        private BadRequest request(Operation operation) {
            String path = operation.path();
            StringBuilder query = new StringBuilder();
            for (JsonNode parameter : operation.parameters()) {
                String name = parameter.path("name").asText();
                switch (parameter.path("in").asText()) {
                    case "path" -> path = path.replace("{" + name + "}", pathValue(name));
                    case "query" -> {
                        if (operation.bodySchema() == null && random.nextInt(3) > 0) {
                            query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                                    .append(pick(HOSTILE_PARAMETERS));
                        }
                    }
                    default -> {
                    }
                }
            }
            if (operation.method().equals("GET") && query.isEmpty()) {
                query.append("?").append(pick(List.of("page", "size", "from", "to", "asOf", "minVersion", "sort",
                        "groupBy", "status"))).append('=').append(pick(HOSTILE_PARAMETERS));
            }
            String user = pick(USERS);
            String ifMatch = random.nextInt(10) == 0 ? pick(List.of("\"latest\"", "W/\"0\"", "\"-1\"",
                    "\"99999999999999999999\"", "*")) : null;
            if (operation.method().equals("GET")) {
                return new BadRequest(operation.name(), "GET", path + query, user, null, null, false, 0, ifMatch);
            }
            String contentType = random.nextInt(15) == 0 ? pick(List.of("text/plain", "application/xml",
                    "application/json;charset=ISO-8859-1", "application/x-www-form-urlencoded", "multipart/form-data"))
                    : "application/json";
            return new BadRequest(operation.name(), operation.method(), path + query, user, body(operation),
                    contentType, random.nextInt(4) == 0, 0, ifMatch);
        }

        private String pathValue(String name) {
            if (name.equals("id") || name.equals("sequenceId")) {
                return pick(List.of(caseIds.get(random.nextInt(caseIds.size())), UUID.randomUUID().toString(),
                        "not-a-uuid", "%20", "x".repeat(2000), "%E2%80%AE", UUID.randomUUID().toString().toUpperCase()));
            }
            return pick(List.of("no-such-" + random.nextInt(1000), "%C0%AF", "x".repeat(2000), "C%201001!", "..%3B",
                    URLEncoder.encode("\u4e2d\u6587", StandardCharsets.UTF_8)));
        }

        /** A plausible body with one field spoilt, or a body spoilt as a whole. */
        private byte[] body(Operation operation) {
            if (operation.bodySchema() == null || random.nextInt(5) == 0) {
                return pick(List.of("", "{", "[]", "\"text\"", "null", "42", "{}}", "[".repeat(3000),
                        "{\"a\":" + "[".repeat(1200) + "}", "\ufeff{}", "{\"x\": 1} trailing"))
                        .getBytes(StandardCharsets.UTF_8);
            }
            JsonNode schema = operation.resolve(operation.bodySchema());
            ObjectNode sample = (ObjectNode) sample(operation, schema, 0);
            List<String[]> leaves = new ArrayList<>();
            leaves(operation, schema, "", leaves);
            if (leaves.isEmpty()) {
                return "{\"unknown\": 1}".getBytes(StandardCharsets.UTF_8);
            }
            String[] leaf = leaves.get(random.nextInt(leaves.size()));
            String json = escapeLoneSurrogates(spoil(sample, leaf[0], leaf[1]).toString());
            return switch (random.nextInt(8)) {
                case 0 -> ("{\"" + leaf[0].replaceAll(".*\\.", "") + "\": 0, " + json.substring(1))
                        .getBytes(StandardCharsets.UTF_8);
                case 1 -> json.replaceFirst("\\{", "{\"unexpected\": true, ").getBytes(StandardCharsets.UTF_8);
                default -> json.getBytes(StandardCharsets.UTF_8);
            };
        }

        /**
         * An unpaired surrogate as a JSON escape: encoded to UTF-8 as it is, it would become a plain '?' and the spoilt
         * request a valid one.
         */
        private static String escapeLoneSurrogates(String json) {
            StringBuilder out = new StringBuilder(json.length());
            for (int i = 0; i < json.length(); i++) {
                char c = json.charAt(i);
                boolean paired = Character.isHighSurrogate(c) && i + 1 < json.length()
                        && Character.isLowSurrogate(json.charAt(i + 1));
                if (paired) {
                    out.append(c).append(json.charAt(++i));
                } else if (Character.isSurrogate(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private JsonNode spoil(ObjectNode sample, String path, String type) {
            ObjectNode copy = sample.deepCopy();
            ObjectNode parent = copy;
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = parent.path(parts[i]);
                if (!child.isObject()) {
                    child = parent.putObject(parts[i]);
                }
                parent = (ObjectNode) child;
            }
            String field = parts[parts.length - 1];
            switch (type) {
                case "integer" -> parent.set(field, pick(List.of(NODES.textNode("5"), NODES.numberNode(4.5),
                        NODES.numberNode(1e308), NODES.numberNode(new java.math.BigInteger("99999999999999999999")),
                        NODES.booleanNode(true), NODES.objectNode(), NODES.numberNode(-2147483648))));
                case "boolean" -> parent.set(field, pick(List.of(NODES.numberNode(2), NODES.numberNode(0),
                        NODES.textNode("true"), NODES.textNode("yes"), NODES.arrayNode())));
                case "enum" -> parent.set(field, pick(List.of(NODES.numberNode(7), NODES.numberNode(0),
                        NODES.textNode("CARRIER_PIGEON"), NODES.textNode("PHONE\u0000"), NODES.objectNode())));
                case "date-time" -> parent.set(field, pick(List.of(NODES.numberNode(1e308),
                        NODES.numberNode(1_790_000_000L), NODES.textNode("yesterday"),
                        NODES.textNode("2026-13-45T99:99:99Z"), NODES.textNode("2026-11-20T09:15:00"),
                        NODES.textNode("x".repeat(30_000)), NODES.booleanNode(false))));
                case "object" -> parent.set(field, pick(List.of(NODES.textNode("x"), NODES.numberNode(5),
                        NODES.arrayNode(), NODES.booleanNode(true))));
                default -> parent.set(field, pick(List.of(NODES.textNode(pick(HOSTILE_TEXTS)), NODES.numberNode(7),
                        NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode().add("x"))));
            }
            return copy;
        }

        private JsonNode sample(Operation operation, JsonNode schema, int depth) {
            JsonNode resolved = operation.resolve(schema);
            if (resolved.has("enum")) {
                return NODES.textNode(resolved.get("enum").get(0).asText());
            }
            switch (resolved.path("type").asText("object")) {
                case "string" -> {
                    return resolved.path("format").asText().equals("date-time")
                            ? NODES.textNode(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString())
                            : NODES.textNode("x");
                }
                case "integer", "number" -> {
                    return NODES.numberNode(1);
                }
                case "boolean" -> {
                    return NODES.booleanNode(true);
                }
                case "array" -> {
                    ArrayNode array = NODES.arrayNode();
                    return depth > 4 ? array : array.add(sample(operation, resolved.path("items"), depth + 1));
                }
                default -> {
                    ObjectNode object = NODES.objectNode();
                    if (depth <= 4) {
                        Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields();
                        properties.forEachRemaining(property ->
                                object.set(property.getKey(), sample(operation, property.getValue(), depth + 1)));
                    }
                    return object;
                }
            }
        }

        /** The dotted paths of the body's fields, each with the kind of value it takes. */
        private void leaves(Operation operation, JsonNode schema, String prefix, List<String[]> leaves) {
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            operation.resolve(schema).path("properties").fields()
                    .forEachRemaining(property -> properties.put(property.getKey(), property.getValue()));
            properties.forEach((name, property) -> {
                JsonNode resolved = operation.resolve(property);
                String path = prefix + name;
                String type = resolved.has("enum") ? "enum"
                        : resolved.path("format").asText().equals("date-time") ? "date-time"
                        : resolved.path("type").asText("object");
                leaves.add(new String[] {path, type});
                if (type.equals("object") && prefix.split("\\.").length < 4) {
                    leaves(operation, resolved, path + ".", leaves);
                }
            });
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
