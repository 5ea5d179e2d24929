package io.switchboard.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ami.connection.AmiConnectionState;
import io.switchboard.ami.connection.AmiConnectionStatus;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.config.Secret;
import org.junit.jupiter.api.Test;

class AmiConnectionCheckTest {

  private static final PbxConnection MAIN =
      new PbxConnection("main", PbxType.ASTERISK, "pbx1.example.com", 5038, "cti", new Secret("s3cret"));

  @Test
  void a_logged_in_connection_is_up_and_not_required_for_readiness() {
    AmiConnectionCheck check = new AmiConnectionCheck(MAIN,
        () -> new AmiConnectionStatus(AmiConnectionState.LOGGED_IN, "logged in as cti at pbx1.example.com:5038", 0));

    CheckResult result = check.check().result();

    assertThat(check.name()).isEqualTo("pbx/main");
    assertThat(check.requiredForReadiness()).isFalse();
    assertThat(result.state()).isEqualTo(DependencyState.UP);
    assertThat(result.facts()).containsEntry("connection", "logged_in").containsEntry("type", "asterisk");
  }

  @Test
  void a_refused_login_is_down_with_the_connection_detail_and_the_secret_masked() {
    AmiConnectionCheck check = new AmiConnectionCheck(MAIN, () -> new AmiConnectionStatus(
        AmiConnectionState.AUTH_FAILED, "login as cti refused: Authentication failed (s3cret); attempt 3", 3));

    CheckResult result = check.check().result();

    assertThat(result.state()).isEqualTo(DependencyState.DOWN);
    assertThat(result.detail()).contains("Authentication failed", "attempt 3").doesNotContain("s3cret");
    assertThat(result.facts()).containsEntry("failedAttempts", 3);
  }

  @Test
  void an_entry_that_could_not_be_attached_is_down_with_the_reason() {
    CheckResult result = AmiConnectionCheck.notAttached(MAIN, "not attached: username must not be blank")
        .check().result();

    assertThat(result.state()).isEqualTo(DependencyState.DOWN);
    assertThat(result.detail()).isEqualTo("not attached: username must not be blank");
  }
}
