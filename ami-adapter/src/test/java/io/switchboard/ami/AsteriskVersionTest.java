package io.switchboard.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ami.AsteriskVersion.Kind;
import org.junit.jupiter.api.Test;

class AsteriskVersionTest {

    @Test
    void the_recorded_banner_gives_the_ami_protocol_version_not_the_release() {
        String banner = AmiFixtures.banner("01-login-success.ami.txt");

        assertThat(banner).isEqualTo("Asterisk Call Manager/9.0.0");
        assertThat(AsteriskVersion.fromBanner(banner)).contains(new AsteriskVersion(Kind.AMI_PROTOCOL, 9, 0, 0));
    }

    @Test
    void the_banner_still_parses_with_its_line_ending() {
        assertThat(AsteriskVersion.fromBanner("Asterisk Call Manager/9.0.0\r\n")).map(AsteriskVersion::toString).contains("9.0.0");
    }

    @Test
    void the_recorded_core_show_version_output_gives_the_release() {
        String output = AmiFixtures.lines("14-misc-actions-and-shutdown.ami.txt").stream()
                .filter(line -> line.startsWith("Output: Asterisk ")).findFirst().orElseThrow();

        assertThat(AsteriskVersion.fromCoreShowVersion(output)).contains(new AsteriskVersion(Kind.RELEASE, 20, 20, 1));
        assertThat(AsteriskVersion.fromCoreShowVersion(output.substring("Output: ".length())))
                .contains(new AsteriskVersion(Kind.RELEASE, 20, 20, 1));
    }

    @Test
    void the_banner_of_a_failed_login_session_is_the_same() {
        assertThat(AsteriskVersion.fromBanner(AmiFixtures.banner("02-login-failure.ami.txt")))
                .contains(new AsteriskVersion(Kind.AMI_PROTOCOL, 9, 0, 0));
    }

    @Test
    void anything_else_is_not_a_version() {
        assertThat(AsteriskVersion.fromBanner("SSH-2.0-OpenSSH_9.2")).isEmpty();
        assertThat(AsteriskVersion.fromBanner("Asterisk Call Manager/9.0")).isEmpty();
        assertThat(AsteriskVersion.fromBanner("Asterisk Call Manager/99999999999.0.0")).isEmpty();
        assertThat(AsteriskVersion.fromCoreShowVersion("No such command 'core show version'")).isEmpty();
    }

    @Test
    void versions_of_one_kind_order_by_their_parts() {
        AsteriskVersion v20 = new AsteriskVersion(Kind.RELEASE, 20, 20, 1);

        assertThat(v20).isGreaterThan(new AsteriskVersion(Kind.RELEASE, 20, 9, 30));
        assertThat(v20.isAtLeast(20, 20)).isTrue();
        assertThat(v20.isAtLeast(21, 0)).isFalse();
    }

    @Test
    void a_protocol_version_cannot_be_compared_with_a_release() {
        AsteriskVersion protocol = new AsteriskVersion(Kind.AMI_PROTOCOL, 9, 0, 0);
        AsteriskVersion release = new AsteriskVersion(Kind.RELEASE, 20, 20, 1);

        assertThatThrownBy(() -> protocol.compareTo(release)).isInstanceOf(IllegalArgumentException.class);
    }
}
