package com.complaintcase.values;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcerptTest {

    @Test
    void a_short_printable_value_is_repeated_as_it_is() {
        assertThat(Excerpt.of("yesterday")).isEqualTo("yesterday");
    }

    @Test
    void a_long_value_is_cut_to_64_characters_and_says_how_many_more_there_were() {
        assertThat(Excerpt.of("x".repeat(1000))).isEqualTo("x".repeat(64) + "... (936 more characters)");
    }

    @Test
    void control_characters_and_unpaired_surrogates_are_escaped_and_pairs_kept() {
        assertThat(Excerpt.of("a\u0000b\u001b[2J\ud800c\ud83d\ude00"))
                .isEqualTo("a\\u0000b\\u001B[2J\\uD800c\ud83d\ude00");
    }
}
