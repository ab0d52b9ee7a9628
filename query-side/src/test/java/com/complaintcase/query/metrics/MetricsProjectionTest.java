package com.complaintcase.query.metrics;

import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.query.scenario.ReadModel;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The metrics projection: what it keeps of each case, each survey answer and each resolution. */
class MetricsProjectionTest extends ProjectionTestSupport {

    @Test
    void a_registration_records_the_attributes_the_metrics_group_by() {
        ComplaintStory story = aCase().inBranch("BR-0101").through(Channel.ONLINE).about(Subcategory.MOBILE_BANKING)
                .withRootIssue(RootIssue.TECHNICAL).registered();

        given(story).then(readModel -> {
            MetricsCase m = readModel.find(MetricsCase.class, story.id()).orElseThrow();
            assertThat(m.category).isEqualTo(Category.HARDWARE_AND_CHANNELS);
            assertThat(m.subcategory).isEqualTo(Subcategory.MOBILE_BANKING);
            assertThat(m.rootIssue).isEqualTo(RootIssue.TECHNICAL);
            assertThat(m.channel).isEqualTo(Channel.ONLINE);
            assertThat(m.branchCode).isEqualTo("BR-0101");
            assertThat(m.level).isEqualTo(HandlingLevel.BRANCH);
            assertThat(m.handlerId).isNull();
            assertThat(m.registeredAt).isEqualTo(story.registeredAt());
            assertThat(m.version).isZero();
        });
    }

    @Test
    void review_assignment_transfer_and_escalation_keep_level_handler_and_branch_current() {
        ComplaintStory reviewed = aCase().registered().reviewed(HandlingLevel.FIRST_LEVEL_BRANCH);
        ComplaintStory assigned = aCase().registered().reviewed().assignedTo("handler1");
        ComplaintStory transferred = aCase().inBranch("BR-0101").registered().reviewed().assignedTo("handler1")
                .transferredTo("BR-0200");
        ComplaintStory escalated = aCase().registered().investigatedBy("handler2").escalated(EscalationReason.SKIPPED_LEVEL);

        given(reviewed, assigned, transferred, escalated).then(readModel -> {
            assertThat(metrics(readModel, reviewed).level).isEqualTo(HandlingLevel.FIRST_LEVEL_BRANCH);
            assertThat(metrics(readModel, assigned).handlerId).isEqualTo("handler1");
            MetricsCase moved = metrics(readModel, transferred);
            assertThat(moved.branchCode).isEqualTo("BR-0200");
            assertThat(moved.handlerId).isNull();
            assertThat(moved.version).isEqualTo(transferred.lastSequence());
            MetricsCase up = metrics(readModel, escalated);
            assertThat(up.level).isEqualTo(HandlingLevel.FIRST_LEVEL_BRANCH);
            assertThat(up.handlerId).isEqualTo("handler2");
        });
    }

    @Test
    void an_older_assignment_arriving_late_does_not_bring_back_the_previous_handler() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1").transferredTo("BR-0200");

        given(story).whenDelivered(story.message(2)).thenNothingChanged()
                .then(readModel -> assertThat(metrics(readModel, story).handlerId).isNull());
    }

    @Test
    void each_survey_answer_is_kept_once_with_its_score_and_when_it_was_given() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolved().feedback(4);

        given(story).whenDeliveredAgain().thenNothingChanged().then(readModel -> {
            List<SatisfactionAnswer> answers = readModel.all(SatisfactionAnswer.class);
            assertThat(answers).extracting(a -> a.eventId, a -> a.complaintId, a -> a.score, a -> a.satisfied, a -> a.answeredAt)
                    .containsExactly(tuple(story.lastMessage().getIdentifier(), story.id(), 4, true, story.lastRecordedAt()));
        });
    }

    @Test
    void a_score_of_four_or_five_is_satisfied_and_one_to_three_is_not() {
        List<ComplaintStory> answered = Stream.of(1, 2, 3, 4, 5)
                .map(score -> aCase().registered().investigatedBy("handler1").resolved().feedback(score))
                .toList();

        given(answered.toArray(ComplaintStory[]::new)).then(readModel -> assertThat(readModel.all(SatisfactionAnswer.class))
                .extracting(a -> a.score, a -> a.satisfied)
                .containsExactlyInAnyOrder(tuple(1, false), tuple(2, false), tuple(3, false), tuple(4, true), tuple(5, true)));
    }

    @Test
    void a_resolution_is_timed_from_registration_to_the_customers_acceptance() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1").resolutionProposed();
        story.at(story.registeredAt().plus(Duration.ofDays(3)).plus(Duration.ofHours(4))).resolutionAccepted();

        given(story).whenReplayed().thenNothingChanged().then(readModel -> {
            List<ResolutionTime> resolutions = readModel.all(ResolutionTime.class);
            assertThat(resolutions).extracting(r -> r.eventId, r -> r.complaintId, r -> r.registeredAt, r -> r.resolvedAt, r -> r.seconds)
                    .containsExactly(tuple(story.lastMessage().getIdentifier(), story.id(), story.registeredAt(),
                            story.lastRecordedAt(), Duration.ofHours(76).toSeconds()));
        });
    }

    @Test
    void the_metrics_tables_have_no_place_for_customer_personal_data() {
        Stream.of(MetricsCase.class, SatisfactionAnswer.class, ResolutionTime.class).forEach(entity -> {
            List<String> fields = Arrays.stream(entity.getDeclaredFields())
                    .filter(field -> !Modifier.isStatic(field.getModifiers()))
                    .map(Field::getName).map(name -> name.toLowerCase(Locale.ROOT)).toList();
            assertThat(fields).as(entity.getSimpleName()).noneMatch(name -> name.contains("name")
                    || name.contains("phone") || name.contains("email") || name.contains("description")
                    || name.contains("comment"));
        });
    }

    private static MetricsCase metrics(ReadModel readModel, ComplaintStory story) {
        return readModel.find(MetricsCase.class, story.id()).orElseThrow();
    }
}
