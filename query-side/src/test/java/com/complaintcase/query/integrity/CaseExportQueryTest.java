package com.complaintcase.query.integrity;

import com.complaintcase.integrity.CaseBundle;
import com.complaintcase.query.scenario.Actors;
import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.values.Actor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports carry every event with the customer's personal data: the query handler itself decides who gets one. */
class CaseExportQueryTest extends ProjectionTestSupport {

    @Autowired
    private CaseIntegrity integrity;

    @Autowired
    private EventStore eventStore;

    @Test
    void compliance_and_the_regulator_export_a_case_in_their_own_name() {
        ComplaintStory story = aCase().registered().reviewed();
        eventStore.publish(story.messages());

        for (Actor exporter : List.of(Actors.COMPLIANCE, Actors.REGULATOR)) {
            CaseBundle bundle = integrity.export(new CaseIntegrity.Export(story.id(), exporter)).orElseThrow();
            assertThat(bundle.manifest().generatedBy()).isEqualTo(exporter.userId());
            assertThat(bundle.events()).hasSize(2);
        }
    }

    @Test
    void every_other_role_or_a_query_naming_no_one_is_refused_an_export_whoever_sends_the_query() {
        ComplaintStory story = aCase().registered();
        eventStore.publish(story.messages());

        for (Actor refused : List.of(Actors.INTAKE, Actors.HANDLER_1, Actors.SUPERVISOR, Actors.ANALYST)) {
            assertThatThrownBy(() -> integrity.export(new CaseIntegrity.Export(story.id(), refused)))
                    .as("export for %s", refused).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining(refused.role().name());
        }
        assertThatThrownBy(() -> integrity.export(new CaseIntegrity.Export(story.id(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> integrity.exportRegistered(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                Actors.SUPERVISOR, new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
    }
}
