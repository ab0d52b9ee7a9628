package com.complaintcase.standalone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;

/** What the service answered: status, headers and the body (parsed as JSON on demand). */
record ApiReply(String request, int status, HttpHeaders headers, String body) {

    JsonNode json() {
        try {
            return JsonBody.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + this, e);
        }
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String etag() {
        return header("ETag");
    }

    long version() {
        return json().path("version").asLong(-1);
    }

    String complaintId() {
        return json().path("complaintId").asText(null);
    }

    @Override
    public String toString() {
        return request + " -> " + status + " " + body;
    }
}
