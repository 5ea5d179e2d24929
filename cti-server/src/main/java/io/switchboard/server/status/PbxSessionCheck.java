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
  private PbxOwners owners = PbxOwners.alone();

  PbxSessionCheck(PbxConnection pbx, Supplier<S> status) {
    this.pbx = pbx;
    this.status = status;
  }

  /**
   * In a cluster: the session is this node's to keep only while it owns the PBX. Elsewhere the check is {@code up}
   * as a standby naming the owner, and {@code down} only while no member owns the PBX.
   */
  public StatusCheck ownedBy(PbxOwners owners) {
    this.owners = owners;
    return this;
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
    if (owners.actingHere(pbx.name())) {
      return Future.succeededFuture(session(owners.member()));
    }
    return Future.fromCompletionStage(owners.owner(pbx.name())).map(owner -> owner
        .filter(member -> !member.equals(owners.member()))
        .map(member -> CheckResult.up("standby: member " + member + " owns this PBX and drives it",
            Map.of("type", type(), "host", pbx.host(), "port", pbx.port(), "connection", "standby",
                "owner", member, "ownedHere", false)))
        .orElseGet(() -> new CheckResult(DependencyState.DOWN, "no member owns this PBX now; one claims it when its "
            + "previous owner's lease has run out (docs/cluster.md)", Map.of("type", type(), "host", pbx.host(),
            "port", pbx.port(), "connection", "unowned", "ownedHere", false))));
  }

  private CheckResult session(String member) {
    S now = status.get();
    Map<String, Object> facts = Map.of("type", type(), "host", pbx.host(), "port", pbx.port(),
        "connection", state(now).name().toLowerCase(Locale.ROOT), "failedAttempts", failedAttempts(now),
        "owner", member, "ownedHere", true);
    DependencyState state = loggedIn(now) ? DependencyState.UP : DependencyState.DOWN;
    return new CheckResult(state, masked(detail(now)), facts);
  }

  private String masked(String detail) {
    String secret = pbx.secret().value();
    return secret.isEmpty() ? detail : detail.replace(secret, "****");
  }
}
