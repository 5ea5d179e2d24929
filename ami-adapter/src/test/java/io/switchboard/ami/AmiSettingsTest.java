package io.switchboard.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AmiSettingsTest {

    private static AmiSettings settings(String pbx, String host, int port, String user, String secret, Duration timeout) {
        return new AmiSettings(pbx, host, port, user, secret, timeout);
    }

    @Test
    void valid_settings_keep_their_values() {
        AmiSettings s = settings("pbx-1", "127.0.0.1", AmiSettings.DEFAULT_PORT, "cti", "cti-secret", Duration.ofSeconds(5));

        assertThat(s.port()).isEqualTo(5038);
        assertThat(s.secret()).isEqualTo("cti-secret");
    }

    @Test
    void to_string_never_shows_the_secret() {
        AmiSettings s = settings("pbx-1", "127.0.0.1", 5038, "cti", "cti-secret", Duration.ofSeconds(5));

        assertThat(s.toString()).doesNotContain("cti-secret").contains("secret=****").contains("username=cti");
    }

    @Test
    void the_port_must_be_a_tcp_port() {
        assertThatThrownBy(() -> settings("p", "h", 0, "u", "s", Duration.ofSeconds(1))).hasMessageContaining("port");
        assertThatThrownBy(() -> settings("p", "h", 65536, "u", "s", Duration.ofSeconds(1))).hasMessageContaining("port");
        assertThat(settings("p", "h", 65535, "u", "s", Duration.ofSeconds(1)).port()).isEqualTo(65535);
        assertThat(settings("p", "h", 1, "u", "s", Duration.ofSeconds(1)).port()).isEqualTo(1);
    }

    @Test
    void each_invalid_field_is_named_in_the_message() {
        assertThatThrownBy(() -> settings(" ", "h", 5038, "u", "s", Duration.ofSeconds(1))).hasMessageContaining("pbxName");
        assertThatThrownBy(() -> settings("p", null, 5038, "u", "s", Duration.ofSeconds(1))).hasMessageContaining("host");
        assertThatThrownBy(() -> settings("p", "h", 5038, "", "s", Duration.ofSeconds(1))).hasMessageContaining("username");
        assertThatThrownBy(() -> settings("p", "h", 5038, "u", "", Duration.ofSeconds(1))).hasMessageContaining("secret");
        assertThatThrownBy(() -> settings("p", "h", 5038, "u", "s", Duration.ZERO)).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> settings("p", "h", 5038, "u", "s", null)).hasMessageContaining("connectTimeout");
    }

    @Test
    void a_rejected_secret_is_not_echoed_in_the_message() {
        assertThatThrownBy(() -> settings("p", "h", 99999, "u", "hunter2", Duration.ofSeconds(1)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
}
