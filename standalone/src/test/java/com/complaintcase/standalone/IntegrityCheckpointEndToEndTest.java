package com.complaintcase.standalone;

import com.complaintcase.command.integrity.DailyCheckpoints;
import com.complaintcase.events.integrity.IntegrityEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.Given.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily checkpoint (docs/adr/0010): three cases changed on one day, the test's clock moved to the next day and the
 * day's checkpoint recorded; a case's verification and export then compare with the latest checkpoint covering it,
 * so its newest events cannot be removed unnoticed.
 */
class IntegrityCheckpointEndToEndTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path exports;

    private static final MutableClock clock = new MutableClock();
    private static RunningApplication app;
    private static Api api;
    private static IntegrityProbe probe;
    private static LocalDate firstDay;
    private static List<LocalDate> recordedFirst;
    private static String truncated;
    private static String untouched;
    private static String continued;

    @BeforeAll
    static void threeCasesChangedOnADayThatIsThenCheckpointed() {
        app = RunningApplication.start(dataDir, clock);
        api = app.api();
        probe = new IntegrityProbe(app, exports);
        Given given = new Given(api);
        firstDay = today();
        truncated = given.aCaseReadyForResolution();
        untouched = given.aCaseHandledBy("handler1");
        continued = given.aCaseHandledBy("handler2");
        clock.advance(Duration.ofDays(1));
        recordedFirst = app.bean(DailyCheckpoints.class).recordDueDays();
        for (String id : List.of(truncated, untouched, continued)) {
            Eventually.await("the checkpoint covers " + id, () -> probe.verification(id),
                    verification -> !verification.path("checkpoint").isNull());
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Test
    void a_past_day_is_checkpointed_once_and_today_not_yet() {
        assertThat(recordedFirst).containsExactly(firstDay);
        assertThat(app.bean(DailyCheckpoints.class).recordDueDays()).isEmpty();
        assertThat(app.eventCount(IntegrityEvent.checkpointId(today()))).isZero();
    }

    @Test
    void the_checkpoint_is_an_event_chained_like_any_other() {
        List<DomainEventMessage<?>> checkpoint = app.events(IntegrityEvent.checkpointId(firstDay));
        assertThat(checkpoint).hasSize(1);
        assertThat(checkpoint.get(0).getMetaData()).containsKeys("eventHash", "previousEventHash");
    }

    @Test
    void a_case_verifies_against_the_checkpoint_of_its_last_changed_day() {
        JsonNode verification = probe.verification(untouched);
        assertThat(verification.path("status").asText()).isEqualTo("VALID");
        assertThat(verification.path("checkpoint").path("day").asText()).isEqualTo(firstDay.toString());
        assertThat(verification.path("checkpoint").path("headSequence").asLong()).isEqualTo(app.eventCount(untouched) - 1);
        assertThat(verification.path("checkpoint").path("headHash").asText())
                .isEqualTo(verification.path("headHash").asText());
        IntegrityProbe.Offline offline = probe.verifyExport(untouched);
        assertThat(offline.output()).as(offline.output()).contains("VALID", "1 checkpoint(s) proven");
    }

    @Test
    void newest_events_removed_after_a_checkpoint_are_found() {
        int events = app.eventCount(truncated);
        probe.tamper("delete from domain_event_entry where aggregate_identifier = ? and sequence_number >= ?",
                truncated, events - 2);

        probe.assertBrokenAt(truncated, events - 2, "TRUNCATED");
    }

    @Test
    void a_case_changed_after_its_checkpoint_verifies_and_each_day_it_changed_is_proven() {
        ok(api.as("handler2").command(continued, "evidence", evidence()));
        assertThat(probe.verification(continued).path("status").asText()).isEqualTo("VALID");

        clock.advance(Duration.ofDays(1));
        assertThat(app.bean(DailyCheckpoints.class).recordDueDays()).containsExactly(firstDay.plusDays(1));
        JsonNode verification = Eventually.await("the second checkpoint covers the case",
                () -> probe.verification(continued),
                v -> v.path("checkpoint").path("day").asText().equals(firstDay.plusDays(1).toString()));
        assertThat(verification.path("status").asText()).isEqualTo("VALID");
        assertThat(verification.path("checkpoint").path("headSequence").asLong()).isEqualTo(app.eventCount(continued) - 1);
        IntegrityProbe.Offline offline = probe.verifyExport(continued);
        assertThat(offline.output()).as(offline.output()).contains("VALID", "2 checkpoint(s) proven");
    }
}
