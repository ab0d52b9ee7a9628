package com.complaintcase.query.cases;

import com.complaintcase.events.privacy.PersonalDataErased;
import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.PersonalData;
import com.complaintcase.values.Role;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.complaintcase.query.scenario.ComplaintStory.CUSTOMER_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** After a customer's personal data was erased, the case rows keep none of it, and no analytic changes. */
class PersonalDataErasureProjectionTest extends ProjectionTestSupport {

    private static final Instant ERASED_AT = Instant.parse("2032-01-05T10:00:00Z");

    @Test
    void an_erasure_leaves_the_customers_cases_without_personal_data_and_others_untouched() {
        ComplaintStory erased = ComplaintStory.aCase().fromCustomer("C-7").registered().withdrawn();
        ComplaintStory other = ComplaintStory.aCase().fromCustomer("C-8").registered();

        given(erased, other)
                .whenDelivered(erasure("C-7", erased))
                .then(readModel -> {
                    CaseSummary summary = readModel.caseSummary(erased);
                    assertThat(List.of(summary.customerName(), summary.customerPhone(), summary.customerEmail(),
                            summary.description())).containsOnly(PersonalData.ERASED);
                    assertThat(summary.customerId()).isEqualTo("C-7");
                    assertThat(summary.status()).isEqualTo(ComplaintStatus.WITHDRAWN);
                    assertThat(cipher.decrypt(readModel.caseSummary(other).customerName())).isEqualTo(CUSTOMER_NAME);
                });
    }

    @Test
    void an_erasure_changes_no_metric() {
        ComplaintStory erased = ComplaintStory.aCase().fromCustomer("C-7").registered().withdrawn();
        var scenario = given(erased);
        Map<String, List<String>> before = scenario.snapshot();

        scenario.whenDelivered(erasure("C-7", erased));

        Map<String, List<String>> after = scenario.snapshot();
        for (String metricsTable : List.of("metrics_satisfaction", "metrics_resolution", "metrics_case")) {
            assertThat(after.get(metricsTable)).isEqualTo(before.get(metricsTable));
        }
    }

    private static DomainEventMessage<PersonalDataErased> erasure(String customerId, ComplaintStory story) {
        PersonalDataErased event = new PersonalDataErased(CustomerId.of(customerId), "request ER-1",
                List.of(story.complaintId()), ERASED_AT, new Actor("compliance1", Role.COMPLIANCE));
        return new GenericDomainEventMessage<>("CustomerPrivacy", customerId, 0, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), ERASED_AT);
    }
}
