package com.complaintcase.query.cases;

import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals of the open and overdue lists: exact with every page up to the exact-total limit (3 here), the last
 * exact count, at most the large totals' age old (10 s here), above it.
 */
@TestPropertySource(properties = {
        "complaints.queries.exact-total-limit=3",
        "complaints.queries.large-total-max-age=PT10S"})
class LongListTotalsTest extends ProjectionTestSupport {

    @Autowired
    private CaseQueryHandler cases;

    @Test
    void a_total_up_to_the_limit_is_counted_with_its_page() {
        ComplaintStory[] three = openCases(3);
        given(three);
        Instant now = clock.instant();

        OpenCases page = open();
        assertThat(page.totalElements()).isEqualTo(3);
        assertThat(page.totalCountedAt()).isEqualTo(now);

        given(three[0].withdrawn());
        assertThat(open().totalElements()).as("counted again at once, whatever the age").isEqualTo(2);
    }

    @Test
    void a_total_above_the_limit_is_the_last_count_until_it_is_older_than_the_large_totals_age() {
        given(openCases(5));
        Instant counted = clock.instant();
        assertThat(open().totalElements()).isEqualTo(5);

        given(openCases(2));
        clock.set(counted.plusSeconds(10));
        OpenCases withinAge = open();
        assertThat(withinAge.totalElements()).isEqualTo(5);
        assertThat(withinAge.totalCountedAt()).isEqualTo(counted);
        assertThat(withinAge.items()).as("the page itself is read now").hasSize(7);

        clock.set(counted.plusSeconds(11));
        OpenCases recounted = open();
        assertThat(recounted.totalElements()).isEqualTo(7);
        assertThat(recounted.totalCountedAt()).isEqualTo(counted.plusSeconds(11));
    }

    @Test
    void each_list_and_filter_has_its_own_total() {
        ComplaintStory[] notContacted = Stream.generate(() -> aCase().registered().reviewed().assignedTo("handler1"))
                .limit(4).toArray(ComplaintStory[]::new);
        given(notContacted);
        given(aCase().registered().investigatedBy("handler2"));
        now(notContacted[0].firstContactDueAt().plus(Duration.ofHours(1)));

        assertThat(open().totalElements()).isEqualTo(5);
        assertThat(cases.overdue(new CaseQueries.FindOverdueCases(CaseFilter.NONE, page())).totalElements()).isEqualTo(4);
        assertThat(cases.open(new CaseQueries.FindOpenCases(new CaseFilter(null, null, null, "handler1", null), page()))
                .totalElements()).isEqualTo(4);
    }

    @Test
    void an_overdue_total_above_the_limit_is_recounted_against_the_clock_once_older_than_the_age() {
        ComplaintStory[] notContacted = Stream.generate(() -> aCase().registered().reviewed().assignedTo("handler1"))
                .limit(6).toArray(ComplaintStory[]::new);
        given(notContacted);
        Instant due = notContacted[0].firstContactDueAt();
        now(due.plusSeconds(1));
        OverdueCases first = cases.overdue(new CaseQueries.FindOverdueCases(CaseFilter.NONE, page()));
        assertThat(first.totalElements()).isEqualTo(6);

        given(notContacted[0].contacted(), notContacted[1].contacted());
        now(due.plusSeconds(5));
        assertThat(cases.overdue(new CaseQueries.FindOverdueCases(CaseFilter.NONE, page())).totalElements()).isEqualTo(6);
        now(due.plusSeconds(12));
        OverdueCases recounted = cases.overdue(new CaseQueries.FindOverdueCases(CaseFilter.NONE, page()));
        assertThat(recounted.totalElements()).isEqualTo(4);
        assertThat(recounted.items()).hasSize(4);
    }

    private OpenCases open() {
        return cases.open(new CaseQueries.FindOpenCases(CaseFilter.NONE, page()));
    }

    private static PageSpec page() {
        return PageSpec.parse(0, 50, null, "receivedAt", false);
    }

    private static ComplaintStory[] openCases(int count) {
        return Stream.generate(() -> aCase().registered()).limit(count).toArray(ComplaintStory[]::new);
    }
}
