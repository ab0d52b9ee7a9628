package com.complaintcase.standalone;

import com.complaintcase.command.integrity.CheckpointPeriod;
import com.complaintcase.command.integrity.IntegrityCheckpoints;
import com.complaintcase.events.integrity.IntegrityCheckpointRecorded;
import com.complaintcase.events.integrity.IntegrityEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.complaintcase.integrity.CaseHead;
import com.complaintcase.integrity.MerkleTree;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.Given.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daily checkpoints (docs/adr/0010, {@code complaints.integrity.checkpoint.interval=P1D}): three cases changed on one
 * day, the test's clock moved to the next day and the day's checkpoint recorded; a case's verification and export then
 * compare with the latest checkpoint covering it, so its newest events cannot be removed unnoticed. A daily checkpoint
 * stored as it was recorded before periods were configurable still verifies.
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
        app = RunningApplication.start(dataDir, clock, "--complaints.integrity.checkpoint.interval=P1D");
        api = app.api();
        probe = new IntegrityProbe(app, exports);
        Given given = new Given(api);
        firstDay = today();
        truncated = given.aCaseReadyForResolution();
        untouched = given.aCaseHandledBy("handler1");
        continued = given.aCaseHandledBy("handler2");
        clock.advance(Duration.ofDays(1));
        recordedFirst = recordDueDays();
        for (String id : List.of(truncated, untouched, continued)) {
            Eventually.await("the checkpoint covers " + id, () -> probe.verification(id),
                    verification -> !verification.path("checkpoint").isNull());
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<LocalDate> recordDueDays() {
        return app.bean(IntegrityCheckpoints.class).recordDuePeriods().stream()
                .map(period -> period.start().atZone(ZoneOffset.UTC).toLocalDate())
                .toList();
    }

    private static String checkpointIdOf(LocalDate day) {
        return new CheckpointPeriod(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).checkpointId();
    }

    private static LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Test
    void a_past_day_is_checkpointed_once_and_today_not_yet() {
        assertThat(recordedFirst).containsExactly(firstDay);
        assertThat(recordDueDays()).isEmpty();
        assertThat(app.eventCount(checkpointIdOf(today()))).isZero();
    }

    @Test
    void a_daily_checkpoint_stored_in_its_old_shape_still_loads_and_a_case_verifies_against_it() {
        ApiReply registered = api.as("intake1").register(Registration.aRegistration()
                .receivedAt(clock.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS)).body());
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String id = registered.complaintId();
        List<DomainEventMessage<?>> events = app.events(id);
        DomainEventMessage<?> head = events.get(events.size() - 1);
        LocalDate day = today();
        IntegrityCheckpointRecorded.CaseHead caseHead =
                new IntegrityCheckpointRecorded.CaseHead(id, head.getSequenceNumber(), (String) head.getMetaData().get("eventHash"));
        String oldId = IntegrityEvent.checkpointId(day);
        storeAsBefore(new IntegrityCheckpointRecorded(oldId, day, "UTC", List.of(caseHead),
                MerkleTree.root(List.of(new CaseHead(id, caseHead.headSequence(), caseHead.headHash()))), clock.instant()));

        assertThat(app.events(oldId).get(0).getPayload()).isInstanceOf(IntegrityCheckpointRecorded.class);
        JsonNode verification = Eventually.await("the old checkpoint covers the case", () -> probe.verification(id),
                v -> !v.path("checkpoint").isNull());
        assertThat(verification.path("status").asText()).as("%s", verification).isEqualTo("VALID");
        assertThat(verification.path("checkpoint").path("day").asText()).isEqualTo(day.toString());
        assertThat(verification.path("checkpoint").path("periodStart").asText())
                .isEqualTo(day.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        IntegrityProbe.Offline offline = probe.verifyExport(id);
        assertThat(offline.output()).as(offline.output()).contains("VALID", "1 checkpoint(s) proven");
    }

    /** Appends the event through the event store, chained like every event, as the daily checkpoint was before. */
    private static void storeAsBefore(IntegrityCheckpointRecorded checkpoint) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(app.bean(TransactionManager.class));
        unitOfWork.execute(() -> app.bean(EventStore.class).publish(
                new GenericDomainEventMessage<>("IntegrityCheckpoint", checkpoint.checkpointId(), 0, checkpoint)));
    }

    @Test
    void the_checkpoint_is_an_event_chained_like_any_other() {
        List<DomainEventMessage<?>> checkpoint = app.events(checkpointIdOf(firstDay));
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
        assertThat(recordDueDays()).containsExactly(firstDay.plusDays(1));
        JsonNode verification = Eventually.await("the second checkpoint covers the case",
                () -> probe.verification(continued),
                v -> v.path("checkpoint").path("day").asText().equals(firstDay.plusDays(1).toString()));
        assertThat(verification.path("status").asText()).isEqualTo("VALID");
        assertThat(verification.path("checkpoint").path("headSequence").asLong()).isEqualTo(app.eventCount(continued) - 1);
        IntegrityProbe.Offline offline = probe.verifyExport(continued);
        assertThat(offline.output()).as(offline.output()).contains("VALID", "2 checkpoint(s) proven");
    }
}
