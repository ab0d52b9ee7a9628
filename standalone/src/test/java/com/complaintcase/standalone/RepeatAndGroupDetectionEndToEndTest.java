package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.complaintcase.standalone.CommandBodies.acceptedReview;
import static com.complaintcase.standalone.CommandBodies.assignmentTo;
import static com.complaintcase.standalone.CommandBodies.closing;
import static com.complaintcase.standalone.CommandBodies.contactByPhone;
import static com.complaintcase.standalone.CommandBodies.customerResponse;
import static com.complaintcase.standalone.CommandBodies.findings;
import static com.complaintcase.standalone.CommandBodies.resolutionWithoutCompensation;
import static com.complaintcase.standalone.Given.ok;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeat and group complaints over HTTP (domain brief, section 5): the command side's lookup of related cases is
 * kept in the transaction of each command, so the very next registration sees the case just registered or closed,
 * and the system escalates a repeat or a group complaint as it is registered, in its history.
 */
class RepeatAndGroupDetectionEndToEndTest {

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static Api api;

    @BeforeAll
    static void startTheApplication() {
        app = RunningApplication.start(dataDir);
        api = app.api();
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_lookup_of_related_complaints_is_kept_by_a_subscribing_processor_in_the_commands_transaction() {
        assertThat(app.bean(EventProcessingConfiguration.class)
                .eventProcessor("complaint-lookup", SubscribingEventProcessor.class)).isPresent();
    }

    @Test
    void a_new_complaint_of_a_customer_about_the_subcategory_of_their_recently_closed_case_is_escalated_as_a_repeat() {
        Registration complaint = aRegistration().atBranch("BR-0808")
                .forCustomer("C-8801", "Wang Fang", "+86 139 0000 8801", "wang.fang@example.cn");
        String closed = aClosedCase(complaint);

        ApiReply again = api.as("intake1").register(complaint.body());

        assertThat(again.status()).as("%s", again).isEqualTo(201);
        assertThat(again.version()).as("registered, then escalated by the system: %s", again).isEqualTo(1);
        JsonNode escalated = escalationInHistoryOf(again.complaintId());
        assertThat(escalated.path("reason").asText()).isEqualTo("REPEAT_COMPLAINT");
        assertThat(escalated.path("by").path("userId").asText()).isEqualTo("system");
        assertThat(escalated.path("fromLevel").asText()).isEqualTo("BRANCH");
        assertThat(escalated.path("toLevel").asText()).isEqualTo("FIRST_LEVEL_BRANCH");
        assertThat(escalated.path("note").asText()).contains("REPEAT_COMPLAINT", closed, "WRONG_FEE", "90 days");
    }

    @Test
    void the_third_different_customer_about_the_same_subcategory_at_the_same_branch_makes_a_group_complaint() {
        List<ApiReply> registrations = new ArrayList<>();
        for (int customer = 1; customer <= 3; customer++) {
            Registration complaint = aRegistration().atBranch("BR-0909")
                    .classifiedAs("PERSONNEL_SERVICE", "POOR_ATTITUDE", "SERVICE_ATTITUDE")
                    .forCustomer("C-890" + customer, "Customer " + customer, null, null);
            ApiReply reply = api.as("intake1").register(complaint.body());
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            registrations.add(reply);
        }

        assertThat(registrations.get(0).version()).as("the first customer alone").isEqualTo(0);
        assertThat(registrations.get(1).version()).as("two customers are no group").isEqualTo(0);
        assertThat(registrations.get(2).version()).as("the third is escalated on registration").isEqualTo(1);
        JsonNode escalated = escalationInHistoryOf(registrations.get(2).complaintId());
        assertThat(escalated.path("reason").asText()).isEqualTo("GROUP_COMPLAINT");
        assertThat(escalated.path("by").path("userId").asText()).isEqualTo("system");
        assertThat(escalated.path("note").asText()).contains("3 customers about POOR_ATTITUDE at BR-0909");
    }

    /** Registered, accepted at branch level, handled by handler1, resolved and closed. */
    private static String aClosedCase(Registration complaint) {
        ApiReply registered = api.as("intake1").register(complaint.body());
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String id = registered.complaintId();
        ok(api.as("supervisor1").command(id, "review", acceptedReview("BRANCH")));
        ok(api.as("supervisor1").command(id, "assign", assignmentTo("handler1")));
        ok(api.as("handler1").command(id, "contacts", contactByPhone()));
        ok(api.as("handler1").command(id, "findings", findings()));
        ok(api.as("handler1").command(id, "resolution", resolutionWithoutCompensation()));
        ok(api.as("handler1").command(id, "customer-response", customerResponse(true)));
        ok(api.as("handler1").command(id, "close", closing()));
        return id;
    }

    /** The payload of the case's escalation, once the history (a projection) shows it. */
    private static JsonNode escalationInHistoryOf(String complaintId) {
        JsonNode history = Eventually.await("the escalation in the history of " + complaintId,
                () -> api.as("compliance1").get("/api/cases/" + complaintId + "/history"),
                reply -> reply.status() == 200 && escalation(reply.json()) != null).json();
        assertThat(history.get(0).path("type").asText()).isEqualTo("ComplaintRegistered");
        assertThat(history.get(1).path("type").asText()).isEqualTo("ComplaintEscalated");
        return escalation(history);
    }

    private static JsonNode escalation(JsonNode history) {
        for (JsonNode entry : history) {
            if (entry.path("type").asText().equals("ComplaintEscalated")) {
                return entry.path("payload");
            }
        }
        return null;
    }
}
