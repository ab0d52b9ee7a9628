package com.complaintcase.standalone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and careless clients against the running application on real sockets, on a server made small so that the
 * old behaviour shows: 4 request threads, at most 2 requests reading a body, a heartbeat every 200 ms and at most 3
 * live streams. The body stall timeout is long (60 s), so nothing here is freed by a timeout. Every wait is bounded.
 */
class AbusiveClientsEndToEndTest {

    private static final int SLOW_UPLOADS = 6;
    private static final int MAX_BODY_READERS = 2;
    private static final int MAX_STREAMS = 3;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int DECLARED_LENGTH = 60_000;

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static Api api;
    /** What the servlet container logged: a refusal is answered once, and nothing fails after it. */
    private static final ListAppender<ILoggingEvent> containerLog = new ListAppender<>();

    @BeforeAll
    static void startASmallServer() {
        app = RunningApplication.start(dataDir,
                "--server.tomcat.threads.max=4",
                "--server.tomcat.threads.min-spare=1",
                "--complaints.http.max-body-readers=" + MAX_BODY_READERS,
                "--complaints.http.body-read-timeout=PT60S",
                "--complaints.http.streams.heartbeat=PT0.2S",
                "--complaints.http.streams.max-subscribers=" + MAX_STREAMS);
        api = app.api();
        // after the start: Spring Boot sets logging up anew as the application starts
        containerLog.start();
        containerLogger().addAppender(containerLog);
    }

    @BeforeEach
    void forgetWhatEarlierTestsLogged() {
        synchronized (containerLog) {
            containerLog.list.clear();
        }
    }

    private static Logger containerLogger() {
        return (Logger) LoggerFactory.getLogger("org.apache.catalina");
    }

    private static List<String> containerErrors() {
        List<ILoggingEvent> logged;
        synchronized (containerLog) {
            logged = new ArrayList<>(containerLog.list);
        }
        return logged.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
                .toList();
    }

    @AfterAll
    static void stopTheApplication() {
        containerLogger().detachAppender(containerLog);
        if (app != null) {
            app.close();
        }
    }

    @Test
    void an_unauthenticated_upload_is_answered_401_and_its_connection_closed_without_reading_the_body() {
        List<SlowUpload> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_UPLOADS; i++) {
                // declared within complaints.http.max-body-size, so that only the missing credentials refuse it
                uploads.add(SlowUpload.start(api.base(), "/api/complaints", null, DECLARED_LENGTH));
            }
            for (SlowUpload upload : uploads) {
                SlowUpload.Answer answer = upload.answer(WAIT).orElseThrow(
                        () -> new AssertionError("no answer to an unauthenticated upload within " + WAIT));
                assertThat(answer.status()).as("%s", answer).isEqualTo(401);
                assertThat(answer.body()).contains("\"code\":\"UNAUTHENTICATED\"");
                assertThat(answer.header("Connection")).as("%s", answer).isEqualToIgnoringCase("close");
                assertThat(upload.closedByServer(Duration.ofSeconds(5)))
                        .as("the server closed the connection with 1 of %s body bytes sent", DECLARED_LENGTH).isTrue();
            }
            assertThat(api.as("analyst1").get("/api/cases/open").status())
                    .as("a normal read on 4 request threads after %s unauthenticated slow uploads", SLOW_UPLOADS)
                    .isEqualTo(200);
            assertThat(containerErrors()).as("the container's errors after the refusals").isEmpty();
        } finally {
            uploads.forEach(SlowUpload::close);
        }
    }

    @Test
    void while_more_slow_uploads_than_the_cap_hang_a_normal_read_still_answers_and_the_uploads_beyond_it_get_503() {
        List<SlowUpload> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_UPLOADS; i++) {
                uploads.add(SlowUpload.start(api.base(), "/api/complaints", "intake1", 1_000));
            }
            assertThat(api.as("analyst1").get("/api/cases/open").status())
                    .as("a normal read on 4 request threads while %s uploads hang", SLOW_UPLOADS)
                    .isEqualTo(200);

            List<SlowUpload.Answer> refused = new ArrayList<>();
            int hanging = 0;
            for (SlowUpload upload : uploads) {
                Optional<SlowUpload.Answer> answer = upload.answer(Duration.ofSeconds(2));
                if (answer.isPresent()) {
                    refused.add(answer.get());
                } else {
                    hanging++;
                }
            }
            assertThat(hanging).as("uploads still being read").isEqualTo(MAX_BODY_READERS);
            assertThat(refused).hasSize(SLOW_UPLOADS - MAX_BODY_READERS).allSatisfy(answer -> {
                assertThat(answer.status()).as("%s", answer).isEqualTo(503);
                assertThat(answer.body()).contains("\"code\":\"SERVER_BUSY\"");
                assertThat(answer.header("Retry-After")).as("%s", answer).isNotBlank();
                assertThat(answer.header("Connection")).as("%s", answer).isEqualToIgnoringCase("close");
            });
        } finally {
            uploads.forEach(SlowUpload::close);
        }
        ApiReply registered = Eventually.await("the slow uploads' places freed once they have gone", WAIT,
                () -> api.as("intake1").register(aRegistration().withNewId().body()), reply -> reply.status() != 503);
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
    }

    @Test
    void closed_stream_subscribers_are_freed_within_a_few_heartbeats() {
        awaitNoStreams();
        List<ServerSentEvents> streams = new ArrayList<>();
        for (int i = 0; i < MAX_STREAMS; i++) {
            ServerSentEvents stream = api.as("analyst1").events("/api/cases/stream");
            stream.next(WAIT);
            streams.add(stream);
        }
        assertThat(openStreams()).isEqualTo(MAX_STREAMS);

        streams.forEach(ServerSentEvents::close);

        Eventually.await("every closed subscriber freed", WAIT, AbusiveClientsEndToEndTest::openStreams,
                open -> open == 0);
        Eventually.await("no request left active", WAIT, AbusiveClientsEndToEndTest::activeRequests,
                active -> active == 0);
    }

    @Test
    void a_stream_gets_a_heartbeat_comment_line_while_nothing_changes() {
        awaitNoStreams();
        try (ServerSentEvents stream = api.as("analyst1").events("/api/cases/stream")) {
            stream.next(WAIT);
            Eventually.await("a heartbeat line", WAIT, stream::lines,
                    lines -> lines.stream().anyMatch(line -> line.startsWith(":")));
        }
    }

    @Test
    void a_stream_beyond_the_cap_is_refused_503_TOO_MANY_STREAMS_with_retry_after() {
        awaitNoStreams();
        List<ServerSentEvents> streams = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_STREAMS; i++) {
                ServerSentEvents stream = api.as("analyst1").events("/api/cases/stream");
                stream.next(WAIT);
                streams.add(stream);
            }
            ApiReply refused = api.as("analyst1").get("/api/cases/stream", "text/event-stream");
            assertProblem(refused, 503, "TOO_MANY_STREAMS");
            assertThat(refused.header("Retry-After")).isNotBlank();
        } finally {
            streams.forEach(ServerSentEvents::close);
        }
    }

    @Test
    void commands_are_never_refused_for_their_rate_when_no_limit_is_set() {
        for (int i = 0; i < 20; i++) {
            ApiReply reply = api.as("intake1").register(aRegistration().withNewId().body());
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        }
    }

    private static void awaitNoStreams() {
        Eventually.await("no stream open", WAIT, AbusiveClientsEndToEndTest::openStreams, open -> open == 0);
    }

    private static int openStreams() {
        return (int) app.bean(MeterRegistry.class).get("complaints.streams.subscribers").gauge().value();
    }

    private static int activeRequests() {
        return app.bean(MeterRegistry.class).get("http.server.requests.active").longTaskTimers().stream()
                .mapToInt(timer -> timer.activeTasks()).sum();
    }
}
