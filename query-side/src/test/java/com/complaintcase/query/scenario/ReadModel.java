package com.complaintcase.query.scenario;

import com.complaintcase.query.cases.CaseSummary;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The read model as a test inspects it: straight from the database, each read in a fresh transaction. */
public final class ReadModel {

    private final Projections projections;

    ReadModel(Projections projections) {
        this.projections = projections;
    }

    /** The case's row, loaded afresh (deadlines and escalations included) and detached. */
    public CaseSummary caseSummary(String complaintId) {
        Optional<CaseSummary> summary = findCase(complaintId);
        assertThat(summary).as("case_summary row of %s", complaintId).isPresent();
        return summary.get();
    }

    public CaseSummary caseSummary(ComplaintStory story) {
        return caseSummary(story.id());
    }

    public Optional<CaseSummary> findCase(String complaintId) {
        return projections.read(entityManager -> {
            CaseSummary summary = entityManager.find(CaseSummary.class, complaintId);
            if (summary != null) {
                summary.deadlines().size();
                summary.escalations().size();
            }
            return Optional.ofNullable(summary);
        });
    }

    /** An entity of the read model by its id, detached. */
    public <T> Optional<T> find(Class<T> type, Object id) {
        return projections.read(entityManager -> Optional.ofNullable(entityManager.find(type, id)));
    }

    /** All entities of a type, detached. */
    public <T> List<T> all(Class<T> type) {
        return projections.read(entityManager -> entityManager
                .createQuery("select e from " + type.getSimpleName() + " e", type).getResultList());
    }

    public <T> T read(Function<EntityManager, T> reading) {
        return projections.read(reading);
    }

    /** How many rows a read-model table holds. */
    public long rows(String table) {
        return projections.rows(table);
    }

    /** Every row of every read-model table (see {@link Projections#snapshot()}). */
    public Map<String, List<String>> snapshot() {
        return projections.snapshot();
    }
}
