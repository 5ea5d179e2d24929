package io.switchboard.server.status;

import io.switchboard.esl.connection.EslConnectionState;
import io.switchboard.esl.connection.EslConnectionStatus;
import io.switchboard.server.config.PbxConnection;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A FreeSWITCH's event socket as {@code /status} reports it: {@code up} while authenticated and subscribed,
 * otherwise {@code down} with the connection's own account (refused password, unreachable, lost socket, next
 * retry). Reads a snapshot, so it answers at once. The password is masked here too, whatever the detail
 * says. Not required for readiness: see docs/configuration.md ({@code pbx}).
 */
public final class EslConnectionCheck implements StatusCheck {

  private final PbxConnection pbx;
  private final Supplier<EslConnectionStatus> status;

  /** Reports {@code status} for the entry {@code pbx}. */
  public EslConnectionCheck(PbxConnection pbx, Supplier<EslConnectionStatus> status) {
    this.pbx = pbx;
    this.status = status;
  }

  /** An entry that was never attached (e.g. no secret): always {@code down} with {@code reason}. */
  public static EslConnectionCheck notAttached(PbxConnection pbx, String reason) {
    EslConnectionStatus never = new EslConnectionStatus(EslConnectionState.STOPPED, reason, 0);
    return new EslConnectionCheck(pbx, () -> never);
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
    EslConnectionStatus now = status.get();
    Map<String, Object> facts = Map.of("type", "freeswitch", "host", pbx.host(), "port", pbx.port(),
        "connection", now.state().name().toLowerCase(Locale.ROOT), "failedAttempts", now.failedAttempts());
    DependencyState state = now.state() == EslConnectionState.LOGGED_IN ? DependencyState.UP : DependencyState.DOWN;
    return Future.succeededFuture(new CheckResult(state, masked(now.detail()), facts));
  }

  private String masked(String detail) {
    String secret = pbx.secret().value();
    return secret.isEmpty() ? detail : detail.replace(secret, "****");
  }
}
