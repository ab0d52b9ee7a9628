package com.complaintcase.query.metrics;

import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.values.Channel;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /api/metrics/satisfaction}: satisfied answers (score 4 or 5) of all answers, overall and
 * per group, with the average score. The expected numbers are worked out by hand from five answers:
 * <pre>
 * case  branch   channel  category               root issue           handler   level               month    score
 * 1     BR-0101  PHONE    BUSINESS_ERROR         FEES                 handler1  BRANCH              2026-10  5
 * 2     BR-0101  ONLINE   HARDWARE_AND_CHANNELS  TECHNICAL            handler1  BRANCH              2026-10  4
 * 3     BR-0200  PHONE    PERSONNEL_SERVICE      SERVICE_ATTITUDE     handler2  FIRST_LEVEL_BRANCH  2026-11  2
 * 4     BR-0200  VISIT    PERSONNEL_SERVICE      SERVICE_ATTITUDE     handler2  BRANCH              2026-11  3
 * 5     BR-0101  PHONE    BUSINESS_ERROR         PRODUCT_INFORMATION  handler1  BRANCH              2026-11  5
 * 6     BR-0101  PHONE    BUSINESS_ERROR         FEES                 handler1  BRANCH              resolved, no answer
 * </pre>
 */
class SatisfactionMetricsTest extends ProjectionTestSupport {

    @Autowired
    private MetricsQueryHandler metrics;

    @Autowired
    private JsonMapper json;

    private ComplaintStory[] answered;

    @BeforeEach
    void fiveAnswersAndOneCaseWithout() {
        ComplaintStory one = aCase().receivedAt(at("2026-10-05T09:00:00Z")).inBranch("BR-0101").through(Channel.PHONE)
                .about(Subcategory.WRONG_FEE).withRootIssue(RootIssue.FEES)
                .registered().investigatedBy("handler1").resolved().at(at("2026-10-20T10:00:00Z")).feedback(5);
        ComplaintStory two = aCase().receivedAt(at("2026-10-12T09:00:00Z")).inBranch("BR-0101").through(Channel.ONLINE)
                .about(Subcategory.MOBILE_BANKING).withRootIssue(RootIssue.TECHNICAL)
                .registered().investigatedBy("handler1").resolved().at(at("2026-10-25T10:00:00Z")).feedback(4);
        ComplaintStory three = aCase().receivedAt(at("2026-10-28T09:00:00Z")).inBranch("BR-0200").through(Channel.PHONE)
                .about(Subcategory.POOR_ATTITUDE).withRootIssue(RootIssue.SERVICE_ATTITUDE)
                .registered().investigatedBy("handler2").escalated(EscalationReason.BEYOND_AUTHORITY).resolved()
                .at(at("2026-11-10T10:00:00Z")).feedback(2);
        ComplaintStory four = aCase().receivedAt(at("2026-11-03T09:00:00Z")).inBranch("BR-0200").through(Channel.VISIT)
                .about(Subcategory.POOR_ATTITUDE).withRootIssue(RootIssue.SERVICE_ATTITUDE)
                .registered().investigatedBy("handler2").resolved().at(at("2026-11-12T10:00:00Z")).feedback(3);
        ComplaintStory five = aCase().receivedAt(at("2026-11-06T09:00:00Z")).inBranch("BR-0101").through(Channel.PHONE)
                .about(Subcategory.OPERATION_ERROR).withRootIssue(RootIssue.PRODUCT_INFORMATION)
                .registered().investigatedBy("handler1").resolved().at(at("2026-11-15T10:00:00Z")).feedback(5);
        ComplaintStory noAnswer = aCase().receivedAt(at("2026-11-07T09:00:00Z")).inBranch("BR-0101")
                .registered().investigatedBy("handler1").resolved();
        answered = new ComplaintStory[] {one, two, three, four, five};

        given(one, two, three, four, five, noAnswer);
    }

    @Test
    void overall_the_rate_is_satisfied_answers_over_all_answers() {
        MetricsQueries.SatisfactionReport report = satisfaction(everything(), null);

        assertThat(report.overall().responses()).isEqualTo(5);
        assertThat(report.overall().satisfied()).isEqualTo(3);
        assertThat(report.overall().rate()).isCloseTo(new BigDecimal("0.6"), within(new BigDecimal("0.0001")));
        assertThat(report.groups()).isEmpty();
    }

    static Stream<Arguments> groupings() {
        return Stream.of(
                Arguments.of("month", Map.of(
                        "2026-10", scores(5, 4),
                        "2026-11", scores(2, 3, 5))),
                Arguments.of("category", Map.of(
                        "BUSINESS_ERROR", scores(5, 5),
                        "HARDWARE_AND_CHANNELS", scores(4),
                        "PERSONNEL_SERVICE", scores(2, 3))),
                Arguments.of("rootIssue", Map.of(
                        "FEES", scores(5),
                        "TECHNICAL", scores(4),
                        "SERVICE_ATTITUDE", scores(2, 3),
                        "PRODUCT_INFORMATION", scores(5))),
                Arguments.of("branchCode", Map.of(
                        "BR-0101", scores(5, 4, 5),
                        "BR-0200", scores(2, 3))),
                Arguments.of("channel", Map.of(
                        "PHONE", scores(5, 2, 5),
                        "ONLINE", scores(4),
                        "VISIT", scores(3))),
                Arguments.of("handlerId", Map.of(
                        "handler1", scores(5, 4, 5),
                        "handler2", scores(2, 3))),
                Arguments.of("level", Map.of(
                        "BRANCH", scores(5, 4, 3, 5),
                        "FIRST_LEVEL_BRANCH", scores(2))));
    }

    @ParameterizedTest(name = "groupBy={0}")
    @MethodSource("groupings")
    void each_group_has_its_responses_satisfied_answers_rate_and_average_score(String groupBy, Map<String, int[]> expected) {
        MetricsQueries.SatisfactionReport report = satisfaction(everything(), Dimension.parse(groupBy));

        Map<String, MetricsQueries.SatisfactionGroup> groups = report.groups().stream()
                .collect(Collectors.toMap(MetricsQueries.SatisfactionGroup::key, group -> group));
        assertThat(groups).containsOnlyKeys(expected.keySet());
        expected.forEach((key, scores) -> {
            MetricsQueries.SatisfactionGroup group = groups.get(key);
            long satisfied = Arrays.stream(scores).filter(score -> score >= 4).count();
            assertThat(group.responses()).as("%s responses", key).isEqualTo(scores.length);
            assertThat(group.satisfied()).as("%s satisfied", key).isEqualTo(satisfied);
            assertThat(group.rate().doubleValue()).as("%s rate", key)
                    .isCloseTo((double) satisfied / scores.length, within(0.0001));
            assertThat(group.averageScore().doubleValue()).as("%s average score", key)
                    .isCloseTo(Arrays.stream(scores).average().orElseThrow(), within(0.005));
        });
        assertThat(report.overall().responses()).isEqualTo(5);
        assertThat(report.overall().satisfied()).isEqualTo(3);
    }

    @Test
    void the_period_counts_the_answers_given_from_its_start_up_to_but_excluding_its_end() {
        MetricsQueries.SatisfactionReport november = satisfaction(
                new MetricsQueries.Period(at("2026-11-01T00:00:00Z"), at("2026-12-01T00:00:00Z")), null);
        MetricsQueries.SatisfactionReport upToTheLastAnswer = satisfaction(
                new MetricsQueries.Period(null, at("2026-11-15T10:00:00Z")), null);

        assertThat(november.overall().responses()).isEqualTo(3);
        assertThat(november.overall().satisfied()).isEqualTo(1);
        assertThat(november.overall().rate().doubleValue()).isCloseTo(1 / 3d, within(0.0001));
        assertThat(upToTheLastAnswer.overall().responses()).isEqualTo(4);
    }

    @Test
    void no_answers_in_the_period_means_no_rate() {
        MetricsQueries.SatisfactionReport report = satisfaction(
                new MetricsQueries.Period(at("2027-01-01T00:00:00Z"), at("2027-02-01T00:00:00Z")), Dimension.CATEGORY);

        assertThat(report.overall().responses()).isZero();
        assertThat(report.overall().satisfied()).isZero();
        assertThat(report.overall().rate()).isNull();
        assertThat(report.groups()).isEmpty();
    }

    @Test
    void answers_redelivered_or_replayed_are_counted_once() {
        MetricsQueries.SatisfactionReport before = satisfaction(everything(), Dimension.BRANCH_CODE);

        ComplaintStory[] stories = answered;
        given(stories).whenDeliveredAgain().whenReplayed();

        MetricsQueries.SatisfactionReport after = satisfaction(everything(), Dimension.BRANCH_CODE);
        assertThat(after).isEqualTo(before);
        assertThat(after.overall().responses()).isEqualTo(5);
    }

    @Test
    void an_answer_after_each_resolution_of_a_reopened_case_counts_as_an_answer_of_its_own() {
        ComplaintStory reopened = aCase().receivedAt(at("2026-12-01T09:00:00Z")).registered().investigatedBy("handler1")
                .resolved().feedback(2).closed().reopened().resolved().feedback(5);

        given(reopened).whenDeliveredAgain().thenNothingChanged();

        MetricsQueries.SatisfactionReport december = satisfaction(
                new MetricsQueries.Period(at("2026-12-01T00:00:00Z"), at("2027-01-01T00:00:00Z")), null);
        assertThat(december.overall().responses()).isEqualTo(2);
        assertThat(december.overall().satisfied()).isEqualTo(1);
    }

    @Test
    void the_satisfaction_answer_contains_no_customer_personal_data() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            answers.put(dimension.name(), json.writeValueAsString(satisfaction(everything(), dimension)));
        }

        answers.forEach((dimension, answer) -> assertThat(answer).as(dimension)
                .doesNotContain(ComplaintStory.CUSTOMER_NAME, ComplaintStory.CUSTOMER_PHONE,
                        ComplaintStory.CUSTOMER_EMAIL, ComplaintStory.DESCRIPTION, "answered the survey"));
        assertThat(answers.get("BRANCH_CODE")).contains("BR-0101", "\"responses\"", "\"satisfied\"", "\"rate\"",
                "\"averageScore\"", "\"overall\"", "\"groups\"", "\"key\"");
    }

    // ---- helpers ----

    private MetricsQueries.SatisfactionReport satisfaction(MetricsQueries.Period period, Dimension groupBy) {
        return metrics.satisfaction(new MetricsQueries.Satisfaction(period, groupBy));
    }

    private static MetricsQueries.Period everything() {
        return new MetricsQueries.Period(null, null);
    }

    private static int[] scores(int... scores) {
        return scores;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
