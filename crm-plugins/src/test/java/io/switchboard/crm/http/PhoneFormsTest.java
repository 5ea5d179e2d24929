package io.switchboard.crm.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
import org.junit.jupiter.api.Test;

class PhoneFormsTest {

    @Test
    void a_number_is_searched_in_e164_and_national_digits() {
        PhoneNumber london = PhoneNumber.parse("+442079460018", "n");
        PhoneNumber sanFrancisco = PhoneNumber.parse("+14155550100", "n");

        assertThat(PhoneForms.of(london)).containsExactly("+442079460018", "02079460018");
        assertThat(PhoneForms.of(sanFrancisco)).containsExactly("+14155550100", "4155550100");
        assertThat(PhoneForms.nationalSignificant(london)).isEqualTo("2079460018");
    }
}
