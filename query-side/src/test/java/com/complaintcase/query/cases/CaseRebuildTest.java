package com.complaintcase.query.cases;

import com.complaintcase.events.privacy.PersonalDataErased;
import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.values.Actor;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.Money;
import com.complaintcase.values.PersonalData;
import com.complaintcase.values.Role;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild folds each batch of replayed events per case and writes each case once: wherever the batches cut the
 * cases' lives, and wherever an erasure falls among them, the rows must come out as live processing leaves them.
 */
class CaseRebuildTest extends ProjectionTestSupport {

    private static final String ERASED_CUSTOMER = "C-ERASED";

    private final ComplaintStory erasedCustomersCase = aCase().fromCustomer(ERASED_CUSTOMER).inBranch("BR-0101")
            .registered().reviewed().assignedTo("handler1").escalated(EscalationReason.MEDIA_THREAT)
            .contacted().withdrawn();
    private final ComplaintStory wholeLife = aCase().fromCustomer("C-2").registeredLate(Duration.ofHours(2), "by letter")
            .reviewed().assignedTo("handler1").transferredTo("BR-0200").assignedTo("handler2")
            .after(Duration.ofDays(3)).contacted().evidenceAttached().findingsRecorded()
            .escalated(EscalationReason.REPEAT_COMPLAINT).deadlineExtended(10)
            .resolutionProposed(Money.of("300.00", "CNY")).compensationApproved().resolutionAccepted()
            .compensationPaid(Money.of("300.00", "CNY")).feedback(4).closed().reopened();
    private final ComplaintStory stillOpen = aCase().fromCustomer("C-3").registered().investigatedBy("handler2")
            .escalated(EscalationReason.CUSTOMER_REQUEST);

    /**
     * The three cases' events taken in turns, with the erasure of the first case's customer before that case's
     * last event (its withdrawal comes after the erasure).
     */
    private List<DomainEventMessage<?>> history() {
        List<DomainEventMessage<?>> history = new ArrayList<>();
        List<List<? extends DomainEventMessage<?>>> lives = List.of(
                erasedCustomersCase.messages(), wholeLife.messages(), stillOpen.messages());
        int longest = lives.stream().mapToInt(List::size).max().orElse(0);
        int erasedLast = erasedCustomersCase.messages().size() - 1;
        for (int turn = 0; turn < longest; turn++) {
            for (List<? extends DomainEventMessage<?>> life : lives) {
                if (life == lives.get(0) && turn == erasedLast) {
                    history.add(erasure());
                }
                if (turn < life.size()) {
                    history.add(life.get(turn));
                }
            }
        }
        return history;
    }

    @ParameterizedTest(name = "batches of {0}")
    @ValueSource(ints = {1, 2, 3, 7, 1000})
    void a_replay_in_batches_of_any_size_gives_the_rows_of_live_processing(int batchSize) {
        List<DomainEventMessage<?>> history = history();
        Map<String, List<String>> live = given(history).snapshot();

        projections.reset();
        projections.replayInBatches(history, batchSize, history.size());

        assertThat(readModel().snapshot()).isEqualTo(live);
    }

    @Test
    void a_replayed_erasure_leaves_the_rebuilt_case_without_personal_data() {
        List<DomainEventMessage<?>> history = history();
        given(history);

        projections.reset();
        projections.replayInBatches(history, 5, history.size());

        CaseSummary erased = readModel().caseSummary(erasedCustomersCase);
        assertThat(List.of(erased.customerName(), erased.customerPhone(), erased.customerEmail(), erased.description()))
                .containsOnly(PersonalData.ERASED);
        assertThat(erased.version()).isEqualTo(erasedCustomersCase.lastSequence());
        assertThat(cipher.decrypt(readModel().caseSummary(stillOpen).customerName())).isEqualTo(ComplaintStory.CUSTOMER_NAME);
    }

    @ParameterizedTest(name = "live from event {0}")
    @ValueSource(ints = {1, 10, 25})
    void a_batch_that_turns_live_midway_writes_its_replayed_cases_before_the_live_events_read_them(int liveFrom) {
        List<DomainEventMessage<?>> history = history();
        Map<String, List<String>> live = given(history).snapshot();

        projections.reset();
        projections.replayInBatches(history, 1000, liveFrom);

        assertThat(readModel().snapshot()).isEqualTo(live);
    }

    @Test
    void replaying_onto_rows_already_rebuilt_changes_nothing() {
        List<DomainEventMessage<?>> history = history();
        Map<String, List<String>> live = given(history).snapshot();

        projections.replayInBatches(history, 4, history.size());

        assertThat(readModel().snapshot()).isEqualTo(live);
    }

    @Test
    void the_reset_empties_the_cases_tables() {
        given(history());

        projections.reset();

        assertThat(List.of(readModel().rows("case_summary"), readModel().rows("case_deadline"),
                readModel().rows("case_escalation"))).containsOnly(0L);
    }

    private DomainEventMessage<PersonalDataErased> erasure() {
        PersonalDataErased event = new PersonalDataErased(CustomerId.of(ERASED_CUSTOMER), "request ER-7",
                List.of(erasedCustomersCase.complaintId()), erasedCustomersCase.lastRecordedAt(),
                new Actor("compliance1", Role.COMPLIANCE));
        return new GenericDomainEventMessage<>("CustomerPrivacy", ERASED_CUSTOMER, 0, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), erasedCustomersCase.lastRecordedAt());
    }
}
