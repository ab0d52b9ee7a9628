package com.complaintcase.command.privacy;

import com.complaintcase.command.complaint.ActionNotPermitted;
import com.complaintcase.command.complaint.BusinessRuleViolation;
import com.complaintcase.command.complaint.FixtureClock;
import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.StateConflict;
import com.complaintcase.events.privacy.LegalHoldPlaced;
import com.complaintcase.events.privacy.LegalHoldReleased;
import com.complaintcase.events.privacy.PersonalDataErased;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.complaintcase.command.complaint.RefusalMatcher.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Erasure of a customer's personal data and legal holds (domain brief, section 9; ADR 0008). */
class CustomerPrivacyRulesTest {

    private static final Instant NOW = Instant.parse("2031-06-01T10:00:00Z");
    private static final CustomerId CUSTOMER = CustomerId.of("CUST-42");
    private static final ComplaintId UK_CASE = ComplaintId.of("3f2b8c1e-6d4a-4b7e-9c1a-2e5f8d9b0a11");
    private static final ComplaintId CN_CASE = ComplaintId.of("3f2b8c1e-6d4a-4b7e-9c1a-2e5f8d9b0a12");
    private static final Actor COMPLIANCE1 = new Actor("compliance1", Role.COMPLIANCE);
    private static final Actor SUPERVISOR1 = new Actor("supervisor1", Role.SUPERVISOR);
    private static final String REASON = "erasure request ER-2031-0042";

    private AggregateTestFixture<CustomerPrivacy> fixture;
    private final Map<CustomerId, List<CaseRetention>> knownCases = new LinkedHashMap<>();
    private final List<List<ComplaintId>> destroyedKeys = new ArrayList<>();

    @BeforeEach
    void setUpFixture() {
        fixture = new AggregateTestFixture<>(CustomerPrivacy.class);
        PersonalDataKeys keys = (customer, cases) -> destroyedKeys.add(cases);
        fixture.registerAnnotatedCommandHandler(new CustomerPrivacyCommandHandler(fixture.getRepository(),
                customer -> knownCases.getOrDefault(customer, List.of()), new RetentionPolicy(RetentionPolicy.DEFAULTS),
                keys, new FixtureClock(fixture::currentTime)));
        fixture.givenCurrentTime(NOW);
    }

    private void customerHas(CaseRetention... cases) {
        knownCases.put(CUSTOMER, List.of(cases));
    }

    private static CaseRetention finished(ComplaintId id, String jurisdiction, Period before) {
        return new CaseRetention(id, jurisdiction, NOW.atOffset(ZoneOffset.UTC).minus(before).toInstant());
    }

    private static EraseCustomerData erase(Actor actor) {
        return new EraseCustomerData(CUSTOMER, REASON, actor);
    }

    private static LegalHoldPlaced holdPlaced() {
        return new LegalHoldPlaced(CUSTOMER, "litigation L-7", NOW.minusSeconds(3600), COMPLIANCE1);
    }

    @Nested
    class Erasure {

        @Test
        void compliance_erases_a_customer_whose_cases_are_past_their_retention_and_their_keys_are_destroyed() {
            customerHas(finished(UK_CASE, "UK", Period.ofYears(3)), finished(CN_CASE, "CN", Period.ofYears(6)));

            fixture.givenNoPriorActivity()
                    .when(erase(COMPLIANCE1))
                    .expectEvents(new PersonalDataErased(CUSTOMER, REASON, List.of(UK_CASE, CN_CASE), NOW, COMPLIANCE1))
                    .expectResultMessagePayload(new PrivacyResult(CUSTOMER, List.of(UK_CASE, CN_CASE), 0));
            assertThat(destroyedKeys).containsExactly(List.of(UK_CASE, CN_CASE));
        }

        @Test
        void erasure_is_refused_under_legal_hold() {
            customerHas(finished(UK_CASE, "UK", Period.ofYears(4)));

            fixture.given(holdPlaced())
                    .when(erase(COMPLIANCE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.LEGAL_HOLD));
            assertThat(destroyedKeys).isEmpty();
        }

        @Test
        void erasure_is_possible_again_once_the_legal_hold_is_released() {
            customerHas(finished(UK_CASE, "UK", Period.ofYears(4)));

            fixture.given(holdPlaced(), new LegalHoldReleased(CUSTOMER, "litigation settled", NOW, COMPLIANCE1))
                    .when(erase(COMPLIANCE1))
                    .expectEvents(new PersonalDataErased(CUSTOMER, REASON, List.of(UK_CASE), NOW, COMPLIANCE1));
        }

        @Test
        void erasure_is_refused_while_a_case_of_the_customer_is_open() {
            customerHas(finished(UK_CASE, "UK", Period.ofYears(4)), new CaseRetention(CN_CASE, "CN", null));

            fixture.givenNoPriorActivity()
                    .when(erase(COMPLIANCE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.CASE_NOT_FINISHED));
            assertThat(destroyedKeys).isEmpty();
        }

        @Test
        void erasure_is_refused_before_the_retention_period_of_the_cases_jurisdiction_has_passed() {
            customerHas(finished(CN_CASE, "CN", Period.ofYears(4)));

            fixture.givenNoPriorActivity()
                    .when(erase(COMPLIANCE1))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.RETENTION_PERIOD_RUNNING));
        }

        @Test
        void each_case_is_kept_for_the_retention_period_of_its_own_jurisdiction() {
            customerHas(finished(UK_CASE, "US", Period.ofYears(2)));

            fixture.givenNoPriorActivity()
                    .when(erase(COMPLIANCE1))
                    .expectEvents(new PersonalDataErased(CUSTOMER, REASON, List.of(UK_CASE), NOW, COMPLIANCE1));
        }

        @Test
        void a_case_of_a_jurisdiction_without_a_period_is_kept_for_the_longest_one() {
            customerHas(finished(UK_CASE, "SG", Period.ofYears(4)));

            fixture.givenNoPriorActivity()
                    .when(erase(COMPLIANCE1))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.RETENTION_PERIOD_RUNNING));
        }

        @Test
        void a_customers_data_is_erased_only_once() {
            customerHas(finished(UK_CASE, "UK", Period.ofYears(4)));

            fixture.given(new PersonalDataErased(CUSTOMER, REASON, List.of(UK_CASE), NOW.minusSeconds(60), COMPLIANCE1))
                    .when(erase(COMPLIANCE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.ALREADY_ERASED));
            assertThat(destroyedKeys).isEmpty();
        }

        @Test
        void only_compliance_may_erase_personal_data() {
            customerHas(finished(UK_CASE, "UK", Period.ofYears(4)));

            fixture.givenNoPriorActivity()
                    .when(erase(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void a_customer_without_cases_has_nothing_to_erase() {
            fixture.givenNoPriorActivity()
                    .when(erase(COMPLIANCE1))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.NO_CASES_OF_CUSTOMER));
        }
    }

    @Nested
    class LegalHold {

        @Test
        void compliance_places_a_legal_hold_with_its_reason() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceLegalHold(CUSTOMER, "litigation L-7", COMPLIANCE1))
                    .expectEvents(new LegalHoldPlaced(CUSTOMER, "litigation L-7", NOW, COMPLIANCE1));
        }

        @Test
        void a_second_hold_is_refused_while_one_is_in_place() {
            fixture.given(holdPlaced())
                    .when(new PlaceLegalHold(CUSTOMER, "another matter", COMPLIANCE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.LEGAL_HOLD_ALREADY_PLACED));
        }

        @Test
        void compliance_releases_a_hold_with_its_reason() {
            fixture.given(holdPlaced())
                    .when(new ReleaseLegalHold(CUSTOMER, "litigation settled", COMPLIANCE1))
                    .expectEvents(new LegalHoldReleased(CUSTOMER, "litigation settled", NOW, COMPLIANCE1));
        }

        @Test
        void there_is_no_hold_to_release_without_one() {
            fixture.givenNoPriorActivity()
                    .when(new ReleaseLegalHold(CUSTOMER, "nothing", COMPLIANCE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.NO_LEGAL_HOLD));
        }

        @Test
        void only_compliance_places_or_releases_holds() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceLegalHold(CUSTOMER, "litigation L-7", SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
            fixture.given(holdPlaced())
                    .when(new ReleaseLegalHold(CUSTOMER, "settled", SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void no_hold_is_placed_on_data_that_was_erased() {
            fixture.given(new PersonalDataErased(CUSTOMER, REASON, List.of(UK_CASE), NOW.minusSeconds(60), COMPLIANCE1))
                    .when(new PlaceLegalHold(CUSTOMER, "too late", COMPLIANCE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.ALREADY_ERASED));
        }
    }
}
