package com.complaintcase.standalone;

import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.EvidenceAttached;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands sent at the same moment, released together by a start gate: whichever wins the race, every other
 * caller gets the answer it would have got a moment later (the resend's 201, a 409, a 412), never a 500, and the
 * store holds the events of the winners only.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RacingCommandsEndToEndTest {

    private static final int RACERS = 30;

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static Api api;
    private static Given given;

    @BeforeAll
    static void startTheApplication() {
        app = RunningApplication.start(dataDir);
        api = app.api();
        given = new Given(api);
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void identical_registrations_racing_all_answer_as_the_resend_does() {
        Registration registration = aRegistration().withNewId();
        JsonBody body = registration.body();

        List<ApiReply> replies = race(RACERS, n -> () -> api.as("intake1").register(body));
        ApiReply resend = api.as("intake1").register(body);

        assertThat(resend.status()).as("%s", resend).isEqualTo(201);
        for (ApiReply reply : replies) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            assertThat(reply.body()).as("%s", reply).isEqualTo(resend.body());
            assertThat(reply.etag()).as("%s", reply).isEqualTo(resend.etag());
            assertThat(reply.header("Location")).as("%s", reply).isEqualTo(resend.header("Location"));
        }
        assertThat(resend.complaintId()).isEqualTo(registration.id());
        assertThat(payloadTypes(registration.id())).containsExactly(ComplaintRegistered.class);
    }

    @Test
    void registrations_racing_under_one_id_with_different_bodies_register_one_and_refuse_the_rest_with_409() {
        Registration registration = aRegistration().withNewId();
        List<JsonBody> bodies = new ArrayList<>();
        for (int n = 0; n < RACERS; n++) {
            bodies.add(registration.describedAs("The annual card fee was deducted " + (n + 2) + " times.").body());
        }

        List<ApiReply> replies = race(RACERS, n -> () -> api.as("intake1").register(bodies.get(n)));

        List<ApiReply> registered = replies.stream().filter(reply -> reply.status() == 201).toList();
        assertThat(registered).as("%s", replies).hasSize(1);
        assertThat(registered.get(0).complaintId()).isEqualTo(registration.id());
        replies.stream().filter(reply -> reply.status() != 201)
                .forEach(reply -> assertProblem(reply, 409, "DUPLICATE_COMPLAINT_ID"));
        assertThat(payloadTypes(registration.id())).containsExactly(ComplaintRegistered.class);
    }

    @Test
    void commands_racing_on_one_case_with_the_same_if_match_let_one_win_and_refuse_the_rest_with_412() {
        String id = given.aCaseHandledBy("handler1");
        long version = app.eventCount(id) - 1;

        List<ApiReply> replies = race(RACERS, n -> () ->
                api.as("handler1").ifMatch(version).command(id, "evidence", evidence()));

        List<ApiReply> applied = replies.stream().filter(reply -> reply.status() == 200).toList();
        assertThat(applied).as("%s", replies).hasSize(1);
        assertThat(applied.get(0).version()).isEqualTo(version + 1);
        replies.stream().filter(reply -> reply.status() != 200)
                .forEach(reply -> assertProblem(reply, 412, "VERSION_MISMATCH"));
        assertThat(app.eventCount(id)).isEqualTo(version + 2);
    }

    @Test
    void commands_racing_on_one_case_without_if_match_are_each_applied_to_the_state_the_others_left() {
        String id = given.aCaseHandledBy("handler1");
        int before = app.eventCount(id);

        List<ApiReply> replies = race(RACERS, n -> () -> api.as("handler1").command(id, "evidence", evidence()));

        replies.forEach(reply -> assertThat(reply.status()).as("%s", reply).isEqualTo(200));
        assertThat(replies.stream().map(ApiReply::version).distinct()).hasSize(RACERS);
        List<Class<?>> types = payloadTypes(id);
        assertThat(types).hasSize(before + RACERS);
        assertThat(types.subList(before, types.size())).containsOnly(EvidenceAttached.class);
    }

    /** Runs {@code racers} requests on as many threads, all released at once; answers their replies in order. */
    private static List<ApiReply> race(int racers, IntFunction<Supplier<ApiReply>> request) {
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch ready = new CountDownLatch(racers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiReply>> replies = new ArrayList<>();
            for (int n = 0; n < racers; n++) {
                Supplier<ApiReply> send = request.apply(n);
                replies.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return untilNotBusy(send);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("all racers at the start").isTrue();
            go.countDown();
            List<ApiReply> answered = new ArrayList<>();
            for (Future<ApiReply> reply : replies) {
                answered.add(reply.get(60, TimeUnit.SECONDS));
            }
            return answered;
        } catch (Exception e) {
            throw new AssertionError("the race did not finish", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * A racer that finds every body-reading place taken (503 SERVER_BUSY, complaints.http.max-body-readers) sends
     * again, as a client is told to: it still races with the same If-Match and body.
     */
    private static ApiReply untilNotBusy(Supplier<ApiReply> send) throws InterruptedException {
        ApiReply reply = send.get();
        for (int attempt = 0; attempt < 500 && reply.status() == 503 && reply.body().contains("SERVER_BUSY"); attempt++) {
            Thread.sleep(10);
            reply = send.get();
        }
        return reply;
    }

    private static List<Class<?>> payloadTypes(String complaintId) {
        return app.events(complaintId).stream().<Class<?>>map(DomainEventMessage::getPayloadType).toList();
    }
}
