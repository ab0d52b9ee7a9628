package com.complaintcase.query.metrics;

import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code /api/metrics/handling-time} (registration to the customer's acceptance of the resolution:
 * average and nearest-rank percentiles) and {@code /api/metrics/volume} (cases registered, by
 * category or root issue).
 */
class HandlingTimeAndVolumeMetricsTest extends ProjectionTestSupport {

    @Autowired
    private MetricsQueryHandler metrics;

    @Autowired
    private JsonMapper json;

    /**
     * Ten cases resolved 1, 2, ... 10 days after registration; the odd ones are business errors, the
     * even ones personnel service. Worked out by hand (nearest rank: the ceil(p/100 * n)-th value):
     * all ten: average 5.5 days, p50 the 5th = 5 days, p90 the 9th = 9 days, p95 the 10th = 10 days;
     * odd (1, 3, 5, 7, 9): average 5, p50 the 3rd = 5, p90 the 5th = 9; even (2, 4, 6, 8, 10): average 6,
     * p50 6, p90 10.
     */
    private List<ComplaintStory> tenResolutions() {
        List<ComplaintStory> stories = new ArrayList<>();
        for (int days = 1; days <= 10; days++) {
            ComplaintStory story = aCase().receivedAt(Instant.parse("2026-11-02T09:00:00Z").plus(Duration.ofHours(days)))
                    .about(days % 2 == 1 ? Subcategory.WRONG_FEE : Subcategory.POOR_ATTITUDE)
                    .registered().investigatedBy("handler1").resolutionProposed();
            story.at(story.registeredAt().plus(Duration.ofDays(days))).resolutionAccepted();
            stories.add(story);
        }
        return stories;
    }

    @Test
    void handling_time_runs_from_registration_to_the_accepted_resolution_with_average_and_percentiles() {
        given(tenResolutions().toArray(ComplaintStory[]::new));

        MetricsQueries.TimeStatistics overall = handlingTime(null).overall();

        assertThat(overall.resolutions()).isEqualTo(10);
        assertThat(overall.average()).isEqualTo(Duration.ofHours(132));
        assertThat(overall.p50()).isEqualTo(Duration.ofDays(5));
        assertThat(overall.p90()).isEqualTo(Duration.ofDays(9));
        assertThat(overall.p95()).isEqualTo(Duration.ofDays(10));
        assertThat(overall.max()).isEqualTo(Duration.ofDays(10));
        assertThat(overall.averageDays()).isCloseTo(new BigDecimal("5.50"), within(new BigDecimal("0.005")));
    }

    @Test
    void handling_time_per_group_is_computed_over_that_groups_resolutions_only() {
        given(tenResolutions().toArray(ComplaintStory[]::new));

        Map<String, MetricsQueries.TimeStatistics> byCategory = handlingTime(Dimension.CATEGORY).groups().stream()
                .collect(Collectors.toMap(MetricsQueries.HandlingTimeGroup::key, MetricsQueries.HandlingTimeGroup::statistics));

        assertThat(byCategory).containsOnlyKeys("BUSINESS_ERROR", "PERSONNEL_SERVICE");
        MetricsQueries.TimeStatistics odd = byCategory.get("BUSINESS_ERROR");
        assertThat(odd.resolutions()).isEqualTo(5);
        assertThat(odd.average()).isEqualTo(Duration.ofDays(5));
        assertThat(odd.p50()).isEqualTo(Duration.ofDays(5));
        assertThat(odd.p90()).isEqualTo(Duration.ofDays(9));
        MetricsQueries.TimeStatistics even = byCategory.get("PERSONNEL_SERVICE");
        assertThat(even.resolutions()).isEqualTo(5);
        assertThat(even.average()).isEqualTo(Duration.ofDays(6));
        assertThat(even.p50()).isEqualTo(Duration.ofDays(6));
        assertThat(even.p90()).isEqualTo(Duration.ofDays(10));
    }

    @Test
    void resolutions_redelivered_or_replayed_are_timed_once() {
        List<ComplaintStory> stories = tenResolutions();
        given(stories.toArray(ComplaintStory[]::new)).whenDeliveredAgain().whenReplayed();

        MetricsQueries.TimeStatistics overall = handlingTime(null).overall();

        assertThat(overall.resolutions()).isEqualTo(10);
        assertThat(overall.average()).isEqualTo(Duration.ofHours(132));
    }

    @Test
    void cases_not_yet_resolved_are_not_timed() {
        given(aCase().registered().investigatedBy("handler1").resolutionProposed(),
                aCase().registered().investigatedBy("handler1").resolutionProposed().resolutionRejected());

        MetricsQueries.TimeStatistics overall = handlingTime(null).overall();

        assertThat(overall.resolutions()).isZero();
        assertThat(overall.average()).isNull();
    }

    @Test
    void volume_counts_the_cases_registered_in_the_period_by_category_and_by_root_issue() {
        ComplaintStory october = aCase().receivedAt(Instant.parse("2026-10-30T09:00:00Z"))
                .about(Subcategory.WRONG_FEE).withRootIssue(RootIssue.FEES).registered();
        given(october,
                november(2, Subcategory.WRONG_FEE, RootIssue.FEES),
                november(3, Subcategory.SYSTEM_ERROR, RootIssue.FEES),
                november(4, Subcategory.OPERATION_ERROR, RootIssue.PRODUCT_INFORMATION),
                november(5, Subcategory.POOR_ATTITUDE, RootIssue.SERVICE_ATTITUDE),
                november(6, Subcategory.POOR_COMMUNICATION, RootIssue.SERVICE_ATTITUDE),
                november(7, Subcategory.MOBILE_BANKING, RootIssue.TECHNICAL))
                .whenDeliveredAgain().thenNothingChanged();
        MetricsQueries.Period novemberOnly = new MetricsQueries.Period(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"));

        MetricsQueries.VolumeReport byCategory = metrics.volume(new MetricsQueries.Volume(novemberOnly, Dimension.CATEGORY));
        MetricsQueries.VolumeReport byRootIssue = metrics.volume(new MetricsQueries.Volume(novemberOnly, Dimension.ROOT_ISSUE));
        MetricsQueries.VolumeReport all = metrics.volume(new MetricsQueries.Volume(new MetricsQueries.Period(null, null), null));

        assertThat(byCategory.total()).isEqualTo(6);
        assertThat(counts(byCategory)).containsOnly(
                entry("BUSINESS_ERROR", 3L), entry("PERSONNEL_SERVICE", 2L), entry("HARDWARE_AND_CHANNELS", 1L));
        assertThat(counts(byRootIssue)).containsOnly(
                entry("FEES", 2L), entry("PRODUCT_INFORMATION", 1L), entry("SERVICE_ATTITUDE", 2L), entry("TECHNICAL", 1L));
        assertThat(all.total()).isEqualTo(7);
        assertThat(all.groups()).isEmpty();
    }

    @Test
    void handling_time_and_volume_answers_contain_no_customer_personal_data() {
        given(tenResolutions().toArray(ComplaintStory[]::new));

        for (Dimension dimension : Dimension.values()) {
            String handling = json.writeValueAsString(handlingTime(dimension));
            String volume = json.writeValueAsString(metrics.volume(new MetricsQueries.Volume(new MetricsQueries.Period(null, null), dimension)));
            for (String answer : List.of(handling, volume)) {
                assertThat(answer).as(dimension.name()).doesNotContain(ComplaintStory.CUSTOMER_NAME,
                        ComplaintStory.CUSTOMER_PHONE, ComplaintStory.CUSTOMER_EMAIL, ComplaintStory.DESCRIPTION);
            }
        }
    }

    // ---- helpers ----

    private MetricsQueries.HandlingTimeReport handlingTime(Dimension groupBy) {
        return metrics.handlingTime(new MetricsQueries.HandlingTime(new MetricsQueries.Period(null, null), groupBy));
    }

    private static ComplaintStory november(int day, Subcategory subcategory, RootIssue rootIssue) {
        return aCase().receivedAt(Instant.parse(String.format("2026-11-%02dT09:00:00Z", day)))
                .about(subcategory).withRootIssue(rootIssue).registered();
    }

    private static Map<String, Long> counts(MetricsQueries.VolumeReport report) {
        return report.groups().stream().collect(Collectors.toMap(MetricsQueries.VolumeGroup::key, MetricsQueries.VolumeGroup::count));
    }
}
