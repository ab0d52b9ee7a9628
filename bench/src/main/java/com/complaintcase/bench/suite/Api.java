package com.complaintcase.bench.suite;

import com.complaintcase.workload.CaseScript;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** The app's HTTP API as the suite uses it: demo users (password {@code demo}), JSON in and out. */
final class Api {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Api(String url) {
        this.base = URI.create(url);
    }

    HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth(user))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    String read(String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, user);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Ten minutes at most: a replay answers once the projection's tables are wiped, which takes a while at size. */
    HttpResponse<String> post(String path, String user, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth(user))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> register(CaseScript script, String branchOverride) throws IOException, InterruptedException {
        return post("/api/complaints", "intake1", registration(script, branchOverride));
    }

    /** The head of the event store: the highest global index the cases projection reports. */
    long headPosition() throws IOException, InterruptedException {
        return Json.read(read("/api/admin/projections/cases", "compliance1")).path("total").asLong();
    }

    static String registration(CaseScript script, String branchOverride) {
        String remedyAmount = script.requestedRemedy().amount() == null ? ""
                : ",\"amount\":{\"amount\":\"" + script.requestedRemedy().amount().amount().toPlainString()
                + "\",\"currency\":\"" + script.requestedRemedy().amount().currency() + "\"}";
        // receipt within the entry limit: the suite measures registration, not late entry
        Instant received = Instant.now().minus(script.receivedBefore().toMinutes() % (20 * 60), ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.MILLIS);
        return """
                {"complaintId":"%s","receivedAt":"%s","channel":"%s","branchCode":"%s",
                 "customer":{"customerId":"%s","name":"%s","phone":"%s","email":"%s"},
                 "category":"%s","subcategory":"%s","rootIssue":"%s","description":"%s",
                 "requestedRemedy":{"type":"%s"%s},
                 "flags":{"mediaThreat":%s,"vulnerableCustomer":%s,"skippedLevel":%s,"incidentCode":%s}}
                """.formatted(script.complaintId().value(), received, script.channel(),
                branchOverride == null ? script.branchCode().value() : branchOverride,
                script.customer().customerId().value(), script.customer().name(), script.customer().phone(),
                script.customer().email(), script.category(), script.subcategory(), script.rootIssue(),
                script.description(), script.requestedRemedy().type(), remedyAmount,
                script.flags().mediaThreat(), script.flags().vulnerableCustomer(), script.flags().skippedLevel(),
                script.flags().incidentCode() == null ? "null" : "\"" + script.flags().incidentCode() + "\"");
    }

    private static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
