package com.complaintcase.query.statistics.counting;

import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.query.scenario.Actors;
import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.Validity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;

/** The go-live plan's counting rules (domain brief, section 8), each by its name, over a case's events. */
class CountingRulesTest {

    private static CaseCounting counted(ComplaintStory story, ComplaintEvent... more) {
        List<ComplaintEvent> events = new ArrayList<>(story.messages().stream().map(m -> (ComplaintEvent) m.getPayload()).toList());
        events.addAll(List.of(more));
        CaseCounting counting = new CaseCounting(CountingRules.DEFAULT);
        events.forEach(counting::apply);
        return counting;
    }

    private static DeadlineBreached breachOf(ComplaintStory story, SlaClock clock) {
        Instant due = Instant.parse("2026-11-03T09:00:00Z");
        return new DeadlineBreached(story.complaintId(), clock, "d-1", due, due, Actors.SYSTEM);
    }

    @Test
    void handled_and_resolved_at_the_branch_is_not_counted() {
        CaseCounting counting = counted(aCase().registered().investigatedBy("handler1").resolved().closed());

        assertThat(counting.countingClass()).isEqualTo(CountingClass.NOT_COUNTED);
    }

    @Test
    void escalated_but_resolved_within_the_limits_is_an_inquiry() {
        CaseCounting counting = counted(aCase().registered().investigatedBy("handler1")
                .escalated(EscalationReason.CUSTOMER_REQUEST).resolved().closed());

        assertThat(counting.countingClass()).isEqualTo(CountingClass.INQUIRY);
    }

    @Test
    void handled_above_the_branch_from_the_review_is_an_inquiry() {
        CaseCounting counting = counted(aCase().registered().reviewed(HandlingLevel.FIRST_LEVEL_BRANCH));

        assertThat(counting.countingClass()).isEqualTo(CountingClass.INQUIRY);
    }

    @Test
    void arrived_through_an_outside_channel_is_a_complaint_whatever_its_outcome() {
        CaseCounting counting = counted(aCase().through(Channel.REGULATOR).registered().investigatedBy("handler1")
                .resolved().closed());

        assertThat(counting.countingClass()).isEqualTo(CountingClass.COMPLAINT);
        assertThat(counting.complaintBecause()).isEqualTo(CountingReason.OUTSIDE_CHANNEL);
    }

    @Test
    void skipped_a_level_is_a_complaint() {
        CaseCounting counting = counted(aCase().flagged(new ComplaintFlags(false, false, true, null)).registered());

        assertThat(counting.countingClass()).isEqualTo(CountingClass.COMPLAINT);
        assertThat(counting.complaintBecause()).isEqualTo(CountingReason.SKIPPED_LEVEL);
    }

    @Test
    void a_repeat_complaint_is_a_complaint_when_its_escalation_names_it() {
        ComplaintStory story = aCase().registered();
        CaseCounting counting = counted(story, new ComplaintEscalated(story.complaintId(), HandlingLevel.BRANCH,
                HandlingLevel.FIRST_LEVEL_BRANCH, EscalationReason.REPEAT_COMPLAINT, "REPEAT_COMPLAINT (the customer's case x)",
                Actors.SYSTEM));

        assertThat(counting.countingClass()).isEqualTo(CountingClass.COMPLAINT);
        assertThat(counting.isRepeat()).isTrue();
    }

    @Test
    void a_repeat_complaint_is_a_complaint_when_the_note_names_it_behind_an_earlier_reason() {
        ComplaintStory story = aCase().registered();
        CaseCounting counting = counted(story, new ComplaintEscalated(story.complaintId(), HandlingLevel.BRANCH,
                HandlingLevel.FIRST_LEVEL_BRANCH, EscalationReason.MEDIA_THREAT,
                "MEDIA_THREAT; REPEAT_COMPLAINT (the customer's case x about WRONG_FEE was closed within 90 days)",
                Actors.SYSTEM));

        assertThat(counting.isRepeat()).isTrue();
        assertThat(counting.complaintBecause()).isEqualTo(CountingReason.REPEAT_COMPLAINT);
    }

    @Test
    void a_supervisors_note_naming_a_repeat_does_not_make_one() {
        ComplaintStory story = aCase().registered();
        CaseCounting counting = counted(story, new ComplaintEscalated(story.complaintId(), HandlingLevel.BRANCH,
                HandlingLevel.FIRST_LEVEL_BRANCH, EscalationReason.CUSTOMER_REQUEST, "not a REPEAT_COMPLAINT", Actors.SUPERVISOR));

        assertThat(counting.isRepeat()).isFalse();
        assertThat(counting.countingClass()).isEqualTo(CountingClass.INQUIRY);
    }

    @Test
    void reopened_is_a_repeat_complaint() {
        CaseCounting counting = counted(aCase().registered().investigatedBy("handler1").resolved().closed().reopened());

        assertThat(counting.countingClass()).isEqualTo(CountingClass.COMPLAINT);
        assertThat(counting.isRepeat()).isTrue();
    }

    @Test
    void overdue_at_any_point_is_a_complaint_and_stays_one() {
        ComplaintStory story = aCase().registered().investigatedBy("handler1");
        CaseCounting counting = counted(story, breachOf(story, SlaClock.FIRST_CONTACT));
        assertThat(counting.countingClass()).isEqualTo(CountingClass.COMPLAINT);

        story.resolved().closed();
        CaseCounting later = counted(story, breachOf(story, SlaClock.FIRST_CONTACT));
        assertThat(later.countingClass()).isEqualTo(CountingClass.COMPLAINT);
        assertThat(later.complaintBecause()).isEqualTo(CountingReason.OVERDUE);
    }

    @Test
    void an_inquiry_that_later_breaches_becomes_a_complaint() {
        ComplaintStory story = aCase().registered().reviewed(HandlingLevel.FIRST_LEVEL_BRANCH);
        CaseCounting counting = counted(story);
        assertThat(counting.countingClass()).isEqualTo(CountingClass.INQUIRY);

        counting.apply(breachOf(story, SlaClock.RESOLUTION));

        assertThat(counting.countingClass()).isEqualTo(CountingClass.COMPLAINT);
    }

    @Test
    void entered_late_is_overdue() {
        CaseCounting counting = counted(aCase().registeredLate(Duration.ofHours(30), "letter forwarded late"));

        assertThat(counting.countingClass()).isEqualTo(CountingClass.COMPLAINT);
        assertThat(counting.complaintBecause()).isEqualTo(CountingReason.OVERDUE);
    }

    @Test
    void a_lapsing_clock_passing_is_not_overdue() {
        ComplaintStory story = aCase().registered();

        CaseCounting counting = counted(story, breachOf(story, SlaClock.SUMMARY_RESOLUTION));

        assertThat(counting.countingClass()).isEqualTo(CountingClass.NOT_COUNTED);
    }

    @Test
    void found_not_a_complaint_is_not_counted_even_above_the_branch() {
        CaseCounting counting = counted(aCase().registered().escalated(EscalationReason.CUSTOMER_REQUEST).foundNotAComplaint());

        assertThat(counting.countingClass()).isEqualTo(CountingClass.NOT_COUNTED);
    }

    @Test
    void a_complaint_found_not_a_complaint_stays_a_complaint() {
        CaseCounting counting = counted(aCase().through(Channel.MEDIA).registered().foundNotAComplaint());

        assertThat(counting.countingClass()).isEqualTo(CountingClass.COMPLAINT);
    }

    @Test
    void responsibility_is_the_latest_findings_and_undetermined_before_any() {
        ComplaintStory story = aCase().registered().reviewed().assignedTo("handler1");
        assertThat(counted(story).responsibility()).isEqualTo(CountedResponsibility.UNDETERMINED);

        story.findingsRecorded(Validity.VALID, Responsibility.LIABLE).findingsRecorded(Validity.VALID, Responsibility.SHARED);

        assertThat(counted(story).responsibility()).isEqualTo(CountedResponsibility.SHARED);
    }

    @Test
    void the_fold_carries_on_from_a_kept_state() {
        ComplaintStory story = aCase().through(Channel.MEDIA).registered().investigatedBy("handler1");
        CaseCounting.State kept = counted(story).state();

        CaseCounting resumed = new CaseCounting(CountingRules.DEFAULT, kept);

        assertThat(resumed.countingClass()).isEqualTo(CountingClass.COMPLAINT);
        assertThat(resumed.state()).isEqualTo(kept);
    }
}
