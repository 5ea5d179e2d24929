package io.switchboard.server.status;

import io.switchboard.server.config.PbxConnection;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A PBX's manager session (AMI, ESL) as {@code /status} reports it: {@code up} while logged in, otherwise
 * {@code down} with the connection's own account (refused login, unreachable, lost socket, next retry), the
 * PBX's secret masked whatever the detail says. Reads a snapshot, so it answers at once. Not required for
 * readiness: a PBX that is down stops routing, not the API that agents, wallboards and admins still need
 * (docs/configuration.md, {@code pbx}).
 *
 * @param <S> the adapter's status snapshot
 */
abstract class PbxSessionCheck<S> implements StatusCheck {

  private final PbxConnection pbx;
  private final Supplier<S> status;

  PbxSessionCheck(PbxConnection pbx, Supplier<S> status) {
    this.pbx = pbx;
    this.status = status;
  }

  /** {@code asterisk} or {@code freeswitch}. */
  abstract String type();

  abstract boolean loggedIn(S snapshot);

  abstract Enum<?> state(S snapshot);

  abstract String detail(S snapshot);

  abstract int failedAttempts(S snapshot);

  @Override
  public String name() {
    return "pbx/" + pbx.name();
  }

  @Override
  public String kind() {
    return "pbx";
  }

  @Override
  public boolean requiredForReadiness() {
    return false;
  }

  @Override
  public Future<CheckResult> check() {
    S now = status.get();
    Map<String, Object> facts = Map.of("type", type(), "host", pbx.host(), "port", pbx.port(),
        "connection", state(now).name().toLowerCase(Locale.ROOT), "failedAttempts", failedAttempts(now));
    DependencyState state = loggedIn(now) ? DependencyState.UP : DependencyState.DOWN;
    return Future.succeededFuture(new CheckResult(state, masked(detail(now)), facts));
  }

  private String masked(String detail) {
    String secret = pbx.secret().value();
    return secret.isEmpty() ? detail : detail.replace(secret, "****");
  }
}
