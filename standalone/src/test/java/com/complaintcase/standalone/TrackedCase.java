package com.complaintcase.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case as the test has driven it: its id, the version the service last answered, and the events
 * (type and acting user) each accepted command should have recorded, in order. An event the system records
 * by itself within a user's command ({@link #bySystem}) carries the system as its actor, and the audit
 * metadata of the user whose command caused it.
 */
final class TrackedCase {

    /** The demo users' roles, as configured in the platform's security properties. */
    static final Map<String, String> ROLES = Map.of(
            "intake1", "INTAKE",
            "handler1", "HANDLER",
            "handler2", "HANDLER",
            "supervisor1", "SUPERVISOR",
            "supervisor2", "SUPERVISOR",
            "compliance1", "COMPLIANCE",
            "regulator1", "REGULATOR",
            "analyst1", "ANALYST");

    /**
     * An expected event: its type, the user and role in its audit metadata (whose command caused it), its
     * correlation id if the test chose one, and the actor its payload names ({@code by}).
     */
    record ExpectedEvent(Class<?> type, String userId, String role, String correlationId, String byUserId, String byRole) {
    }

    /** An event the system records by itself in the course of a user's command, such as an automatic escalation. */
    record BySystem(Class<?> type) {
    }

    static BySystem bySystem(Class<?> type) {
        return new BySystem(type);
    }

    private final String id;
    private long version;
    private final List<ExpectedEvent> events = new ArrayList<>();

    private TrackedCase(String id, long version) {
        this.id = id;
        this.version = version;
    }

    /** Checks a 201 registration answer and starts tracking the case it created. */
    static TrackedCase registered(ApiReply reply, String user, Object... expectedEvents) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        String id = reply.complaintId();
        assertThat(id).as("complaintId of %s", reply).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(reply.header("Location")).as("Location of %s", reply).endsWith("/api/cases/" + id);
        TrackedCase tracked = new TrackedCase(id, -1);
        tracked.accepted(reply, user, 201, null, expectedEvents);
        return tracked;
    }

    /**
     * Checks an accepted command's answer: status, {@code ETag: "<version>"}, body {@code {complaintId,
     * version}} and a version that moved on by exactly the number of events the command records. Each expected
     * event is its type ({@code Class}) or, when the system records it, {@link #bySystem}.
     */
    void accepted(ApiReply reply, String user, int status, String correlationId, Object... expectedEvents) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.complaintId()).as("complaintId of %s", reply).isEqualTo(id);
        long expectedVersion = version + expectedEvents.length;
        assertThat(reply.version()).as("version of %s", reply).isEqualTo(expectedVersion);
        assertThat(reply.etag()).as("ETag of %s", reply).isEqualTo("\"" + expectedVersion + "\"");
        assertThat(reply.json().size()).as("fields of %s", reply).isEqualTo(2);
        version = expectedVersion;
        for (Object expected : expectedEvents) {
            if (expected instanceof BySystem system) {
                events.add(new ExpectedEvent(system.type(), user, ROLES.get(user), correlationId, "system", "SYSTEM"));
            } else {
                events.add(new ExpectedEvent((Class<?>) expected, user, ROLES.get(user), correlationId, user, ROLES.get(user)));
            }
        }
    }

    String id() {
        return id;
    }

    long version() {
        return version;
    }

    List<ExpectedEvent> expectedEvents() {
        return List.copyOf(events);
    }
}
