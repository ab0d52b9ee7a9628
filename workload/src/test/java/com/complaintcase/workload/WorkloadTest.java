package com.complaintcase.workload;

import com.complaintcase.values.RootIssue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WorkloadTest {

    private static final int CASES = 20_000;

    private static List<CaseScript> cases(long seed, int count) {
        Workload workload = new Workload(seed);
        return IntStream.range(0, count).mapToObj(i -> workload.next()).toList();
    }

    private static double share(List<CaseScript> cases, java.util.function.Predicate<CaseScript> which) {
        return cases.stream().filter(which).count() / (double) cases.size();
    }

    @Test
    void the_same_seed_gives_the_same_cases_and_another_seed_other_cases() {
        assertThat(cases(7, 500)).isEqualTo(cases(7, 500));
        assertThat(cases(8, 50).get(0).complaintId()).isNotEqualTo(cases(7, 50).get(0).complaintId());
    }

    @Test
    void root_issues_follow_the_programme_shares_of_40_30_20_10() {
        List<CaseScript> cases = cases(42, CASES);
        assertThat(share(cases, c -> c.rootIssue() == RootIssue.SERVICE_ATTITUDE)).isCloseTo(0.40, within(0.02));
        assertThat(share(cases, c -> c.rootIssue() == RootIssue.PRODUCT_INFORMATION)).isCloseTo(0.30, within(0.02));
        assertThat(share(cases, c -> c.rootIssue() == RootIssue.TECHNICAL)).isCloseTo(0.20, within(0.03));
        assertThat(share(cases, c -> c.rootIssue() == RootIssue.FEES)).isCloseTo(0.10, within(0.02));
    }

    @Test
    void every_subcategory_belongs_to_the_category_of_the_case() {
        assertThat(cases(42, CASES)).allSatisfy(c -> assertThat(c.subcategory().category()).isEqualTo(c.category()));
    }

    @Test
    void customers_answering_the_survey_are_satisfied_about_65_percent_of_the_time() {
        List<Life> answered = cases(42, CASES).stream().map(CaseScript::life).filter(life -> life.score() > 0).toList();
        double satisfied = answered.stream().filter(Life::satisfied).count() / (double) answered.size();
        assertThat(satisfied).isCloseTo(0.65, within(0.02));
    }

    @Test
    void most_cases_are_resolved_and_some_stay_open_withdrawn_or_escalated() {
        List<CaseScript> cases = cases(42, CASES);
        assertThat(share(cases, c -> c.life().ending().reachesResolution())).isBetween(0.70, 0.82);
        assertThat(share(cases, c -> c.life().ending().name().startsWith("OPEN"))).isBetween(0.08, 0.16);
        assertThat(share(cases, c -> c.life().ending() == Life.Ending.WITHDRAWN)).isBetween(0.03, 0.09);
        assertThat(share(cases, c -> c.life().escalation() != null)).isBetween(0.03, 0.07);
        assertThat(share(cases, c -> c.lateEntryReason() != null)).isBetween(0.01, 0.03);
    }

    @Test
    void a_repeat_complaint_is_the_same_customer_about_the_same_matter() {
        List<CaseScript> cases = cases(42, CASES);
        List<CaseScript> repeats = cases.stream().filter(c -> c.repeatOf() >= 0).toList();
        assertThat(repeats.size() / (double) CASES).isCloseTo(Workload.REPEAT_SHARE, within(0.02));
        assertThat(repeats).allSatisfy(repeat -> {
            CaseScript earlier = cases.get(repeat.repeatOf());
            assertThat(repeat.customer()).isEqualTo(earlier.customer());
            assertThat(repeat.subcategory()).isEqualTo(earlier.subcategory());
        });
    }

    @Test
    void an_incident_brings_three_or_more_customers_with_one_complaint_at_one_branch() {
        Map<String, List<CaseScript>> incidents = cases(42, CASES).stream()
                .filter(c -> c.flags().incidentCode() != null)
                .collect(Collectors.groupingBy(c -> c.flags().incidentCode()));
        assertThat(incidents).hasSizeGreaterThan(100);
        assertThat(incidents.values()).allSatisfy(group -> {
            assertThat(group.stream().map(c -> c.customer().customerId()).distinct().count()).isBetween(3L, 6L);
            assertThat(group.stream().map(CaseScript::branchCode).distinct()).hasSize(1);
            assertThat(group.stream().map(CaseScript::subcategory).distinct()).hasSize(1);
        });
    }

    @Test
    void a_few_large_branches_take_many_complaints_and_every_branch_some() {
        Map<String, Long> perBranch = cases(42, CASES).stream()
                .collect(Collectors.groupingBy(c -> c.branchCode().value(), Collectors.counting()));
        assertThat(perBranch).hasSize(Workload.BRANCHES);
        assertThat(perBranch.get("BR-0001")).isGreaterThan(10 * Objects.requireNonNull(perBranch.get("BR-0120")));
        assertThat(perBranch.values().stream().mapToLong(Long::longValue).max().orElseThrow())
                .isEqualTo(perBranch.get("BR-0001"));
    }
}
