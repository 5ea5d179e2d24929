package io.switchboard.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EslSettingsTest {

    @Test
    void to_string_never_shows_the_password() {
        EslSettings settings = new EslSettings("127.0.0.1", EslSettings.DEFAULT_PORT, "ClueCon", Duration.ofSeconds(5));

        assertThat(settings.toString()).doesNotContain("ClueCon").contains("password=****").contains("port=8021");
    }

    @Test
    void each_invalid_field_is_named_in_the_message() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new EslSettings("", 8021, "pw", second)).hasMessageContaining("host");
        assertThatThrownBy(() -> new EslSettings("h", 0, "pw", second)).hasMessageContaining("port");
        assertThatThrownBy(() -> new EslSettings("h", 65536, "pw", second)).hasMessageContaining("port");
        assertThatThrownBy(() -> new EslSettings("h", 8021, "", second)).hasMessageContaining("password");
        assertThatThrownBy(() -> new EslSettings("h", 8021, "a\nb", second)).hasMessageContaining("password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("a\nb"));
        assertThatThrownBy(() -> new EslSettings("h", 8021, "pw", Duration.ofMillis(-1))).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new EslSettings("h", 8021, "pw", null)).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new EslSettings("h", 8021, "pw", second, null, second)).hasMessageContaining("encoding");
        assertThatThrownBy(() -> new EslSettings("h", 8021, "pw", second, EventEncoding.JSON, Duration.ZERO))
                .hasMessageContaining("replyTimeout");
    }

    @Test
    void without_an_encoding_events_come_plain_and_replies_may_take_two_minutes() {
        EslSettings settings = new EslSettings("h", 8021, "pw", Duration.ofSeconds(1));

        assertThat(settings.encoding()).isEqualTo(EventEncoding.PLAIN);
        assertThat(settings.replyTimeout()).isEqualTo(EslSettings.DEFAULT_REPLY_TIMEOUT);
    }

    @Test
    void the_port_range_ends_are_accepted() {
        assertThat(new EslSettings("h", 1, "pw", Duration.ofSeconds(1)).port()).isEqualTo(1);
        assertThat(new EslSettings("h", 65535, "pw", Duration.ofSeconds(1)).port()).isEqualTo(65535);
    }
}
