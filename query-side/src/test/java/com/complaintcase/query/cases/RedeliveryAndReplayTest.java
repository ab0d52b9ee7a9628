package com.complaintcase.query.cases;

import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.query.scenario.Actors;
import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.Money;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events arrive at least once: redelivered after a failure, replayed when a projection is rebuilt, or
 * late. Whatever the order and however often, every read-model row (cases and metrics alike) must come
 * out as if each event had been applied exactly once, in order.
 */
class RedeliveryAndReplayTest extends ProjectionTestSupport {

    /**
     * A case that goes through every kind of event there is. The first contact comes three days on:
     * its deadline fires first (breach and escalation by the system), and the late contact meets it.
     */
    private static ComplaintStory aWholeLife() {
        return aCase()
                .registeredLate(Duration.ofHours(2), "received by letter on a public holiday")
                .reviewed()
                .assignedTo("handler1")
                .transferredTo("BR-0200")
                .assignedTo("handler2")
                .after(Duration.ofDays(3)).contacted()
                .putOnHold()
                .resumed()
                .evidenceAttached()
                .findingsRecorded()
                .escalated(EscalationReason.MEDIA_THREAT)
                .deadlineExtended(10)
                .resolutionProposed(Money.of("500.00", "CNY"))
                .compensationRejected()
                .resolutionProposed(Money.of("300.00", "CNY"))
                .compensationApproved()
                .resolutionRejected()
                .resolutionProposed(Money.of("300.00", "CNY"))
                .compensationApproved()
                .resolutionAccepted()
                .compensationPaid(Money.of("300.00", "CNY"))
                .feedback(4)
                .closed()
                .reopened()
                .withdrawn();
    }

    @Test
    void the_whole_life_story_goes_through_every_event_type() {
        List<Class<?>> seen = aWholeLife().messages().stream().<Class<?>>map(DomainEventMessage::getPayloadType).distinct().toList();

        assertThat(seen).containsExactlyInAnyOrder(ComplaintEvent.class.getPermittedSubclasses()).hasSize(24);
    }

    @Test
    void a_second_delivery_of_the_same_events_changes_nothing() {
        ComplaintStory wholeLife = aWholeLife();
        ComplaintStory resolved = aCase().registered().investigatedBy("handler1").resolved().feedback(5);

        given(wholeLife, resolved)
                .whenDeliveredAgain()
                .thenNothingChanged()
                .then(readModel -> {
                    assertThat(readModel.caseSummary(wholeLife).version()).isEqualTo(wholeLife.lastSequence());
                    assertThat(readModel.caseSummary(wholeLife).escalations()).as("one for the breach, one by hand")
                            .hasSize(2);
                    assertThat(readModel.rows("metrics_satisfaction")).as("survey answers").isEqualTo(2);
                    assertThat(readModel.rows("metrics_resolution")).as("resolutions").isEqualTo(2);
                    assertThat(readModel.rows("metrics_case")).isEqualTo(2);
                });
    }

    @Test
    void replaying_the_same_events_twice_changes_nothing() {
        ComplaintStory wholeLife = aWholeLife();
        ComplaintStory open = aCase().registered().investigatedBy("handler2").escalated(EscalationReason.REPEAT_COMPLAINT);

        given(wholeLife, open)
                .whenReplayed()
                .thenNothingChanged()
                .whenReplayed()
                .thenNothingChanged();
    }

    @Test
    void a_reset_followed_by_a_full_replay_rebuilds_the_same_read_model() {
        ComplaintStory wholeLife = aWholeLife();
        ComplaintStory open = aCase().registered().investigatedBy("handler2").escalated(EscalationReason.REPEAT_COMPLAINT);

        given(wholeLife, open)
                .whenResetAndReplayed()
                .thenNothingChanged();
    }

    @Test
    void an_event_delivered_twice_in_a_row_counts_once() {
        ComplaintStory wholeLife = aWholeLife();
        given(wholeLife);
        Map<String, List<String>> once = readModel().snapshot();
        projections.wipe();

        List<DomainEventMessage<?>> eachTwice = new ArrayList<>();
        wholeLife.messages().forEach(message -> eachTwice.addAll(List.of(message, message)));
        given(eachTwice).then(readModel -> assertThat(readModel.snapshot()).isEqualTo(once));
    }

    @Test
    void events_applied_in_one_batch_give_the_same_rows_as_one_by_one() {
        ComplaintStory wholeLife = aWholeLife();
        given(wholeLife);
        Map<String, List<String>> oneByOne = readModel().snapshot();
        projections.wipe();

        givenInOneBatch(wholeLife).then(readModel -> assertThat(readModel.snapshot()).isEqualTo(oneByOne));
    }

    @Test
    void an_older_event_arriving_after_newer_ones_is_ignored() {
        ComplaintStory story = aCase().inBranch("BR-0101").registered().reviewed().assignedTo("handler1")
                .transferredTo("BR-0200").assignedTo("handler2");
        DomainEventMessage<ComplaintEvent> firstAssignment = story.message(2);

        given(story)
                .whenDelivered(firstAssignment)
                .thenNothingChanged()
                .then(readModel -> {
                    CaseSummary c = readModel.caseSummary(story);
                    assertThat(c.handlerId()).isEqualTo("handler2");
                    assertThat(c.branchCode()).isEqualTo("BR-0200");
                    assertThat(c.version()).isEqualTo(story.lastSequence());
                });
    }

    @Test
    void a_stale_event_with_a_sequence_already_applied_does_not_overwrite_the_case() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1").contacted();
        DomainEventMessage<HandlerAssigned> stale = new GenericDomainEventMessage<>(ComplaintStory.AGGREGATE_TYPE,
                story.id(), 2, new HandlerAssigned(story.complaintId(), "handler9", null, Actors.SUPERVISOR),
                MetaData.emptyInstance(), UUID.randomUUID().toString(), story.lastRecordedAt().plusSeconds(60));

        given(story)
                .whenDelivered(stale)
                .thenNothingChanged()
                .then(readModel -> assertThat(readModel.caseSummary(story).handlerId()).isEqualTo("handler1"));
    }

    @Test
    void the_same_events_for_several_cases_interleaved_give_each_case_its_own_row() {
        ComplaintStory first = aCase().inBranch("BR-0101").registered().investigatedBy("handler1");
        ComplaintStory second = aCase().inBranch("BR-0200").registered().reviewed().assignedTo("handler2");
        List<DomainEventMessage<?>> interleaved = new ArrayList<>();
        for (int i = 0; i < Math.max(first.messages().size(), second.messages().size()); i++) {
            if (i < first.messages().size()) {
                interleaved.add(first.message(i));
            }
            if (i < second.messages().size()) {
                interleaved.add(second.message(i));
            }
        }

        given(interleaved)
                .whenDelivered(interleaved)
                .thenNothingChanged()
                .then(readModel -> {
                    assertThat(readModel.caseSummary(first).handlerId()).isEqualTo("handler1");
                    assertThat(readModel.caseSummary(first).version()).isEqualTo(first.lastSequence());
                    assertThat(readModel.caseSummary(second).handlerId()).isEqualTo("handler2");
                    assertThat(readModel.caseSummary(second).branchCode()).isEqualTo("BR-0200");
                    assertThat(readModel.caseSummary(second).version()).isEqualTo(second.lastSequence());
                });
    }
}
