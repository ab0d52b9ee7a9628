package com.complaintcase.query.scenario;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * given(events) then(read model): the events are handed to the real projections (see
 * {@link Projections}); {@code then} inspects what they wrote to the database. A {@code when...} step
 * delivers events once more (redelivered, replayed, or a stale one) and remembers the read model as
 * it stood before, so that {@link #thenNothingChanged()} can compare every row.
 */
public final class ProjectionScenario {

    private final Projections projections;
    private final List<DomainEventMessage<?>> delivered = new ArrayList<>();
    private Map<String, List<String>> before;

    ProjectionScenario(Projections projections) {
        this.projections = projections;
    }

    /** Delivers each story's events, story after story, as live events. */
    public ProjectionScenario given(ComplaintStory... stories) {
        Arrays.stream(stories).forEach(story -> given(story.messages()));
        return this;
    }

    /** Delivers these messages as live events, in this order. */
    public ProjectionScenario given(List<? extends DomainEventMessage<?>> messages) {
        projections.deliver(messages);
        delivered.addAll(messages);
        return this;
    }

    public ProjectionScenario andGiven(ComplaintStory... stories) {
        return given(stories);
    }

    /** Delivers each story's events to each projection in a single transaction, as one processor batch. */
    public ProjectionScenario givenInOneBatch(ComplaintStory... stories) {
        for (ComplaintStory story : stories) {
            projections.deliverInOneBatch(story.messages());
            delivered.addAll(story.messages());
        }
        return this;
    }

    /** Every event given so far is delivered a second time, as a redelivery (not a replay). */
    public ProjectionScenario whenDeliveredAgain() {
        before = projections.snapshot();
        projections.deliver(delivered);
        return this;
    }

    /** Every event given so far comes again as a replay (tracked messages with a replay token). */
    public ProjectionScenario whenReplayed() {
        before = projections.snapshot();
        projections.replay(delivered);
        return this;
    }

    /** The projections are reset (their reset handlers run), then every event given so far is replayed. */
    public ProjectionScenario whenResetAndReplayed() {
        before = projections.snapshot();
        projections.reset();
        projections.replay(delivered);
        return this;
    }

    /** These (already seen, or older) messages arrive now. */
    public ProjectionScenario whenDelivered(List<? extends DomainEventMessage<?>> messages) {
        before = projections.snapshot();
        projections.deliver(messages);
        return this;
    }

    public ProjectionScenario whenDelivered(DomainEventMessage<?>... messages) {
        return whenDelivered(List.of(messages));
    }

    public ProjectionScenario then(Consumer<ReadModel> assertions) {
        assertions.accept(new ReadModel(projections));
        return this;
    }

    /** Every row of every read-model table is as it was before the {@code when...} step. */
    public ProjectionScenario thenNothingChanged() {
        assertThat(before).as("a when... step must come first").isNotNull();
        Map<String, List<String>> after = projections.snapshot();
        assertThat(after).as("read model after the second delivery").isEqualTo(before);
        return this;
    }

    /** The read model as it stands now, every row of every table. */
    public Map<String, List<String>> snapshot() {
        return projections.snapshot();
    }
}
