package io.switchboard.esl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderNamesTest {

    @Test
    void a_name_read_again_is_the_string_already_held() {
        String first = HeaderNames.of("x\nUnique-ID: 1\n", 2, 11);
        String again = HeaderNames.of("Event-Name: A\nUnique-ID: 2", 14, 23);

        assertThat(first).isEqualTo("Unique-ID");
        assertThat(again).isSameAs(first);
    }

    @Test
    void names_sharing_a_slot_are_each_read_right() {
        // "Aa" and "BB" have the same String hash, so they take the same slot
        assertThat(HeaderNames.of("Aa", 0, 2)).isEqualTo("Aa");
        assertThat(HeaderNames.of("BB", 0, 2)).isEqualTo("BB");
        assertThat(HeaderNames.of("Aa", 0, 2)).isEqualTo("Aa");
    }

    @Test
    void a_long_name_is_copied_not_held() {
        String line = "variable_" + "x".repeat(80) + ": 1";
        int colon = line.indexOf(':');

        assertThat(HeaderNames.of(line, 0, colon)).isEqualTo(line.substring(0, colon))
                .isNotSameAs(HeaderNames.of(line, 0, colon));
    }
}
