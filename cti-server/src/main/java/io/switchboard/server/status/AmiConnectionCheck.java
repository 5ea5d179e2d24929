package io.switchboard.server.status;

import io.switchboard.ami.connection.AmiConnectionState;
import io.switchboard.ami.connection.AmiConnectionStatus;
import io.switchboard.server.config.PbxConnection;
import java.util.function.Supplier;

/** An Asterisk's AMI session on {@code /status}; see {@link PbxSessionCheck}. */
public final class AmiConnectionCheck extends PbxSessionCheck<AmiConnectionStatus> {

  /** Reports {@code status} for the entry {@code pbx}. */
  public AmiConnectionCheck(PbxConnection pbx, Supplier<AmiConnectionStatus> status) {
    super(pbx, status);
  }

  /** An entry that was never attached (e.g. no username): always {@code down} with {@code reason}. */
  public static AmiConnectionCheck notAttached(PbxConnection pbx, String reason) {
    AmiConnectionStatus never = new AmiConnectionStatus(AmiConnectionState.STOPPED, reason, 0);
    return new AmiConnectionCheck(pbx, () -> never);
  }

  @Override
  String type() {
    return "asterisk";
  }

  @Override
  boolean loggedIn(AmiConnectionStatus snapshot) {
    return snapshot.state() == AmiConnectionState.LOGGED_IN;
  }

  @Override
  Enum<?> state(AmiConnectionStatus snapshot) {
    return snapshot.state();
  }

  @Override
  String detail(AmiConnectionStatus snapshot) {
    return snapshot.detail();
  }

  @Override
  int failedAttempts(AmiConnectionStatus snapshot) {
    return snapshot.failedAttempts();
  }
}
