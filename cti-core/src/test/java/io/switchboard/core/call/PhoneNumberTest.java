package io.switchboard.core.call;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PhoneNumberTest {

    @ParameterizedTest(name = "\"{0}\" in {1} is {2}")
    @CsvSource({
        "020 7946 0018,      GB, +442079460018",
        "+44 (0)20 7946 0018, GB, +442079460018",
        "00442079460018,     GB, +442079460018",
        "+1 (415) 555-0100,  GB, +14155550100",
        "(415) 555-0100,     US, +14155550100",
        "01 40 20 50 50,     FR, +33140205050"})
    void national_and_international_formats_are_normalised_to_e164(String input, String region, String e164) {
        assertThat(PhoneNumber.parse(input, region, "caller").e164()).isEqualTo(e164);
    }

    @Test
    void a_number_with_a_country_code_needs_no_region() {
        assertThat(PhoneNumber.parse("+1 (415) 555-0100", "caller").e164()).isEqualTo("+14155550100");
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"not a number", "12", "+44 20 7946 0018 1234 5678 9"})
    void input_libphonenumber_cannot_parse_is_rejected_naming_the_field(String input) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhoneNumber.parse(input, "GB", "dialled"))
                .withMessageStartingWith("dialled is not a");
    }

    @Test
    void a_blank_number_is_rejected_naming_the_field() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhoneNumber.parse("  ", "GB", "caller"))
                .withMessage("caller must not be blank");
    }

    @Test
    void a_national_number_without_a_region_cannot_be_placed_in_a_country() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhoneNumber.parse("020 7946 0018", "lead number"))
                .withMessageStartingWith("lead number is not a phone number libphonenumber can parse");
    }

    @Test
    void an_unknown_default_region_is_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PhoneNumber.parse("020 7946 0018", "XX", "caller"))
                .withMessageContaining("defaultRegion");
    }

    @Test
    void the_constructor_only_takes_e164() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhoneNumber("+44 20 7946 0018"))
                .withMessageContaining("e164 must be in E.164 form");
        assertThat(new PhoneNumber("+442079460018").countryCode()).isEqualTo(44);
    }

    @Test
    void masking_keeps_the_country_code_and_two_digits_at_each_end_of_the_national_number() {
        assertThat(new PhoneNumber("+442079460018").masked()).isEqualTo("+4420******18");
        assertThat(new PhoneNumber("+14155550100").masked()).isEqualTo("+141******00");
    }

    @Test
    void to_string_is_masked_so_logs_never_show_the_full_number() {
        PhoneNumber number = PhoneNumber.parse("020 7946 0018", "GB", "caller");

        assertThat(number.toString()).isEqualTo("+4420******18").doesNotContain("79460018");
        assertThat("caller=" + number).isEqualTo("caller=+4420******18");
    }

    @Test
    void error_messages_do_not_echo_the_number() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhoneNumber("0044 20 7946 0018"))
                .withMessageNotContaining("7946");
    }
}
