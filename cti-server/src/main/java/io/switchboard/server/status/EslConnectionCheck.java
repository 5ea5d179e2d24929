package io.switchboard.server.status;

import io.switchboard.esl.connection.EslConnectionState;
import io.switchboard.esl.connection.EslConnectionStatus;
import io.switchboard.server.config.PbxConnection;
import java.util.function.Supplier;

/** A FreeSWITCH event socket (authenticated and subscribed counts as logged in) on {@code /status}; see {@link PbxSessionCheck}. */
public final class EslConnectionCheck extends PbxSessionCheck<EslConnectionStatus> {

  /** Reports {@code status} for the entry {@code pbx}. */
  public EslConnectionCheck(PbxConnection pbx, Supplier<EslConnectionStatus> status) {
    super(pbx, status);
  }

  /** An entry that was never attached (e.g. no secret): always {@code down} with {@code reason}. */
  public static EslConnectionCheck notAttached(PbxConnection pbx, String reason) {
    EslConnectionStatus never = new EslConnectionStatus(EslConnectionState.STOPPED, reason, 0);
    return new EslConnectionCheck(pbx, () -> never);
  }

  @Override
  String type() {
    return "freeswitch";
  }

  @Override
  boolean loggedIn(EslConnectionStatus snapshot) {
    return snapshot.state() == EslConnectionState.LOGGED_IN;
  }

  @Override
  Enum<?> state(EslConnectionStatus snapshot) {
    return snapshot.state();
  }

  @Override
  String detail(EslConnectionStatus snapshot) {
    return snapshot.detail();
  }

  @Override
  int failedAttempts(EslConnectionStatus snapshot) {
    return snapshot.failedAttempts();
  }
}
