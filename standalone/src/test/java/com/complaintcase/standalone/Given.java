package com.complaintcase.standalone;

import static com.complaintcase.standalone.CommandBodies.acceptedReview;
import static com.complaintcase.standalone.CommandBodies.assignmentTo;
import static com.complaintcase.standalone.CommandBodies.closing;
import static com.complaintcase.standalone.CommandBodies.contactByPhone;
import static com.complaintcase.standalone.CommandBodies.customerResponse;
import static com.complaintcase.standalone.CommandBodies.findings;
import static com.complaintcase.standalone.CommandBodies.resolutionWithoutCompensation;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/** Brings a new case into a given state over the API, so that a test can then try one bad request on it. */
final class Given {

    private final Api api;

    Given(Api api) {
        this.api = api;
    }

    String aRegisteredCase() {
        ApiReply reply = api.as("intake1").register(aRegistration().body());
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.complaintId();
    }

    String aCaseHandledBy(String handler) {
        String id = aRegisteredCase();
        ok(api.as("supervisor1").command(id, "review", acceptedReview("BRANCH")));
        ok(api.as("supervisor1").command(id, "assign", assignmentTo(handler)));
        return id;
    }

    /** In progress with handler1, contacted and with findings: ready for a resolution. */
    String aCaseReadyForResolution() {
        return aCaseReadyForResolutionBy("handler1", Api.DEMO_PASSWORD);
    }

    String aCaseReadyForResolutionBy(String handler, String password) {
        String id = aCaseHandledBy(handler);
        ok(api.as(handler).withPassword(password).command(id, "contacts", contactByPhone()));
        ok(api.as(handler).withPassword(password).command(id, "findings", findings()));
        return id;
    }

    /** The customer accepted a resolution without compensation. */
    String aResolvedCase() {
        String id = aCaseReadyForResolution();
        ok(api.as("handler1").command(id, "resolution", resolutionWithoutCompensation()));
        ok(api.as("handler1").command(id, "customer-response", customerResponse(true)));
        return id;
    }

    String aClosedCase() {
        String id = aResolvedCase();
        ok(api.as("handler1").command(id, "close", closing()));
        return id;
    }

    static ApiReply ok(ApiReply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply;
    }
}
