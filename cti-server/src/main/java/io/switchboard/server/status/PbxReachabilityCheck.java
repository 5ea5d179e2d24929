package io.switchboard.server.status;

import io.switchboard.server.config.PbxConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Until the ESL adapter attaches, a FreeSWITCH entry is checked by opening (and closing) a TCP
 * connection to its host and port: {@code reachable} or {@code unreachable}, never a made-up "up".
 * Asterisk entries report their AMI session instead ({@link AmiConnectionCheck}).
 */
public final class PbxReachabilityCheck implements StatusCheck {

  private final PbxConnection pbx;
  private final NetClient client;

  public PbxReachabilityCheck(Vertx vertx, PbxConnection pbx, Duration connectTimeout) {
    this.pbx = pbx;
    this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout((int) connectTimeout.toMillis()));
  }

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
    String target = pbx.host() + ":" + pbx.port();
    String protocol = pbx.type().name().toLowerCase(Locale.ROOT);
    Map<String, Object> facts = Map.of("type", protocol, "host", pbx.host(), "port", pbx.port());
    return client.connect(pbx.port(), pbx.host())
        .compose(socket -> socket.close().map(v -> new CheckResult(DependencyState.REACHABLE,
            "TCP connection to " + target + " accepted; no " + protocol + " session yet (adapter not attached)",
            facts)))
        .recover(failure -> Future.succeededFuture(new CheckResult(DependencyState.UNREACHABLE,
            "TCP connection to " + target + " failed: " + failure.getMessage(), facts)));
  }
}
