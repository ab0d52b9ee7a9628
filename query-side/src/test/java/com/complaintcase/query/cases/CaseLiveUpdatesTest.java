package com.complaintcase.query.cases;

import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.values.ComplaintStatus;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watchers of the case lists get one change per live event of a matching case, computed from the row
 * the event produced; a replay or a redelivery pushes nothing.
 */
class CaseLiveUpdatesTest extends ProjectionTestSupport {

    @Autowired
    private QueryUpdateEmitter emitter;

    private final List<CaseQueries.CaseChanged> pushed = new CopyOnWriteArrayList<>();
    private UpdateHandlerRegistration<CaseQueries.CaseChanged> watcher;

    private void watch(CaseFilter filter) {
        watcher = emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new CaseQueries.WatchCases(filter),
                ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(CaseQueries.CaseChanged.class)), 256);
        watcher.getUpdates().map(SubscriptionQueryUpdateMessage::getPayload).subscribe(pushed::add);
    }

    @AfterEach
    void stopWatching() {
        if (watcher != null) {
            watcher.getRegistration().cancel();
        }
    }

    @Test
    void each_live_event_of_a_matching_case_pushes_the_case_as_it_now_is() {
        watch(new CaseFilter("BR-0101", null, null, null, null));
        ComplaintStory watched = aCase().inBranch("BR-0101").registered().reviewed().assignedTo("handler1");
        ComplaintStory elsewhere = aCase().inBranch("BR-0200").registered();

        given(watched, elsewhere);

        assertThat(pushed).extracting(change -> change.item().complaintId()).containsOnly(watched.id());
        assertThat(pushed).extracting(change -> change.item().status())
                .containsExactly(ComplaintStatus.REGISTERED, ComplaintStatus.ACCEPTED, ComplaintStatus.ASSIGNED);
        assertThat(pushed).extracting(change -> change.item().version()).containsExactly(0L, 1L, 2L);
        assertThat(pushed).allMatch(CaseQueries.CaseChanged::open);
    }

    @Test
    void a_replay_or_a_redelivery_pushes_nothing() {
        watch(CaseFilter.NONE);
        ComplaintStory story = aCase().registered().investigatedBy("handler1");

        given(story).whenReplayed().whenDeliveredAgain();

        assertThat(pushed).hasSize(story.messages().size());
    }

    @Test
    void a_change_tells_whether_the_case_is_still_open_and_whether_it_is_overdue() {
        watch(CaseFilter.NONE);
        ComplaintStory notContacted = aCase().registered().reviewed();
        now(notContacted.firstContactDueAt().plus(Duration.ofHours(5)));
        notContacted.at(notContacted.firstContactDueAt().plus(Duration.ofHours(4))).assignedTo("handler1");
        ComplaintStory closed = aCase().registered().investigatedBy("handler1").resolved().closed();

        given(notContacted, closed);

        CaseQueries.CaseChanged assignment = pushed.get(notContacted.messages().size() - 1);
        assertThat(assignment.item().complaintId()).isEqualTo(notContacted.id());
        assertThat(assignment.overdue()).as("first contact overdue").isTrue();
        CaseQueries.CaseChanged closure = pushed.get(pushed.size() - 1);
        assertThat(closure.item().status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(closure.open()).isFalse();
        assertThat(closure.overdue()).isFalse();
    }
}
