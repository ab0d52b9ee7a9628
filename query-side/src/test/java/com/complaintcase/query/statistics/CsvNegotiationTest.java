package com.complaintcase.query.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvNegotiationTest {

    @Test
    void csv_is_answered_only_when_the_accept_header_prefers_it_to_json() {
        assertThat(StatisticsController.csvAsked("text/csv")).isTrue();
        assertThat(StatisticsController.csvAsked("text/csv, application/json;q=0.5")).isTrue();
        assertThat(StatisticsController.csvAsked("application/json, text/csv")).isFalse();
        assertThat(StatisticsController.csvAsked("text/csv;q=0.4, application/json")).isFalse();
        assertThat(StatisticsController.csvAsked("*/*")).isFalse();
        assertThat(StatisticsController.csvAsked(null)).isFalse();
        assertThat(StatisticsController.csvAsked("not a media type")).isFalse();
    }
}
