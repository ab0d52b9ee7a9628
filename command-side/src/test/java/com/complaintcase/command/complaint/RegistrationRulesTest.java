package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.events.complaint.AppliedClock;
import com.complaintcase.events.complaint.AppliedExtension;
import com.complaintcase.events.complaint.AppliedPolicy;
import com.complaintcase.values.ClockStart;
import com.complaintcase.values.SlaStep;
import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.values.Actor;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.Subcategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.aCaseRegisteredFrom;
import static com.complaintcase.command.complaint.CaseHistory.registrationEvents;
import static com.complaintcase.command.complaint.Moments.NOW;
import static com.complaintcase.command.complaint.RefusalMatcher.refusedWith;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Registration (投诉登记): who may register, the 24-hour entry rule, and resending a registration. */
class RegistrationRulesTest extends ComplaintRulesTest {

    private static final Duration ENTRY_LIMIT = Duration.ofHours(24);

    @Test
    void a_complaint_entered_within_24_hours_is_registered_at_branch_level_with_its_first_contact_and_resolution_deadlines() {
        RegisterComplaint command = aComplaint().receivedHoursAgo(3).build();
        Instant receivedAt = NOW.minus(Duration.ofHours(3));
        Instant firstContactDue = NOW.plus(Duration.ofHours(48));
        Instant resolutionDue = receivedAt.plus(Duration.ofDays(15));

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ComplaintRegistered(
                        CASE_ID, receivedAt, NOW, Channel.PHONE, HOME_BRANCH, CUSTOMER,
                        Category.BUSINESS_ERROR, Subcategory.WRONG_FEE, RootIssue.FEES, DESCRIPTION, REFUND_OF_THE_FEE,
                        ComplaintFlags.NONE, HandlingLevel.BRANCH,
                        new AppliedPolicy("BANK_INTERNAL", 1, ENTRY_LIMIT, Duration.ofHours(48), Duration.ofDays(15), Duration.ofDays(15),
                                "BANK",
                                List.of(new AppliedClock(SlaClock.FIRST_CONTACT, ClockStart.REGISTRATION, Duration.ofHours(48),
                                                0, false, SlaStep.FIRST_CONTACT, true),
                                        new AppliedClock(SlaClock.RESOLUTION, ClockStart.RECEIPT, Duration.ofDays(15),
                                                0, false, SlaStep.RESOLUTION_PROPOSED, true),
                                        new AppliedClock(SlaClock.FORWARD, ClockStart.ARRIVAL, Duration.ofHours(1),
                                                0, false, SlaStep.TRANSFERRED, false),
                                        new AppliedClock(SlaClock.START_WORK, ClockStart.TRANSFER, Duration.ofHours(2),
                                                0, false, SlaStep.HANDLER_ASSIGNED, true),
                                        new AppliedClock(SlaClock.BRANCH_REPLY, ClockStart.BRANCH_REVIEW, null,
                                                1, false, SlaStep.RESOLUTION_PROPOSED, true)),
                                new AppliedExtension(SlaClock.RESOLUTION, 15, 0, false, 0, null)),
                        List.of(new DeadlineSet(SlaClock.FIRST_CONTACT, firstContactDue, scheduled.idOf(SlaClock.FIRST_CONTACT)),
                                new DeadlineSet(SlaClock.RESOLUTION, resolutionDue, scheduled.idOf(SlaClock.RESOLUTION))),
                        command.fingerprint(), INTAKE1))
                .expectScheduledDeadline(firstContactDue, new SlaDeadlineDue(SlaClock.FIRST_CONTACT, firstContactDue))
                .expectScheduledDeadlineWithName(firstContactDue, SlaDeadlineDue.NAME)
                .expectScheduledDeadline(resolutionDue, new SlaDeadlineDue(SlaClock.RESOLUTION, resolutionDue))
                .expectScheduledDeadlineWithName(resolutionDue, SlaDeadlineDue.NAME)
                .expectResultMessagePayload(new CommandResult(CASE_ID, 0));
    }

    @Test
    void a_complaint_entered_exactly_24_hours_after_receipt_is_not_late() {
        RegisterComplaint command = aComplaint().receivedAgo(ENTRY_LIMIT).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(registeredWithScheduledDeadlines(command, NOW))
                .expectResultMessagePayload(new CommandResult(CASE_ID, 0));
    }

    @Test
    void a_complaint_entered_more_than_24_hours_after_receipt_is_refused_without_a_late_entry_reason() {
        RegisterComplaint command = aComplaint().receivedAt(NOW).build();

        fixture.givenCurrentTime(NOW.plus(ENTRY_LIMIT).plusSeconds(1))
                .when(command)
                .expectNoEvents()
                .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.LATE_ENTRY_REASON_REQUIRED));
    }

    @Test
    void a_blank_late_entry_reason_counts_as_no_reason() {
        RegisterComplaint command = aComplaint().receivedAt(NOW).withLateEntryReason("   ").build();

        fixture.givenCurrentTime(NOW.plus(Duration.ofHours(30)))
                .when(command)
                .expectNoEvents()
                .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.LATE_ENTRY_REASON_REQUIRED));
    }

    @Test
    void a_complaint_entered_late_with_a_reason_is_registered_and_its_late_entry_recorded() {
        String reason = "letter found in the branch mailbox after the weekend";
        RegisterComplaint command = aComplaint().receivedAt(NOW).through(Channel.LETTER).withLateEntryReason(reason).build();
        Instant enteredAt = NOW.plus(Duration.ofHours(30));
        Instant firstContactDue = enteredAt.plus(Duration.ofHours(48));
        Instant resolutionDue = NOW.plus(Duration.ofDays(15));

        fixture.givenCurrentTime(enteredAt)
                .when(command)
                .expectEvents(registeredWithScheduledDeadlines(command, enteredAt)[0],
                        new ComplaintEnteredLate(CASE_ID, NOW, enteredAt, ENTRY_LIMIT, Duration.ofHours(6), reason, INTAKE1))
                .expectScheduledDeadline(firstContactDue, new SlaDeadlineDue(SlaClock.FIRST_CONTACT, firstContactDue))
                .expectScheduledDeadline(resolutionDue, new SlaDeadlineDue(SlaClock.RESOLUTION, resolutionDue))
                .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
    }

    @Test
    void a_complaint_received_in_the_future_is_refused() {
        RegisterComplaint command = aComplaint().receivedAt(Moments.minutesFromNow(10)).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.RECEIVED_IN_FUTURE));
    }

    @Test
    void a_receipt_time_ahead_of_the_clock_by_less_than_the_tolerated_skew_is_accepted() {
        RegisterComplaint command = aComplaint().receivedAt(Moments.minutesFromNow(3)).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(registeredWithScheduledDeadlines(command, NOW));
    }

    @Test
    void a_subcategory_must_belong_to_the_chosen_category() {
        RegisterComplaint command = aComplaint()
                .about(Category.HARDWARE_AND_CHANNELS, Subcategory.WRONG_FEE, RootIssue.TECHNICAL).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.SUBCATEGORY_MISMATCH));
    }

    static Stream<Actor> peopleWhoHandleCases() {
        return Stream.of(INTAKE1, HANDLER1, SUPERVISOR1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peopleWhoHandleCases")
    void intake_handlers_and_supervisors_may_register_a_complaint(Actor registrar) {
        RegisterComplaint command = aComplaint().registeredBy(registrar).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(registeredWithScheduledDeadlines(command, NOW))
                .expectResultMessagePayload(new CommandResult(CASE_ID, 0));
    }

    static Stream<Actor> peopleWhoDoNotRegister() {
        return Stream.of(COMPLIANCE1, REGULATOR1, ANALYST1, SYSTEM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peopleWhoDoNotRegister")
    void compliance_regulators_analysts_and_the_system_may_not_register_a_complaint(Actor registrar) {
        fixture.givenNoPriorActivity()
                .when(aComplaint().registeredBy(registrar).build())
                .expectNoEvents()
                .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
    }

    @Test
    void sending_the_same_registration_again_records_nothing_answers_the_original_version_and_schedules_nothing_more() {
        RegisterComplaint command = aComplaint().build();
        Instant firstContactDue = NOW.plus(Duration.ofHours(48));
        Instant resolutionDue = Moments.hoursAgo(1).plus(Duration.ofDays(15));

        fixture.givenCommands(command)
                .when(command)
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(CASE_ID, 0))
                .expectScheduledDeadline(firstContactDue, new SlaDeadlineDue(SlaClock.FIRST_CONTACT, firstContactDue))
                .expectScheduledDeadline(resolutionDue, new SlaDeadlineDue(SlaClock.RESOLUTION, resolutionDue));
        assertEquals(2, scheduled.count(), "deadlines scheduled in all, by the original registration only");
    }

    /**
     * The registration events the aggregate records, naming the deadlines the fixture's deadline manager
     * scheduled (read once the command ran).
     */
    private Object[] registeredWithScheduledDeadlines(RegisterComplaint command, Instant registeredAt) {
        return registrationEvents(command, registeredAt,
                scheduled.idOf(SlaClock.FIRST_CONTACT), scheduled.idOf(SlaClock.RESOLUTION)).toArray();
    }

    @Test
    void a_resent_registration_is_recognised_whoever_sends_it() {
        RegisterComplaint original = aComplaint().registeredBy(INTAKE1).build();

        fixture.given(aCaseRegisteredFrom(original).events())
                .when(aComplaint().registeredBy(HANDLER1).build())
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(CASE_ID, 0));
    }

    @Test
    void a_resent_late_registration_answers_the_version_of_its_late_entry_fact() {
        RegisterComplaint late = aComplaint().receivedHoursAgo(30).withLateEntryReason("system outage at the branch").build();

        fixture.given(aCaseRegisteredFrom(late).events())
                .when(late)
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
    }

    @Test
    void a_resent_registration_answers_the_original_version_even_after_the_case_moved_on() {
        RegisterComplaint command = aComplaint().build();

        fixture.given(aCaseRegisteredFrom(command).reviewedAsComplaint().assignedTo(HANDLER1).events())
                .when(command)
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(CASE_ID, 0));
    }

    @Test
    void a_different_registration_under_an_existing_id_is_refused_as_a_duplicate() {
        fixture.given(aCaseRegisteredFrom(aComplaint().build()).events())
                .when(aComplaint().describedAs("The ATM kept my card.").build())
                .expectNoEvents()
                .expectException(refusedWith(StateConflict.class, RefusalCode.DUPLICATE_COMPLAINT_ID));
    }

    @Test
    void resending_a_registration_is_still_refused_to_a_role_that_may_not_register() {
        fixture.given(aCaseRegisteredFrom(aComplaint().build()).events())
                .when(aComplaint().registeredBy(ANALYST1).build())
                .expectNoEvents()
                .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
    }
}
