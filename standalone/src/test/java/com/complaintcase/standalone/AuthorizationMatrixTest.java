package com.complaintcase.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every endpoint the running application serves, as every role and anonymously. {@code allow}
 * means the request gets past authorization (any answer but 401 and 403: the minimal requests sent here mostly end
 * in 400 or 404, and change nothing); {@code 403} is a problem {@code ROLE_NOT_ALLOWED}; {@code 401} a problem
 * {@code UNAUTHENTICATED}. The endpoints are read from Spring's request mappings at run time: an endpoint missing from
 * the matrix, or a row for an endpoint that does not exist, fails the build, so no endpoint is added without a decision
 * on who may call it. The same table is in docs/security.md, checked to match.
 */
class AuthorizationMatrixTest {

    /** Rows: one endpoint each, as Spring maps it. Columns: who calls. Add a row with each new endpoint. */
    private static final String MATRIX = """
            | endpoint                                           | anonymous | INTAKE | HANDLER | SUPERVISOR | COMPLIANCE | REGULATOR | ANALYST |
            |----------------------------------------------------|-----------|--------|---------|------------|------------|-----------|---------|
            | POST /api/complaints                               | 401       | allow  | allow   | allow      | 403        | 403       | 403     |
            | POST /api/complaints/{id}/review                   | 401       | 403    | 403     | allow      | 403        | 403       | 403     |
            | POST /api/complaints/{id}/assign                   | 401       | 403    | 403     | allow      | 403        | 403       | 403     |
            | POST /api/complaints/{id}/transfer                 | 401       | 403    | allow   | allow      | 403        | 403       | 403     |
            | POST /api/complaints/{id}/contacts                 | 401       | allow  | allow   | 403        | 403        | 403       | 403     |
            | POST /api/complaints/{id}/evidence                 | 401       | 403    | allow   | 403        | 403        | 403       | 403     |
            | POST /api/complaints/{id}/findings                 | 401       | 403    | allow   | 403        | 403        | 403       | 403     |
            | POST /api/complaints/{id}/hold                     | 401       | 403    | allow   | allow      | 403        | 403       | 403     |
            | POST /api/complaints/{id}/resume                   | 401       | 403    | allow   | allow      | 403        | 403       | 403     |
            | POST /api/complaints/{id}/resolution               | 401       | 403    | allow   | 403        | 403        | 403       | 403     |
            | POST /api/complaints/{id}/compensation-approval    | 401       | 403    | 403     | allow      | 403        | 403       | 403     |
            | POST /api/complaints/{id}/customer-response        | 401       | 403    | allow   | 403        | 403        | 403       | 403     |
            | POST /api/complaints/{id}/compensation-payment     | 401       | 403    | allow   | allow      | 403        | 403       | 403     |
            | POST /api/complaints/{id}/feedback                 | 401       | allow  | allow   | 403        | 403        | 403       | 403     |
            | POST /api/complaints/{id}/close                    | 401       | 403    | allow   | allow      | 403        | 403       | 403     |
            | POST /api/complaints/{id}/reopen                   | 401       | allow  | 403     | allow      | 403        | 403       | 403     |
            | POST /api/complaints/{id}/withdraw                 | 401       | allow  | allow   | 403        | 403        | 403       | 403     |
            | POST /api/complaints/{id}/escalate                 | 401       | allow  | allow   | allow      | 403        | 403       | 403     |
            | POST /api/complaints/{id}/deadline-extension       | 401       | 403    | 403     | allow      | 403        | 403       | 403     |
            | POST /api/customers/{customerId}/erasure           | 401       | 403    | 403     | 403        | allow      | 403       | 403     |
            | POST /api/customers/{customerId}/legal-hold        | 401       | 403    | 403     | 403        | allow      | 403       | 403     |
            | POST /api/customers/{customerId}/legal-hold/release | 401      | 403    | 403     | 403        | allow      | 403       | 403     |
            | GET /api/cases/{id}                                | 401       | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /api/cases/{id}/history                        | 401       | allow  | allow   | allow      | allow      | allow     | 403     |
            | GET /api/cases/{id}/verification                   | 401       | 403    | 403     | allow      | allow      | allow     | 403     |
            | GET /api/cases/{id}/export                         | 401       | 403    | 403     | 403        | allow      | allow     | 403     |
            | GET /api/exports/cases                             | 401       | 403    | 403     | 403        | allow      | allow     | 403     |
            | GET /api/cases/open                                | 401       | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /api/cases/overdue                             | 401       | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /api/cases/open.csv                            | 401       | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /api/cases/overdue.csv                         | 401       | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /api/cases/stream                              | 401       | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /api/metrics/satisfaction                      | 401       | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /api/metrics/handling-time                     | 401       | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /api/metrics/volume                            | 401       | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /api/statistics/daily                          | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/statistics/daily.csv                      | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/metrics/on-time                           | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/metrics/on-time.csv                       | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/metrics/overdue-age                       | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/metrics/overdue-age.csv                   | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/metrics/rates                             | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/metrics/rates.csv                         | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/metrics/compensation                      | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/metrics/compensation.csv                  | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/metrics/trend                             | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/metrics/trend.csv                         | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/metrics/hot-spots                         | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/metrics/hot-spots.csv                     | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/returns/fca-disp1                         | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/returns/fca-disp1.csv                     | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/returns/cfpb                              | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/returns/cfpb.csv                          | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/returns/cn-pboc                           | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/returns/cn-pboc.csv                       | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/returns/filings/{filingId}                | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | GET /api/returns/filings/{filingId}/check          | 401       | 403    | 403     | allow      | allow      | allow     | allow   |
            | POST /api/returns/{regime}/filings                 | 401       | 403    | 403     | 403        | allow      | 403       | 403     |
            | GET /api/admin/projections                         | 401       | 403    | 403     | allow      | allow      | 403       | 403     |
            | GET /api/admin/projections/{name}                  | 401       | 403    | 403     | allow      | allow      | 403       | 403     |
            | POST /api/admin/projections/{name}/replay          | 401       | 403    | 403     | allow      | allow      | 403       | 403     |
            | GET /api/admin/projections/{name}/dead-letters     | 401       | 403    | 403     | allow      | allow      | 403       | 403     |
            | GET /api/admin/projections/{name}/dead-letters/evictions | 401 | 403    | 403     | allow      | allow      | 403       | 403     |
            | POST /api/admin/projections/{name}/dead-letters/retry | 401    | 403    | 403     | allow      | allow      | 403       | 403     |
            | POST /api/admin/projections/{name}/dead-letters/{sequenceId}/retry | 401 | 403 | 403 | allow  | allow      | 403       | 403     |
            | POST /api/admin/projections/{name}/dead-letters/{sequenceId}/eviction | 401 | 403 | 403 | allow | allow     | 403       | 403     |
            | GET /api/admin/integrity/broken-cases              | 401       | 403    | 403     | allow      | allow      | 403       | 403     |
            | GET /actuator/health                               | allow     | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /actuator/health/**                            | allow     | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /actuator/info                                 | allow     | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /actuator                                      | 401       | 403    | 403     | allow      | allow      | 403       | 403     |
            | GET /actuator/metrics                              | 401       | 403    | 403     | allow      | allow      | 403       | 403     |
            | GET /actuator/metrics/{requiredMetricName}         | 401       | 403    | 403     | allow      | allow      | 403       | 403     |
            | GET /v3/api-docs                                   | allow     | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /v3/api-docs.yaml                              | allow     | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /v3/api-docs/swagger-config                    | allow     | allow  | allow   | allow      | allow      | allow     | allow   |
            | GET /swagger-ui.html                               | allow     | allow  | allow   | allow      | allow      | allow     | allow   |
            | ANY /error                                         | 401       | 403    | 403     | 403        | 403        | 403       | 403     |
            """;

    /** The demo user who calls in each role's column. */
    private static final Map<String, String> USER_OF_ROLE = Map.of(
            "INTAKE", "intake1", "HANDLER", "handler1", "SUPERVISOR", "supervisor1",
            "COMPLIANCE", "compliance1", "REGULATOR", "regulator1", "ANALYST", "analyst1");

    /** What fills a path variable: ids nobody uses, so that an allowed call finds nothing and changes nothing. */
    private static final Map<String, String> PATH_VALUES = Map.of(
            "id", "00000000-0000-4000-8000-00000000a0a0",
            "customerId", "C-NOBODY-0000",
            "name", "no-such-projection",
            "requiredMetricName", "jvm.memory.used",
            "**", "liveness");

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}|\\*\\*");

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static URI base;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheApplication() {
        app = RunningApplication.start(dataDir);
        base = app.api().base();
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void every_endpoint_the_application_serves_has_a_row_in_the_matrix_and_every_row_is_served() {
        Set<String> served = servedEndpoints();
        Set<String> listed = new TreeSet<>(rows().stream().map(Row::endpoint).toList());

        assertThat(served).as("endpoints served but not in the matrix: decide who may call them and add a row")
                .isSubsetOf(listed);
        assertThat(listed).as("rows of the matrix for endpoints that are not served").isSubsetOf(served);
    }

    @Test
    void docs_security_md_shows_this_matrix() throws IOException {
        List<String> documented = table(Files.readAllLines(Path.of("..", "docs", "security.md")).stream());

        assertThat(documented).as("the matrix in docs/security.md (paste the table from this test)")
                .containsExactlyElementsOf(table(MATRIX.lines()));
    }

    /** The lines of the table that starts with the endpoint header. */
    private static List<String> table(Stream<String> lines) {
        return lines.map(String::trim).dropWhile(line -> !line.startsWith("| endpoint"))
                .takeWhile(line -> line.startsWith("|")).toList();
    }

    @TestFactory
    Stream<DynamicTest> every_endpoint_as_every_role_and_anonymously_is_allowed_or_refused_as_the_matrix_says() {
        return rows().stream().flatMap(row -> row.expected().entrySet().stream()
                .map(cell -> DynamicTest.dynamicTest(row.endpoint() + " as " + cell.getKey() + ": " + cell.getValue(),
                        () -> check(row, cell.getKey(), cell.getValue()))));
    }

    private static void check(Row row, String caller, String expected) {
        String user = USER_OF_ROLE.get(caller);
        ApiReply reply = call(row.method(), row.path(), user);
        switch (expected) {
            case "allow" -> assertThat(reply.status()).as("%s", reply).isNotIn(401, 403).isLessThan(500);
            case "403" -> assertProblem(reply, 403, "ROLE_NOT_ALLOWED").withDetailContaining(caller);
            case "401" -> assertProblem(reply, 401, "UNAUTHENTICATED");
            default -> throw new IllegalArgumentException("matrix cell '" + expected + "' for " + row.endpoint()
                    + " as " + caller + ": write allow, 403 or 401");
        }
    }

    // ---- the table ----

    /** One endpoint and what each caller gets, in the order of the matrix's columns. */
    record Row(String endpoint, Map<String, String> expected) {

        String method() {
            return endpoint.substring(0, endpoint.indexOf(' '));
        }

        /** A concrete path for the pattern, its variables filled in. */
        String path() {
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            Matcher variables = PATH_VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (variables.find()) {
                String name = variables.group(1) == null ? "**" : variables.group(1);
                variables.appendReplacement(path, PATH_VALUES.getOrDefault(name, "matrix-" + name));
            }
            variables.appendTail(path);
            return path.toString();
        }
    }

    static List<Row> rows() {
        List<String> lines = MATRIX.lines().map(String::trim).filter(line -> line.startsWith("|")).toList();
        List<String> header = cells(lines.get(0));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = cells(line);
            Map<String, String> expected = new java.util.LinkedHashMap<>();
            for (int column = 1; column < header.size(); column++) {
                expected.put(header.get(column), cells.get(column));
            }
            rows.add(new Row(cells.get(0), expected));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.lastIndexOf('|'));
        return Arrays.stream(inner.split("\\|")).map(String::trim).toList();
    }

    /** {@code METHOD /pattern} for every handler mapping of the application; ANY where a mapping names no method. */
    private static Set<String> servedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : app.beans(RequestMappingInfoHandlerMapping.class)) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
                if (methods.isEmpty()) {
                    methods.add("ANY");
                }
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(method -> endpoints.add(method + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    // ---- the calls ----

    /**
     * One request: an empty JSON object as the body of anything but a GET, any representation accepted. Only the
     * status and headers are waited for (a Server-Sent Events stream never ends); a problem body is read when there is
     * one.
     */
    private static ApiReply call(String method, String path, String user) {
        String verb = method.equals("ANY") ? "GET" : method;
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "*/*");
        if (verb.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(verb, HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8));
        }
        if (user != null) {
            String credentials = user + ":" + Api.DEMO_PASSWORD;
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        String description = verb + " " + path + " as " + (user == null ? "anonymous" : user);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            HttpHeaders headers = response.headers();
            try (InputStream body = response.body()) {
                boolean problem = headers.firstValue("Content-Type").orElse("").startsWith("application/problem+json");
                String text = problem ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : "";
                return new ApiReply(description, response.statusCode(), headers, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(description, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(description, e);
        }
    }
}
