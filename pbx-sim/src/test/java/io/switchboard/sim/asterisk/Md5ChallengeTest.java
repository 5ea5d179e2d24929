package io.switchboard.sim.asterisk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Md5ChallengeTest {

    @Test
    void the_key_is_the_md5_of_challenge_then_secret_in_hex_of_either_case() {
        assertThat(Md5Challenge.accepts("123456789", "s3cret", "d32b5714dd0e3ae70d4a845d5e524f3f")).isTrue();
        assertThat(Md5Challenge.accepts("123456789", "s3cret", "D32B5714DD0E3AE70D4A845D5E524F3F")).isTrue();
    }

    @Test
    void a_wrong_secret_a_missing_challenge_or_an_unknown_user_is_refused() {
        assertThat(Md5Challenge.accepts("123456789", "wrong", "d32b5714dd0e3ae70d4a845d5e524f3f")).isFalse();
        assertThat(Md5Challenge.accepts(null, "s3cret", "d32b5714dd0e3ae70d4a845d5e524f3f")).isFalse();
        assertThat(Md5Challenge.accepts("123456789", null, "d32b5714dd0e3ae70d4a845d5e524f3f")).isFalse();
    }

    @Test
    void challenges_are_nine_digits() {
        assertThat(Md5Challenge.next()).matches("[1-9][0-9]{8}");
    }
}
