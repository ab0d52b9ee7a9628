package com.complaintcase.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A real HTTP client of the running service, speaking as one of the demo users. */
final class Api {

    static final String DEMO_PASSWORD = "e2e-secret";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    Caller as(String user) {
        return new Caller(this, user, DEMO_PASSWORD, null, null, null);
    }

    Caller anonymous() {
        return new Caller(this, null, null, null, null, null);
    }

    /** A caller presenting a bearer token (production mode) instead of HTTP Basic credentials. */
    Caller bearer(String token) {
        return new Caller(this, "bearer", null, null, null, token);
    }

    /** One caller with optional request headers; immutable, so a header never leaks into the next request. */
    record Caller(Api api, String user, String password, String ifMatch, String correlationId, String token) {

        Caller withPassword(String password) {
            return new Caller(api, user, password, ifMatch, correlationId, token);
        }

        Caller ifMatch(long version) {
            return ifMatchHeader("\"" + version + "\"");
        }

        Caller ifMatchHeader(String raw) {
            return new Caller(api, user, password, raw, correlationId, token);
        }

        Caller correlationId(String id) {
            return new Caller(api, user, password, ifMatch, id, token);
        }

        ApiReply register(Object body) {
            return post("/api/complaints", body);
        }

        /** {@code POST /api/complaints/{id}/{action}}. */
        ApiReply command(String complaintId, String action, Object body) {
            return post("/api/complaints/" + complaintId + "/" + action, body);
        }

        /** {@code body}: a {@link JsonBody}, a raw string sent as it is, or null for an empty body. */
        ApiReply post(String path, Object body) {
            String text = body == null ? "" : body.toString();
            HttpRequest.Builder request = api.request(path, this)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            return api.send(request.build(), "POST " + path + " as " + user + " " + text);
        }

        ApiReply get(String path) {
            return api.send(api.request(path, this).GET().build(), "GET " + path + " as " + user);
        }

        /** A GET asking for another representation than JSON, e.g. {@code text/csv}. */
        ApiReply get(String path, String accept) {
            return api.send(api.request(path, this).setHeader("Accept", accept).GET().build(),
                    "GET " + path + " (" + accept + ") as " + user);
        }

        /** Opens a Server-Sent Events stream; close it when done. */
        ServerSentEvents events(String path) {
            HttpRequest request = api.request(path, this).setHeader("Accept", "text/event-stream").GET().build();
            return ServerSentEvents.open(api.http, request, "GET " + path + " as " + user);
        }
    }

    private HttpRequest.Builder request(String path, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (caller.token() != null) {
            request.header("Authorization", "Bearer " + caller.token());
        } else if (caller.user() != null) {
            String credentials = caller.user() + ":" + caller.password();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (caller.ifMatch() != null) {
            request.header("If-Match", caller.ifMatch());
        }
        if (caller.correlationId() != null) {
            request.header("X-Correlation-Id", caller.correlationId());
        }
        return request;
    }

    private ApiReply send(HttpRequest request, String description) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiReply(description, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(description, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(description, e);
        }
    }
}
