package com.complaintcase.query.history;

import com.complaintcase.query.scenario.Actors;
import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.values.Actor;
import com.complaintcase.values.SlaClock;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** {@code GET /api/cases/{id}/history}: every event of the case, in order, straight from the event store. */
class CaseHistoryQueryTest extends ProjectionTestSupport {

    @Autowired
    private CaseHistoryQueryHandler history;

    @Autowired
    private EventStore eventStore;

    @Test
    void the_history_lists_every_event_in_order_with_who_recorded_it_and_when() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1").contacted();
        eventStore.publish(story.messages());

        CaseHistory found = history.find(new CaseHistory.Find(story.id(), Actors.COMPLIANCE)).orElseThrow();

        assertThat(found.complaintId()).isEqualTo(story.id());
        assertThat(found.events())
                .extracting(CaseHistory.Entry::sequence, CaseHistory.Entry::type, CaseHistory.Entry::recordedAt,
                        entry -> entry.actor().userId(), entry -> entry.actor().role(), CaseHistory.Entry::eventId)
                .containsExactly(
                        tuple(0L, "ComplaintRegistered", story.message(0).getTimestamp(), "intake1", "INTAKE", story.message(0).getIdentifier()),
                        tuple(1L, "ComplaintReviewed", story.message(1).getTimestamp(), "supervisor1", "SUPERVISOR", story.message(1).getIdentifier()),
                        tuple(2L, "HandlerAssigned", story.message(2).getTimestamp(), "supervisor1", "SUPERVISOR", story.message(2).getIdentifier()),
                        tuple(3L, "CustomerContacted", story.message(3).getTimestamp(), "handler1", "HANDLER", story.message(3).getIdentifier()),
                        tuple(4L, "DeadlineMet", story.message(4).getTimestamp(), "handler1", "HANDLER", story.message(4).getIdentifier()));
        List<String> correlations = found.events().stream().map(CaseHistory.Entry::correlationId).distinct().toList();
        assertThat(correlations).hasSize(1).doesNotContainNull();
        assertThat(found.events().get(2).payload()).containsEntry("handlerId", "handler1")
                .containsEntry("complaintId", story.id());
        assertThat(found.events().get(4).payload()).containsEntry("clock", "FIRST_CONTACT")
                .containsEntry("deadlineId", story.deadlineId(SlaClock.FIRST_CONTACT))
                .containsEntry("dueAt", story.firstContactDueAt().toString())
                .containsEntry("metAt", story.message(3).getTimestamp().toString());
    }

    @Test
    void the_history_of_an_unknown_case_is_not_found() {
        assertThat(history.find(new CaseHistory.Find(aCase().id(), Actors.COMPLIANCE))).isEmpty();
    }

    @Test
    void every_role_that_reads_personal_data_reads_the_history() {
        ComplaintStory story = aCase().registered().reviewed();
        eventStore.publish(story.messages());

        for (Actor reader : List.of(Actors.INTAKE, Actors.HANDLER_1, Actors.SUPERVISOR, Actors.COMPLIANCE, Actors.REGULATOR)) {
            assertThat(history.find(new CaseHistory.Find(story.id(), reader))).as("history for %s", reader).isPresent();
        }
    }

    @Test
    void an_analyst_or_a_query_naming_no_viewer_is_refused_the_history_whoever_sends_the_query() {
        ComplaintStory story = aCase().registered();
        eventStore.publish(story.messages());

        assertThatThrownBy(() -> history.find(new CaseHistory.Find(story.id(), Actors.ANALYST)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("ANALYST");
        assertThatThrownBy(() -> history.find(new CaseHistory.Find(story.id(), null)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
