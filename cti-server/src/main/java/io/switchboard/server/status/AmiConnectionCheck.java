package io.switchboard.server.status;

import io.switchboard.ami.connection.AmiConnectionState;
import io.switchboard.ami.connection.AmiConnectionStatus;
import io.switchboard.server.config.PbxConnection;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An Asterisk's AMI session as {@code /status} reports it: {@code up} while logged in, otherwise
 * {@code down} with the connection's own account (refused login, unreachable, next retry). Reads a
 * snapshot, so it answers at once. Not required for readiness: see docs/configuration.md ({@code pbx}).
 */
public final class AmiConnectionCheck implements StatusCheck {

  private final PbxConnection pbx;
  private final Supplier<AmiConnectionStatus> status;

  /** Reports {@code status} for the entry {@code pbx}. */
  public AmiConnectionCheck(PbxConnection pbx, Supplier<AmiConnectionStatus> status) {
    this.pbx = pbx;
    this.status = status;
  }

  /** An entry that was never attached (e.g. no username): always {@code down} with {@code reason}. */
  public static AmiConnectionCheck notAttached(PbxConnection pbx, String reason) {
    AmiConnectionStatus never = new AmiConnectionStatus(AmiConnectionState.STOPPED, reason, 0);
    return new AmiConnectionCheck(pbx, () -> never);
  }

  @Override
  public String name() {
    return "pbx/" + pbx.name();
  }

  @Override
  public String kind() {
    return "pbx";
  }

  /** A PBX that is down stops routing, not the API: agents, wallboards and admins still need it. */
  @Override
  public boolean requiredForReadiness() {
    return false;
  }

  @Override
  public Future<CheckResult> check() {
    AmiConnectionStatus now = status.get();
    Map<String, Object> facts = Map.of("type", "asterisk", "host", pbx.host(), "port", pbx.port(),
        "connection", now.state().name().toLowerCase(Locale.ROOT), "failedAttempts", now.failedAttempts());
    DependencyState state = now.state() == AmiConnectionState.LOGGED_IN ? DependencyState.UP : DependencyState.DOWN;
    return Future.succeededFuture(new CheckResult(state, masked(now.detail()), facts));
  }

  private String masked(String detail) {
    String secret = pbx.secret().value();
    return secret.isEmpty() ? detail : detail.replace(secret, "****");
  }
}
