package com.complaintcase.standalone;

import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.values.SlaClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static com.complaintcase.standalone.CommandBodies.contactByPhoneAt;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA clocks as real deadlines, end to end: the application, its deadline store (db-scheduler, table
 * {@code scheduled_tasks}, polled every half second) included, runs on the test's clock, and a test moves that
 * clock past a due time instead of waiting for it, so nothing depends on how fast the machine is. A case nobody
 * contacts is breached and escalated by the system when its deadline fires; a case contacted in time is met and
 * never breached; a deadline scheduled before a restart still fires after it. Each test prints how long the breach
 * took to be recorded and to reach the views.
 */
class SlaDeadlineEndToEndTest {

    /** How long a test waits, at most, for a breach after the clock passed its due time. */
    private static final Duration BREACH_WAIT = Duration.ofSeconds(15);
    private static final Duration FIRST_CONTACT_LIMIT = Duration.ofHours(1);
    private static final String FIRST_CONTACT = "--complaints.policy.bank-internal.first-contact-limit=" + FIRST_CONTACT_LIMIT;
    private static final String FAST_POLLING = "--complaints.deadlines.polling-interval=PT0.5S";

    @Test
    void a_case_left_alone_is_breached_and_escalated_by_the_system_and_a_case_contacted_in_time_is_never_breached(
            @TempDir Path dataDir) {
        MutableClock clock = new MutableClock();
        try (RunningApplication app = RunningApplication.startWithDeadlinesOn(dataDir, clock, FIRST_CONTACT, FAST_POLLING)) {
            Api api = app.api();

            // contacted in time: the intake agent records a contact straight after the registration
            String contacted = register(api);
            Instant contactedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ApiReply contact = api.as("intake1").command(contacted, "contacts", contactByPhoneAt(contactedAt));
            assertThat(contact.status()).as("%s", contact).isEqualTo(200);
            assertThat(contact.version()).as("CustomerContacted and DeadlineMet (in time): %s", contact)
                    .isEqualTo(2);
            DeadlineSet contactedClock = deadline(app, contacted, SlaClock.FIRST_CONTACT);
            assertThat(scheduledTask(app, contactedClock.deadlineId())).as("the met deadline is cancelled").isFalse();

            // left alone
            String neglected = register(api);
            DeadlineSet firstContact = deadline(app, neglected, SlaClock.FIRST_CONTACT);
            DeadlineSet resolution = deadline(app, neglected, SlaClock.RESOLUTION);
            assertThat(Duration.between(registeredAt(app, neglected), firstContact.dueAt())).isEqualTo(FIRST_CONTACT_LIMIT);
            assertThat(scheduledTask(app, firstContact.deadlineId())).as("scheduled in the deadline store").isTrue();
            assertThat(scheduledTask(app, resolution.deadlineId())).isTrue();

            movePast(clock, firstContact.dueAt());
            BreachTimes times = awaitBreachInAllViews(api, clock, neglected, firstContact.dueAt());
            times.print("left alone, first-contact limit " + FIRST_CONTACT_LIMIT);

            // the history: the breach and the escalation, both by the system, caused by the deadline
            JsonNode history = history(api, neglected);
            assertThat(types(history)).containsExactly("ComplaintRegistered", "DeadlineBreached", "ComplaintEscalated");
            JsonNode breach = history.get(1);
            assertThat(breach.path("actor").path("userId").asText()).isEqualTo("system");
            assertThat(breach.path("actor").path("role").asText()).isEqualTo("SYSTEM");
            assertThat(breach.path("payload").path("clock").asText()).isEqualTo("FIRST_CONTACT");
            assertThat(breach.path("payload").path("deadlineId").asText()).isEqualTo(firstContact.deadlineId());
            assertThat(instant(breach.path("payload").path("dueAt"))).isEqualTo(firstContact.dueAt());
            assertThat(instant(breach.path("payload").path("breachedAt"))).as("breached at the due time")
                    .isEqualTo(firstContact.dueAt());
            assertThat(breach.path("payload").path("by").path("userId").asText()).isEqualTo("system");
            assertThat(instant(breach.path("recordedAt"))).as("recorded once the deadline fired")
                    .isAfterOrEqualTo(firstContact.dueAt());
            JsonNode escalation = history.get(2);
            assertThat(escalation.path("actor").path("userId").asText()).isEqualTo("system");
            assertThat(escalation.path("payload").path("reason").asText()).isEqualTo("SLA_BREACH");
            assertThat(escalation.path("payload").path("fromLevel").asText()).isEqualTo("BRANCH");
            assertThat(escalation.path("payload").path("toLevel").asText()).isEqualTo("FIRST_LEVEL_BRANCH");
            assertThat(escalation.path("payload").path("by").path("userId").asText()).isEqualTo("system");
            assertThat(breach.path("correlationId").asText()).as("the conversation the registration started")
                    .isEqualTo(history.get(0).path("correlationId").asText());
            assertThat(breach.path("causationId").asText()).as("caused by the deadline, not by the registration")
                    .isNotBlank()
                    .isNotEqualTo(history.get(0).path("causationId").asText())
                    .isEqualTo(escalation.path("causationId").asText());

            // the case view: breached at the due time, one level up
            JsonNode view = caseView(api, neglected);
            assertThat(view.path("level").asText()).isEqualTo("FIRST_LEVEL_BRANCH");
            assertThat(view.path("status").asText()).isEqualTo("REGISTERED");
            JsonNode firstContactView = deadline(view, "FIRST_CONTACT");
            assertThat(firstContactView.path("state").asText()).isEqualTo("BREACHED");
            assertThat(instant(firstContactView.path("breachedAt"))).isEqualTo(firstContact.dueAt());
            assertThat(firstContactView.path("metAt").isNull()).as("%s", firstContactView).isTrue();
            assertThat(deadline(view, "RESOLUTION").path("state").asText()).isEqualTo("RUNNING");
            assertThat(view.path("escalations")).hasSize(1);
            assertThat(view.path("escalations").get(0).path("reason").asText()).isEqualTo("SLA_BREACH");
            assertThat(view.path("escalations").get(0).path("escalatedBy").asText()).isEqualTo("system");

            // the overdue list
            JsonNode overdue = overdueItem(api, neglected);
            assertThat(overdue).as("overdue list entry of %s", neglected).isNotNull();
            assertThat(overdue.path("deadline").asText()).isEqualTo("FIRST_CONTACT");
            assertThat(instant(overdue.path("dueAt"))).isEqualTo(firstContact.dueAt());

            // the deadline fired once, and is gone from the store; the resolution one is still there
            assertThat(scheduledTask(app, firstContact.deadlineId())).isFalse();
            assertThat(scheduledTask(app, resolution.deadlineId())).isTrue();
            awaitALaterDeadline(api, app, clock);
            assertThat(types(history(api, neglected))).as("polls later, still one breach")
                    .containsExactly("ComplaintRegistered", "DeadlineBreached", "ComplaintEscalated");

            // the case contacted in time, long past its own due time: met, never breached, not overdue
            assertThat(clock.instant()).isAfter(contactedClock.dueAt().plusSeconds(2));
            assertThat(types(history(api, contacted))).containsExactly("ComplaintRegistered", "CustomerContacted", "DeadlineMet");
            JsonNode contactedView = Eventually.await("case " + contacted + " projected at version 2",
                    () -> caseView(api, contacted), v -> v.path("version").asLong() == 2);
            JsonNode met = deadline(contactedView, "FIRST_CONTACT");
            assertThat(met.path("state").asText()).isEqualTo("MET");
            assertThat(instant(met.path("metAt"))).isEqualTo(contactedAt);
            assertThat(met.path("breachedAt").isNull()).as("%s", met).isTrue();
            assertThat(contactedView.path("level").asText()).isEqualTo("BRANCH");
            assertThat(contactedView.path("escalations")).isEmpty();
            assertThat(overdueItem(api, contacted)).as("a met clock is not overdue").isNull();

            // the neglected case contacted late: the breach stays, the clock is done, no longer overdue
            Instant lateContact = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ApiReply late = api.as("intake1").command(neglected, "contacts", contactByPhoneAt(lateContact));
            assertThat(late.status()).as("%s", late).isEqualTo(200);
            assertThat(late.version()).as("CustomerContacted and DeadlineMet: %s", late).isEqualTo(4);
            assertThat(types(history(api, neglected))).containsExactly("ComplaintRegistered", "DeadlineBreached",
                    "ComplaintEscalated", "CustomerContacted", "DeadlineMet");
            JsonNode doneLate = deadline(Eventually.await("case " + neglected + " projected at version 4",
                    () -> caseView(api, neglected), v -> v.path("version").asLong() == 4), "FIRST_CONTACT");
            assertThat(doneLate.path("state").asText()).isEqualTo("BREACHED");
            assertThat(instant(doneLate.path("breachedAt"))).isEqualTo(firstContact.dueAt());
            assertThat(instant(doneLate.path("metAt"))).isEqualTo(lateContact).isAfter(firstContact.dueAt());
            assertThat(overdueItem(api, neglected)).as("done late: no longer overdue").isNull();

            // what the deadline recorded (by the system) is chained with what users recorded before and after it
            JsonNode verification = api.as("compliance1").get("/api/cases/" + neglected + "/verification").json();
            assertThat(verification.path("status").asText()).as("%s", verification).isEqualTo("VALID");
            assertThat(verification.path("eventsChecked").asLong()).isEqualTo(5);
        }
    }

    @Test
    void a_deadline_scheduled_before_a_restart_still_fires_after_it(@TempDir Path dataDir) {
        String id;
        DeadlineSet firstContact;
        Instant closedAt;
        MutableClock before = new MutableClock();
        try (RunningApplication first = RunningApplication.startWithDeadlinesOn(dataDir, before, FIRST_CONTACT, FAST_POLLING)) {
            id = register(first.api());
            firstContact = deadline(first, id, SlaClock.FIRST_CONTACT);
            assertThat(scheduledTask(first, firstContact.deadlineId())).isTrue();
            closedAt = before.instant();
        }
        assertThat(closedAt).as("the application was closed before the deadline fell due").isBefore(firstContact.dueAt());

        MutableClock after = new MutableClock();
        try (RunningApplication second = RunningApplication.startWithDeadlinesOn(dataDir, after, FIRST_CONTACT, FAST_POLLING)) {
            Instant startedAt = after.instant();
            Api api = second.api();
            assertThat(startedAt).as("the second application started before the deadline fell due")
                    .isBefore(firstContact.dueAt());
            movePast(after, firstContact.dueAt());
            BreachTimes times = awaitBreachInAllViews(api, after, id, firstContact.dueAt());
            times.print("restart between scheduling and firing, first-contact limit " + FIRST_CONTACT_LIMIT);

            JsonNode history = history(api, id);
            assertThat(types(history)).containsExactly("ComplaintRegistered", "DeadlineBreached", "ComplaintEscalated");
            JsonNode breach = history.get(1);
            assertThat(instant(breach.path("recordedAt"))).as("recorded by the restarted application")
                    .isAfter(closedAt);
            assertThat(breach.path("payload").path("deadlineId").asText()).isEqualTo(firstContact.deadlineId());
            assertThat(instant(breach.path("payload").path("breachedAt"))).isEqualTo(firstContact.dueAt());
            assertThat(breach.path("actor").path("userId").asText()).isEqualTo("system");

            JsonNode view = caseView(api, id);
            assertThat(view.path("level").asText()).isEqualTo("FIRST_LEVEL_BRANCH");
            assertThat(deadline(view, "FIRST_CONTACT").path("state").asText()).isEqualTo("BREACHED");
            assertThat(overdueItem(api, id)).isNotNull();
            assertThat(scheduledTask(second, firstContact.deadlineId())).isFalse();
            awaitALaterDeadline(api, second, after);
            assertThat(types(history(api, id))).as("fired once").containsExactly("ComplaintRegistered",
                    "DeadlineBreached", "ComplaintEscalated");
        }
    }

    // ---- moving time, waiting for the breach, and how long each view took ----

    /** Moves {@code clock} just past {@code dueAt}. */
    private static void movePast(MutableClock clock, Instant dueAt) {
        Duration left = Duration.between(clock.instant(), dueAt);
        clock.advance(left.isNegative() ? Duration.ZERO : left.plusMillis(1));
    }

    /**
     * Registers another case and moves the clock past its first-contact deadline, until that one has fired: the
     * deadline store has polled again since the deadlines before it fired.
     */
    private static void awaitALaterDeadline(Api api, RunningApplication app, MutableClock clock) {
        String later = register(api);
        movePast(clock, deadline(app, later, SlaClock.FIRST_CONTACT).dueAt());
        Eventually.await("the first-contact deadline of " + later + " fired", BREACH_WAIT,
                () -> types(history(api, later)), types -> types.contains("DeadlineBreached"));
    }

    /** When the deadline fell due on the test's clock, and when (on it) each view was first seen showing the breach. */
    private record BreachTimes(Instant dueAt, Instant recordedAt, Instant inHistory, Instant inCaseView, Instant inOverdueList) {

        void print(String scenario) {
            System.out.printf("[SLA deadline timing] %s: due %s; breach recorded %d ms after due;"
                            + " seen in history %d ms, in the case view (breached and escalated) %d ms, in the overdue list %d ms"
                            + " after due; breach event -> overdue view %d ms, breach event -> case view %d ms%n",
                    scenario, dueAt, millis(dueAt, recordedAt), millis(dueAt, inHistory), millis(dueAt, inCaseView),
                    millis(dueAt, inOverdueList), millis(recordedAt, inOverdueList), millis(recordedAt, inCaseView));
        }

        private static long millis(Instant from, Instant to) {
            return Duration.between(from, to).toMillis();
        }
    }

    /**
     * Polls the history, the case view and the overdue list until each shows the breach of the first-contact
     * clock and the system's escalation, within {@link #BREACH_WAIT} after the clock passed the due time.
     */
    private static BreachTimes awaitBreachInAllViews(Api api, MutableClock clock, String id, Instant dueAt) {
        Instant giveUp = clock.instant().plus(BREACH_WAIT);
        Instant inHistory = null;
        Instant inCaseView = null;
        Instant inOverdueList = null;
        JsonNode lastHistory = null;
        JsonNode lastView = null;
        while (inHistory == null || inCaseView == null || inOverdueList == null) {
            if (clock.instant().isAfter(giveUp)) {
                throw new AssertionError("not within " + BREACH_WAIT + " after the due time " + dueAt
                        + ": history " + (inHistory != null) + ", case view " + (inCaseView != null)
                        + ", overdue list " + (inOverdueList != null) + "; last history " + lastHistory
                        + "; last case view " + lastView);
            }
            if (inHistory == null) {
                lastHistory = history(api, id);
                List<String> types = types(lastHistory);
                if (types.contains("DeadlineBreached") && types.contains("ComplaintEscalated")) {
                    inHistory = clock.instant();
                }
            }
            if (inCaseView == null) {
                lastView = caseView(api, id);
                if ("FIRST_LEVEL_BRANCH".equals(lastView.path("level").asText())
                        && "BREACHED".equals(deadline(lastView, "FIRST_CONTACT").path("state").asText())
                        && lastView.path("escalations").size() == 1) {
                    inCaseView = clock.instant();
                }
            }
            if (inOverdueList == null && overdueItem(api, id) != null) {
                inOverdueList = clock.instant();
            }
            pause(Duration.ofMillis(50));
        }
        JsonNode breach = null;
        for (JsonNode entry : lastHistory) {
            if (entry.path("type").asText().equals("DeadlineBreached")) {
                breach = entry;
            }
        }
        return new BreachTimes(dueAt, instant(breach.path("recordedAt")), inHistory, inCaseView, inOverdueList);
    }

    // ---- helpers ----

    private static String register(Api api) {
        ApiReply reply = api.as("intake1").register(aRegistration().withNewId().body());
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.complaintId();
    }

    private static ComplaintRegistered registration(RunningApplication app, String id) {
        return (ComplaintRegistered) app.events(id).get(0).getPayload();
    }

    private static Instant registeredAt(RunningApplication app, String id) {
        return registration(app, id).registeredAt();
    }

    private static DeadlineSet deadline(RunningApplication app, String id, SlaClock clock) {
        return registration(app, id).deadlines().stream().filter(deadline -> deadline.clock() == clock).findFirst()
                .orElseThrow(() -> new AssertionError("no " + clock + " deadline registered for " + id));
    }

    /** Whether the deadline store holds a task for that deadline id (db-scheduler's task instance). */
    private static boolean scheduledTask(RunningApplication app, String deadlineId) {
        try (Connection connection = app.bean(DataSource.class).getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select count(*) from scheduled_tasks where task_instance = ?")) {
            select.setString(1, deadlineId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read scheduled_tasks", e);
        }
    }

    private static JsonNode history(Api api, String id) {
        ApiReply reply = api.as("compliance1").get("/api/cases/" + id + "/history");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.path("type").asText()));
        return types;
    }

    private static JsonNode caseView(Api api, String id) {
        ApiReply reply = api.as("supervisor1").get("/api/cases/" + id);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode deadline(JsonNode view, String name) {
        for (JsonNode deadline : view.path("deadlines")) {
            if (deadline.path("name").asText().equals(name)) {
                return deadline;
            }
        }
        throw new AssertionError("no deadline " + name + " in " + view);
    }

    /** The case's entry in {@code GET /api/cases/overdue}, or null when it is not listed. */
    private static JsonNode overdueItem(Api api, String id) {
        ApiReply reply = api.as("supervisor1").get("/api/cases/overdue?size=500");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        for (JsonNode item : reply.json().path("items")) {
            if (item.path("item").path("complaintId").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }

    private static Instant instant(JsonNode value) {
        return Instant.parse(value.asText());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
