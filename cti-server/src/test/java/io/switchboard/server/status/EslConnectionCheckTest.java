package io.switchboard.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.esl.connection.EslConnectionState;
import io.switchboard.esl.connection.EslConnectionStatus;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.config.Secret;
import org.junit.jupiter.api.Test;

class EslConnectionCheckTest {

  private static final PbxConnection FS =
      new PbxConnection("fs", PbxType.FREESWITCH, "fs1.example.com", null, null, new Secret("ClueCon-s3cret"));

  @Test
  void a_logged_in_event_socket_is_up_and_not_required_for_readiness() {
    EslConnectionCheck check = new EslConnectionCheck(FS, () -> new EslConnectionStatus(
        EslConnectionState.LOGGED_IN, "logged in at fs1.example.com:8021, events plain", 0));

    CheckResult result = check.check().result();

    assertThat(check.name()).isEqualTo("pbx/fs");
    assertThat(check.kind()).isEqualTo("pbx");
    assertThat(check.requiredForReadiness()).isFalse();
    assertThat(result.state()).isEqualTo(DependencyState.UP);
    assertThat(result.facts()).containsEntry("type", "freeswitch").containsEntry("port", 8021)
        .containsEntry("connection", "logged_in");
  }

  @Test
  void a_refused_password_is_down_with_the_connection_detail_and_the_password_masked() {
    EslConnectionCheck check = new EslConnectionCheck(FS, () -> new EslConnectionStatus(EslConnectionState.AUTH_FAILED,
        "auth refused by FreeSWITCH at fs1.example.com:8021: -ERR invalid (auth ClueCon-s3cret); attempt 2, next in 900 ms",
        2));

    CheckResult result = check.check().result();

    assertThat(result.state()).isEqualTo(DependencyState.DOWN);
    assertThat(result.detail()).contains("-ERR invalid", "attempt 2", "****").doesNotContain("ClueCon-s3cret");
    assertThat(result.facts()).containsEntry("connection", "auth_failed").containsEntry("failedAttempts", 2);
  }

  @Test
  void connecting_and_disconnected_are_down_too() {
    for (EslConnectionState state : new EslConnectionState[] {EslConnectionState.CONNECTING,
        EslConnectionState.DISCONNECTED, EslConnectionState.STOPPED}) {
      CheckResult result = new EslConnectionCheck(FS, () -> new EslConnectionStatus(state, "x", 0)).check().result();
      assertThat(result.state()).as("%s", state).isEqualTo(DependencyState.DOWN);
    }
  }

  @Test
  void an_entry_that_could_not_be_attached_is_down_with_the_reason() {
    CheckResult result = EslConnectionCheck.notAttached(FS, "not attached: password must not be empty")
        .check().result();

    assertThat(result.state()).isEqualTo(DependencyState.DOWN);
    assertThat(result.detail()).isEqualTo("not attached: password must not be empty");
    assertThat(result.facts()).containsEntry("connection", "stopped");
  }
}
