package io.switchboard.core.call;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DidTest {

    @ParameterizedTest(name = "\"{0}\" is a DID")
    @ValueSource(strings = {"100", "+442079460999", "*70", "#1", "sales", "s", "0800SUPPORT"})
    void internal_extensions_public_numbers_and_named_extensions_are_dids(String value) {
        assertThat(Did.of(value).value()).isEqualTo(value);
    }

    @Test
    void surrounding_blanks_are_trimmed() {
        assertThat(Did.of(" 100 \t")).isEqualTo(Did.of("100"));
    }

    @Test
    void a_did_shows_in_full_in_logs_because_it_is_the_company_s_own_number() {
        assertThat(Did.of("+442079460999")).hasToString("+442079460999");
    }

    @ParameterizedTest(name = "blank \"{0}\" is rejected")
    @ValueSource(strings = {"", " ", "\t"})
    void a_blank_did_is_rejected_naming_the_field(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Did.of(value)).withMessage("did must not be blank");
    }

    @Test
    void a_null_did_is_rejected_naming_the_field() {
        assertThatIllegalArgumentException().isThrownBy(() -> Did.of(null)).withMessage("did must not be blank");
    }

    @Test
    void a_did_longer_than_64_characters_is_rejected_naming_the_field() {
        assertThat(Did.of("1".repeat(64)).value()).hasSize(64);
        assertThatIllegalArgumentException().isThrownBy(() -> Did.of("1".repeat(65)))
                .withMessage("did must be at most 64 characters, was 65");
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"020 7946", "100-2", "sip:100@pbx", "1.2", "ä100", "100;2"})
    void a_did_with_other_characters_is_rejected_naming_the_field(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Did.of(value))
                .withMessageStartingWith("did may hold only digits, letters, '+', '*' and '#', found '");
    }
}
