package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.Subcategory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.complaintcase.command.complaint.Actors.SYSTEM;
import static com.complaintcase.command.complaint.CaseHistory.registrationEvents;
import static com.complaintcase.command.complaint.Moments.NOW;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CUSTOMER;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.HOME_BRANCH;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.aComplaint;

/**
 * Repeat and group complaints (domain brief, section 5), found as a complaint is registered from the other cases
 * the command side knows ({@link KnownComplaints} here): the system escalates such a complaint one level, by the
 * system actor, within the registration, the note saying what was found. A repeat complaint: the same customer's
 * case about the same subcategory was closed within the repeat window (default 90 days). A group complaint: with
 * the new customer, 3 or more different customers complained within the group window (default 7 days) about the
 * same subcategory at the same branch, or about the same incident.
 */
class RepeatAndGroupComplaintRulesTest extends ComplaintRulesTest {

    private static final ComplaintId EARLIER_CASE = ComplaintId.of("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final CustomerId CUSTOMER_ID = CUSTOMER.customerId();
    private static final CustomerId ANOTHER_CUSTOMER = CustomerId.of("C-2002");
    private static final CustomerId A_THIRD_CUSTOMER = CustomerId.of("C-3003");
    private static final BranchCode ANOTHER_BRANCH = BranchCode.of("BR-0202");
    private static final BranchCode A_THIRD_BRANCH = BranchCode.of("BR-0303");
    private static final String INCIDENT = "INC-2026-11-20";
    private static final String REPEAT_NOTE = "REPEAT_COMPLAINT (the customer's case " + EARLIER_CASE
            + " about WRONG_FEE was closed within 90 days)";

    private static int otherCases = 0;

    private static ComplaintId anotherCaseId() {
        return ComplaintId.of(String.format("00000000-0000-4000-8000-%012d", ++otherCases));
    }

    private static ComplaintEscalated escalatedOnRegistration(EscalationReason reason, String note) {
        return new ComplaintEscalated(CASE_ID, HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH, reason,
                "escalated on registration for " + note, SYSTEM);
    }

    /** The registration event the aggregate records, naming the deadlines the fixture scheduled. */
    private ComplaintEvent registered(RegisterComplaint command) {
        return registrationEvents(command, NOW, CaseHistory.PACKS, scheduled::idOf)
                .get(0);
    }

    private static RegisterComplaint aComplaintOfTheCustomer() {
        return aComplaint().build();
    }

    private static RegisterComplaint aComplaintWithIncident(BranchCode branch) {
        return aComplaint().atBranch(branch)
                .about(Category.HARDWARE_AND_CHANNELS, Subcategory.ATM_OR_SELF_SERVICE, RootIssue.TECHNICAL)
                .flagged(new ComplaintFlags(false, false, false, INCIDENT)).build();
    }

    private void anotherCustomerComplainedAt(CustomerId customer, BranchCode branch, Subcategory subcategory, Duration ago) {
        knownComplaints.registered(anotherCaseId(), customer, subcategory, branch, null, NOW.minus(ago));
    }

    private void anotherCustomerReportedTheIncident(CustomerId customer, BranchCode branch, Subcategory subcategory) {
        knownComplaints.registered(anotherCaseId(), customer, subcategory, branch, INCIDENT, NOW.minus(Duration.ofDays(2)));
    }

    @Nested
    class RepeatComplaint {

        @Test
        void a_complaint_about_the_same_subcategory_within_the_window_after_the_customers_closed_case_is_escalated_as_a_repeat() {
            knownComplaints.closed(EARLIER_CASE, CUSTOMER_ID, Subcategory.WRONG_FEE, HOME_BRANCH, NOW.minus(Duration.ofDays(30)));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command), escalatedOnRegistration(EscalationReason.REPEAT_COMPLAINT, REPEAT_NOTE))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
        }

        @Test
        void a_case_closed_exactly_at_the_start_of_the_window_still_counts() {
            knownComplaints.closed(EARLIER_CASE, CUSTOMER_ID, Subcategory.WRONG_FEE, HOME_BRANCH, NOW.minus(Duration.ofDays(90)));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command), escalatedOnRegistration(EscalationReason.REPEAT_COMPLAINT, REPEAT_NOTE));
        }

        @Test
        void a_complaint_after_a_case_closed_before_the_window_is_not_a_repeat() {
            knownComplaints.closed(EARLIER_CASE, CUSTOMER_ID, Subcategory.WRONG_FEE, HOME_BRANCH,
                    NOW.minus(Duration.ofDays(90)).minusSeconds(1));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 0));
        }

        @Test
        void a_complaint_about_another_subcategory_is_not_a_repeat() {
            knownComplaints.closed(EARLIER_CASE, CUSTOMER_ID, Subcategory.SERVICE_CHARGE, HOME_BRANCH, NOW.minus(Duration.ofDays(3)));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command));
        }

        @Test
        void another_customers_closed_case_about_the_same_subcategory_makes_no_repeat() {
            knownComplaints.closed(EARLIER_CASE, ANOTHER_CUSTOMER, Subcategory.WRONG_FEE, HOME_BRANCH, NOW.minus(Duration.ofDays(3)));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command));
        }

        @Test
        void a_case_of_the_customer_still_open_makes_no_repeat() {
            knownComplaints.registered(EARLIER_CASE, CUSTOMER_ID, Subcategory.WRONG_FEE, HOME_BRANCH, null,
                    NOW.minus(Duration.ofDays(3)));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command));
        }

        @Test
        void the_repeat_window_is_the_policys() {
            useFixtureWith(ComplaintPolicy.DEFAULT.withRelatedComplaintDetection(Duration.ofDays(30), Duration.ofDays(7), 3));
            knownComplaints.closed(EARLIER_CASE, CUSTOMER_ID, Subcategory.WRONG_FEE, HOME_BRANCH, NOW.minus(Duration.ofDays(31)));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command));
        }

        @Test
        void resending_a_registration_escalated_as_a_repeat_records_nothing_and_answers_the_version_of_the_first_answer() {
            knownComplaints.closed(EARLIER_CASE, CUSTOMER_ID, Subcategory.WRONG_FEE, HOME_BRANCH, NOW.minus(Duration.ofDays(30)));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenCommands(command)
                    .when(command)
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
        }
    }

    @Nested
    class GroupComplaint {

        @Test
        void a_third_different_customer_about_the_same_subcategory_at_the_same_branch_within_the_window_makes_a_group_complaint() {
            anotherCustomerComplainedAt(ANOTHER_CUSTOMER, HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofDays(6));
            anotherCustomerComplainedAt(A_THIRD_CUSTOMER, HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofHours(1));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command), escalatedOnRegistration(EscalationReason.GROUP_COMPLAINT,
                            "GROUP_COMPLAINT (3 customers about WRONG_FEE at BR-0101 within 7 days)"))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
        }

        @Test
        void two_different_customers_make_no_group_complaint() {
            anotherCustomerComplainedAt(ANOTHER_CUSTOMER, HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofDays(1));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 0));
        }

        @Test
        void the_same_customers_complaints_count_once() {
            anotherCustomerComplainedAt(ANOTHER_CUSTOMER, HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofDays(1));
            anotherCustomerComplainedAt(ANOTHER_CUSTOMER, HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofDays(2));
            anotherCustomerComplainedAt(CUSTOMER_ID, HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofDays(3));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command));
        }

        @Test
        void complaints_at_another_branch_about_another_subcategory_or_before_the_window_make_no_group() {
            anotherCustomerComplainedAt(ANOTHER_CUSTOMER, ANOTHER_BRANCH, Subcategory.WRONG_FEE, Duration.ofDays(1));
            anotherCustomerComplainedAt(A_THIRD_CUSTOMER, HOME_BRANCH, Subcategory.SERVICE_CHARGE, Duration.ofDays(1));
            anotherCustomerComplainedAt(CustomerId.of("C-4004"), HOME_BRANCH, Subcategory.WRONG_FEE,
                    Duration.ofDays(7).plusSeconds(1));
            anotherCustomerComplainedAt(CustomerId.of("C-5005"), HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofDays(2));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command));
        }

        @Test
        void the_same_incident_reported_by_three_customers_at_different_branches_makes_a_group_complaint() {
            anotherCustomerReportedTheIncident(ANOTHER_CUSTOMER, ANOTHER_BRANCH, Subcategory.ATM_OR_SELF_SERVICE);
            anotherCustomerReportedTheIncident(A_THIRD_CUSTOMER, A_THIRD_BRANCH, Subcategory.MOBILE_BANKING);
            RegisterComplaint command = aComplaintWithIncident(HOME_BRANCH);

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command), escalatedOnRegistration(EscalationReason.GROUP_COMPLAINT,
                            "GROUP_COMPLAINT (3 customers about incident " + INCIDENT + " within 7 days)"));
        }

        @Test
        void the_same_incident_reported_by_two_customers_makes_no_group_complaint() {
            anotherCustomerReportedTheIncident(ANOTHER_CUSTOMER, ANOTHER_BRANCH, Subcategory.ATM_OR_SELF_SERVICE);
            RegisterComplaint command = aComplaintWithIncident(HOME_BRANCH);

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command));
        }

        @Test
        void the_group_window_and_threshold_are_the_policys() {
            useFixtureWith(ComplaintPolicy.DEFAULT.withRelatedComplaintDetection(Duration.ofDays(90), Duration.ofDays(1), 2));
            anotherCustomerComplainedAt(ANOTHER_CUSTOMER, HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofHours(20));
            anotherCustomerComplainedAt(A_THIRD_CUSTOMER, HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofDays(2));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command), escalatedOnRegistration(EscalationReason.GROUP_COMPLAINT,
                            "GROUP_COMPLAINT (2 customers about WRONG_FEE at BR-0101 within 1 day)"));
        }
    }

    @Nested
    class WithOtherReasons {

        @Test
        void a_repeat_that_is_also_part_of_a_group_goes_up_one_level_for_the_repeat_and_the_note_names_both() {
            knownComplaints.closed(EARLIER_CASE, CUSTOMER_ID, Subcategory.WRONG_FEE, HOME_BRANCH, NOW.minus(Duration.ofDays(10)));
            anotherCustomerComplainedAt(ANOTHER_CUSTOMER, HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofDays(1));
            anotherCustomerComplainedAt(A_THIRD_CUSTOMER, HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofDays(2));
            RegisterComplaint command = aComplaintOfTheCustomer();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command), escalatedOnRegistration(EscalationReason.REPEAT_COMPLAINT,
                            REPEAT_NOTE + ", GROUP_COMPLAINT (3 customers about WRONG_FEE at BR-0101 within 7 days)"))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
        }

        @Test
        void every_reason_at_once_gives_one_escalation_for_the_outside_channel_with_all_reasons_in_the_note() {
            knownComplaints.closed(EARLIER_CASE, CUSTOMER_ID, Subcategory.ATM_OR_SELF_SERVICE, HOME_BRANCH,
                    NOW.minus(Duration.ofDays(10)));
            anotherCustomerReportedTheIncident(ANOTHER_CUSTOMER, HOME_BRANCH, Subcategory.ATM_OR_SELF_SERVICE);
            anotherCustomerReportedTheIncident(A_THIRD_CUSTOMER, HOME_BRANCH, Subcategory.ATM_OR_SELF_SERVICE);
            RegisterComplaint command = aComplaint().through(Channel.MEDIA)
                    .about(Category.HARDWARE_AND_CHANNELS, Subcategory.ATM_OR_SELF_SERVICE, RootIssue.TECHNICAL)
                    .flagged(new ComplaintFlags(true, false, true, INCIDENT)).build();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command), escalatedOnRegistration(EscalationReason.OUTSIDE_CHANNEL,
                            "OUTSIDE_CHANNEL (through MEDIA), SKIPPED_LEVEL, MEDIA_THREAT, REPEAT_COMPLAINT (the customer's case "
                                    + EARLIER_CASE + " about ATM_OR_SELF_SERVICE was closed within 90 days), GROUP_COMPLAINT "
                                    + "(3 customers about ATM_OR_SELF_SERVICE at BR-0101 and 3 customers about incident "
                                    + INCIDENT + " within 7 days)"))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
        }

        @Test
        void a_media_threat_comes_before_a_group_complaint_as_the_reason() {
            anotherCustomerComplainedAt(ANOTHER_CUSTOMER, HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofDays(1));
            anotherCustomerComplainedAt(A_THIRD_CUSTOMER, HOME_BRANCH, Subcategory.WRONG_FEE, Duration.ofDays(2));
            RegisterComplaint command = aComplaint().flagged(new ComplaintFlags(true, false, false, null)).build();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command), escalatedOnRegistration(EscalationReason.MEDIA_THREAT,
                            "MEDIA_THREAT, GROUP_COMPLAINT (3 customers about WRONG_FEE at BR-0101 within 7 days)"));
        }
    }

    @Test
    void a_later_group_escalation_by_the_system_is_not_taken_for_part_of_a_registration_that_called_for_none() {
        RegisterComplaint command = aComplaintOfTheCustomer();

        fixture.given(CaseHistory.aCaseRegisteredFrom(command).events())
                .andGiven(new ComplaintEscalated(CASE_ID, HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                        EscalationReason.SLA_BREACH, "the FIRST_CONTACT limit passed", SYSTEM))
                .andGiven(new ComplaintEscalated(CASE_ID, HandlingLevel.FIRST_LEVEL_BRANCH, HandlingLevel.HEAD_OFFICE,
                        EscalationReason.GROUP_COMPLAINT, "escalated by hand", SYSTEM))
                .when(command)
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(CASE_ID, 0));
    }
}
