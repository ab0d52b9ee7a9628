package com.complaintcase.standalone;

import java.util.concurrent.atomic.AtomicInteger;

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

    private static final AtomicInteger CLOSED_CASES = new AtomicInteger();

    private final Api api;

    Given(Api api) {
        this.api = api;
    }

    String aRegisteredCase() {
        return aRegisteredCase(aRegistration());
    }

    private String aRegisteredCase(Registration registration) {
        ApiReply reply = api.as("intake1").register(registration.body());
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.complaintId();
    }

    String aCaseHandledBy(String handler) {
        return aCaseHandledBy(handler, aRegistration());
    }

    private String aCaseHandledBy(String handler, Registration registration) {
        String id = aRegisteredCase(registration);
        ok(api.as("supervisor1").command(id, "review", acceptedReview("BRANCH")));
        ok(api.as("supervisor1").command(id, "assign", assignmentTo(handler)));
        return id;
    }

    /** In progress with handler1, contacted and with findings: ready for a resolution. */
    String aCaseReadyForResolution() {
        return aCaseReadyForResolutionBy("handler1", Api.DEMO_PASSWORD);
    }

    String aCaseReadyForResolutionBy(String handler, String password) {
        return aCaseReadyForResolutionBy(handler, password, aRegistration());
    }

    private String aCaseReadyForResolutionBy(String handler, String password, Registration registration) {
        String id = aCaseHandledBy(handler, registration);
        ok(api.as(handler).withPassword(password).command(id, "contacts", contactByPhone()));
        ok(api.as(handler).withPassword(password).command(id, "findings", findings()));
        return id;
    }

    /** The customer accepted a resolution without compensation. */
    String aResolvedCase() {
        return aResolvedCase(aRegistration());
    }

    private String aResolvedCase(Registration registration) {
        String id = aCaseReadyForResolutionBy("handler1", Api.DEMO_PASSWORD, registration);
        ok(api.as("handler1").command(id, "resolution", resolutionWithoutCompensation()));
        ok(api.as("handler1").command(id, "customer-response", customerResponse(true)));
        return id;
    }

    /**
     * Of a customer of its own, at a branch of its own: the default customer's later complaints about the same
     * matter would otherwise be repeat complaints, escalated as they are registered.
     */
    String aClosedCase() {
        int n = CLOSED_CASES.incrementAndGet();
        String id = aResolvedCase(aRegistration().forCustomer("C-CLOSED-" + n, "Zhao Lei", null, null)
                .atBranch("BR-CLOSED-" + n));
        ok(api.as("handler1").command(id, "close", closing()));
        return id;
    }

    static ApiReply ok(ApiReply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply;
    }
}
