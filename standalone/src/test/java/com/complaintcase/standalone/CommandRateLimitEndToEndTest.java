package com.complaintcase.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static com.complaintcase.standalone.CommandBodies.acceptedReview;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code complaints.http.rate-limit.commands-per-second=0.01} (one command per 100 s, a burst of 1) on the test's
 * clock: a user's second command within the interval is refused, another user's is not, and once the clock has moved
 * on by the interval one is admitted again.
 */
class CommandRateLimitEndToEndTest {

    private static final MutableClock clock = new MutableClock();

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static Api api;

    @BeforeAll
    static void startWithOneCommandPerHundredSeconds() {
        app = RunningApplication.start(dataDir, clock, "--complaints.http.rate-limit.commands-per-second=0.01");
        api = app.api();
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void a_users_command_beyond_the_rate_is_refused_429_with_retry_after_and_changes_nothing() {
        clock.advance(Duration.ofMinutes(5));
        ApiReply first = api.as("intake1").register(aRegistration().withNewId().body());
        assertThat(first.status()).as("%s", first).isEqualTo(201);

        Registration second = aRegistration().withNewId();
        ApiReply refused = api.as("intake1").register(second.body());

        assertProblem(refused, 429, "TOO_MANY_REQUESTS");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).as("seconds until the next token").isBetween(1, 100);
        assertThat(app.eventCount(second.id())).isZero();
    }

    @Test
    void another_users_commands_are_not_counted_against_the_first() {
        clock.advance(Duration.ofMinutes(5));
        ApiReply registered = api.as("intake1").register(aRegistration().withNewId().body());
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        assertThat(api.as("intake1").register(aRegistration().withNewId().body()).status()).isEqualTo(429);

        ApiReply reviewed = api.as("supervisor1").command(registered.complaintId(), "review",
                acceptedReview("BRANCH"));
        assertThat(reviewed.status()).as("%s", reviewed).isEqualTo(200);
    }

    @Test
    void once_the_interval_has_passed_the_user_may_send_a_command_again() {
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.as("intake1").register(aRegistration().withNewId().body()).status()).isEqualTo(201);
        assertThat(api.as("intake1").register(aRegistration().withNewId().body()).status()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(100));

        ApiReply again = api.as("intake1").register(aRegistration().withNewId().body());
        assertThat(again.status()).as("%s", again).isEqualTo(201);
    }
}
