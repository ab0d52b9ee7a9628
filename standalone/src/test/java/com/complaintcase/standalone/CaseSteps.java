package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static com.complaintcase.standalone.CommandBodies.acceptedReview;
import static com.complaintcase.standalone.CommandBodies.assignmentTo;
import static com.complaintcase.standalone.CommandBodies.contactByPhoneAt;
import static com.complaintcase.standalone.CommandBodies.customerResponse;
import static com.complaintcase.standalone.CommandBodies.findings;
import static com.complaintcase.standalone.CommandBodies.resolutionWithoutCompensation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives cases over the command API on the test's clock, remembering each case's latest version (what
 * the projections must eventually show), and waits for the query side to catch up.
 */
final class CaseSteps {

    private final Api api;
    private final MutableClock clock;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    CaseSteps(Api api, MutableClock clock) {
        this.api = api;
        this.clock = clock;
    }

    String register(String user, Registration registration) {
        ApiReply reply = api.as(user).register(registration.body());
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        versions.put(reply.complaintId(), reply.version());
        return reply.complaintId();
    }

    ApiReply step(String user, String complaintId, String action, JsonBody body) {
        ApiReply reply = api.as(user).command(complaintId, action, body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        versions.put(complaintId, reply.version());
        return reply;
    }

    /** Accepted at {@code level} by supervisor1. */
    void accept(String complaintId, String level) {
        step("supervisor1", complaintId, "review", acceptedReview(level));
    }

    /** Accepted at {@code level} and assigned to {@code handler} by supervisor1. */
    void acceptAndAssign(String complaintId, String level, String handler) {
        accept(complaintId, level);
        step("supervisor1", complaintId, "assign", assignmentTo(handler));
    }

    /** The handler phones the customer now (on the test's clock). */
    void contact(String handler, String complaintId) {
        step(handler, complaintId, "contacts", contactByPhoneAt(clock.instant()));
    }

    /** Contacted, findings, a resolution without compensation, and the customer accepts: RESOLVED. */
    void resolve(String handler, String complaintId) {
        contact(handler, complaintId);
        step(handler, complaintId, "findings", findings());
        step(handler, complaintId, "resolution", resolutionWithoutCompensation());
        step(handler, complaintId, "customer-response", customerResponse(true));
    }

    long version(String complaintId) {
        return versions.get(complaintId);
    }

    Map<String, Long> versions() {
        return Map.copyOf(versions);
    }

    /**
     * Waits until both projections have processed every event in the store (their positions reach the
     * head of the event stream), as the projection administration endpoint reports it.
     */
    void awaitProjectionsCaughtUp() {
        for (String projection : new String[] {"cases", "metrics", "statistics"}) {
            Eventually.await("projection " + projection + " reaches the head of the event store",
                    () -> api.as("compliance1").get("/api/admin/projections/" + projection),
                    reply -> {
                        if (reply.status() != 200) {
                            return false;
                        }
                        JsonNode progress = reply.json();
                        return progress.path("total").asLong() > 0
                                && progress.path("processed").asLong() == progress.path("total").asLong();
                    });
        }
    }

    /** The case as the projection shows it, once it shows the latest version this test produced. */
    JsonNode awaitCase(String user, String complaintId) {
        long expected = version(complaintId);
        return Eventually.await("case " + complaintId + " projected at version " + expected,
                () -> api.as(user).get("/api/cases/" + complaintId),
                reply -> reply.status() == 200 && reply.json().path("version").asLong() == expected).json();
    }
}
