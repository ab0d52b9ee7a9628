package com.complaintcase.standalone;

import com.complaintcase.command.integrity.CheckpointPeriod;
import com.complaintcase.command.integrity.IntegrityCheckpoints;
import com.complaintcase.events.integrity.IntegrityCheckpointRecorded;
import com.complaintcase.events.integrity.PeriodCheckpointRecorded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.Given.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hourly checkpoints, the default interval (docs/adr/0010): on the test's clock, set five minutes into an hour, the
 * checkpoint of an hour is recorded once that hour is over, once, with the heads of exactly the cases changed in it.
 */
class HourlyCheckpointEndToEndTest {

    @TempDir
    static Path dataDir;

    private static final MutableClock clock = new MutableClock();
    private static RunningApplication app;
    private static Api api;

    @BeforeAll
    static void start() {
        app = RunningApplication.start(dataDir, clock);
        api = app.api();
        Instant now = clock.instant();
        clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(65))));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void each_hour_is_checkpointed_once_after_it_ended_with_the_heads_of_the_cases_changed_in_it() {
        Given given = new Given(api);
        Instant firstHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        String changedTwice = given.aCaseHandledBy("handler1");
        String changedOnce = given.aCaseHandledBy("handler2");
        assertThat(checkpoints().recordDuePeriods()).as("the hour is not over").isEmpty();

        clock.advance(Duration.ofHours(1));
        ok(api.as("handler1").command(changedTwice, "evidence", evidence()));
        CheckpointPeriod first = new CheckpointPeriod(firstHour, firstHour.plus(Duration.ofHours(1)));
        assertThat(checkpoints().recordDuePeriods()).containsExactly(first);
        assertThat(checkpoints().recordDuePeriods()).as("recorded once").isEmpty();
        assertThat(recorded(first).cases()).containsExactly(headsOf(changedTwice, changedOnce, 1));

        clock.advance(Duration.ofHours(1));
        CheckpointPeriod second = new CheckpointPeriod(first.end(), first.end().plus(Duration.ofHours(1)));
        assertThat(checkpoints().recordDuePeriods()).containsExactly(second);
        assertThat(recorded(second).cases()).containsExactly(headsOf(changedTwice));
        assertThat(recorded(second).periodStart()).isEqualTo(second.start());
        assertThat(recorded(second).periodEnd()).isEqualTo(second.end());
    }

    private static IntegrityCheckpoints checkpoints() {
        return app.bean(IntegrityCheckpoints.class);
    }

    private static PeriodCheckpointRecorded recorded(CheckpointPeriod period) {
        List<DomainEventMessage<?>> events = app.events(period.checkpointId());
        assertThat(events).as("the checkpoint of %s", period).hasSize(1);
        return (PeriodCheckpointRecorded) events.get(0).getPayload();
    }

    /** The heads in case id order, of the first case without its last {@code notYet} events, of the others all. */
    private static IntegrityCheckpointRecorded.CaseHead[] headsOf(String first, String other, int notYet) {
        return List.of(headOf(first, notYet), headOf(other, 0)).stream()
                .sorted((a, b) -> a.caseId().compareTo(b.caseId()))
                .toArray(IntegrityCheckpointRecorded.CaseHead[]::new);
    }

    private static IntegrityCheckpointRecorded.CaseHead[] headsOf(String id) {
        return new IntegrityCheckpointRecorded.CaseHead[]{headOf(id, 0)};
    }

    private static IntegrityCheckpointRecorded.CaseHead headOf(String id, int notYet) {
        List<DomainEventMessage<?>> events = app.events(id);
        DomainEventMessage<?> head = events.get(events.size() - 1 - notYet);
        return new IntegrityCheckpointRecorded.CaseHead(id, head.getSequenceNumber(), (String) head.getMetaData().get("eventHash"));
    }
}
