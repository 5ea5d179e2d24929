package io.switchboard.crm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void never_prints_its_value_but_reveals_it_for_the_wire() {
        char[] value = "s3cr3t".toCharArray();
        Secret secret = Secret.of(value, "clientSecret");
        value[0] = 'X';

        assertThat(secret).hasToString("****");
        assertThat(secret.reveal()).isEqualTo("s3cr3t");
        assertThat(Authorizer.bearer(secret).toString()).doesNotContain("s3cr3t");
    }

    @Test
    void an_empty_secret_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> Secret.of("", "zendesk.auth.token")).hasMessage("zendesk.auth.token must not be empty");
    }
}
