package io.switchboard.server.pbx;

import static io.switchboard.server.pbx.TinyEslServer.plainEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.OriginateRequest;
import io.switchboard.esl.connection.EslConnectionState;
import io.switchboard.esl.connection.EslConnectionStatus;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.config.Secret;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.status.CheckResult;
import io.switchboard.server.status.DependencyState;
import io.switchboard.server.status.EslConnectionCheck;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A freeswitch {@code pbx[]} entry attached as the node attaches it ({@link PbxConnections}), against a tiny
 * ESL server over real TCP: login, {@code /status}, metrics, a refused password, a dropped socket, call
 * control on the same socket, stop.
 */
class EslAttachmentIT {

  private static final String PASSWORD = "ClueCon-s3cret";
  private static final String LEG = "7ed41449-9950-42b2-9f65-d23a4a4fca7f";
  private static final List<String> A_CALL = List.of(
      plainEvent("Event-Name: CHANNEL_CREATE", "Unique-ID: " + LEG, "Call-Direction: outbound",
          "Channel-Name: sofia/internal/5551234%40127.0.0.1%3A15071", "Event-Date-Timestamp: 1795485292940889"),
      plainEvent("Event-Name: HEARTBEAT", "Event-Info: System%20Ready"),
      plainEvent("Event-Name: CHANNEL_ANSWER", "Unique-ID: " + LEG, "Call-Direction: outbound",
          "Event-Date-Timestamp: 1795485293940889"));

  /** Blocking shows up: nothing on the node's event loops may take more than 100 ms. */
  private final Vertx node = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(100)
      .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  private final ServerMetrics metrics = new ServerMetrics();
  private TinyEslServer freeswitch;
  private PbxConnections pbx;

  @AfterEach
  void close() throws Exception {
    if (pbx != null) {
      pbx.stop();
    }
    if (freeswitch != null) {
      freeswitch.close();
    }
    node.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    metrics.close();
  }

  @Test
  void a_freeswitch_entry_logs_in_subscribes_reports_up_and_counts_its_events() throws Exception {
    freeswitch = new TinyEslServer(PASSWORD, A_CALL);
    PbxConnection entry = attach(PASSWORD);

    eventually(() -> status().state() == EslConnectionState.LOGGED_IN);
    CheckResult up = check(entry);
    assertThat(up.state()).isEqualTo(DependencyState.UP);
    assertThat(up.facts()).containsEntry("type", "freeswitch").containsEntry("port", freeswitch.port());

    eventually(() -> scrape().contains(events("LegAnswered", 1)));
    assertThat(scrape()).contains(events("PbxConnected", 1))
        .contains("switchboard_esl_frames_skipped_total{application=\"switchboard\",pbx=\"fs\"} 1.0");
    assertThat(freeswitch.commands).contains("auth ****", "api show channels as json", "api status");
    assertThat(freeswitch.commands).filteredOn(c -> c.startsWith("event "))
        .singleElement().satisfies(c -> assertThat(c).startsWith("event plain CHANNEL_CREATE").doesNotContain("ALL"));
  }

  @Test
  void a_wrong_password_is_down_with_the_reason_and_the_password_masked_and_retried() throws Exception {
    freeswitch = new TinyEslServer("the-right-one", List.of());
    PbxConnection entry = attach(PASSWORD);

    eventually(() -> status().state() == EslConnectionState.AUTH_FAILED && status().failedAttempts() >= 2);
    CheckResult down = check(entry);
    assertThat(down.state()).isEqualTo(DependencyState.DOWN);
    assertThat(down.detail()).contains("auth refused", "-ERR invalid", "next in").doesNotContain(PASSWORD);
    assertThat(down.facts()).containsEntry("connection", "auth_failed");
    assertThat(freeswitch.logins).hasValue(0);
  }

  @Test
  void after_freeswitch_drops_the_socket_the_entry_reconnects_and_resyncs_without_counting_twice() throws Exception {
    freeswitch = new TinyEslServer(PASSWORD, A_CALL);
    PbxConnection entry = attach(PASSWORD);
    eventually(() -> scrape().contains(events("LegAnswered", 1)));

    freeswitch.dropAll();

    eventually(() -> freeswitch.logins.get() == 2 && scrape().contains(events("PbxConnected", 2)));
    assertThat(check(entry).state()).isEqualTo(DependencyState.UP);
    assertThat(freeswitch.commands).filteredOn("api show channels as json"::equals).hasSize(2);
    // The second channel list no longer has the answered leg: it ended while disconnected, reported once;
    // its CHANNEL_CREATE and CHANNEL_ANSWER sent again after the reconnect add nothing.
    assertThat(scrape()).contains(events("PbxDisconnected", 1), events("LegHungUp", 1), events("LegAnswered", 1));
  }

  @Test
  void call_control_goes_over_the_same_socket_and_dials_the_entrys_outbound_channel() throws Exception {
    freeswitch = new TinyEslServer(PASSWORD, List.of());
    attach(PASSWORD);
    eventually(() -> status().state() == EslConnectionState.LOGGED_IN);
    CallControl control = pbx.get("fs").orElseThrow().callControl();
    CallId call = CallId.of("fs/" + LEG);

    CommandResult originated = control.originate(new OriginateRequest(call, LegId.of(call.value()),
        PhoneNumber.parse("+442079460000", "to"), Optional.empty(), Duration.ofSeconds(20), Duration.ofSeconds(15),
        true, Map.of())).toCompletableFuture().get(5, TimeUnit.SECONDS);
    CommandResult hungUp = control.hangup(call, HangupCause.NORMAL_CLEARING).toCompletableFuture()
        .get(5, TimeUnit.SECONDS);

    assertThat(originated).isEqualTo(CommandResult.ACCEPTED);
    assertThat(hungUp).isEqualTo(CommandResult.ACCEPTED);
    assertThat(freeswitch.commands).anySatisfy(c -> assertThat(c)
        .startsWith("bgapi originate {origination_uuid=" + LEG + ",")
        .contains("}sofia/gateway/default/+442079460000 switchboard_outbound XML switchboard"));
    assertThat(freeswitch.commands).contains("api uuid_kill " + LEG + " NORMAL_CLEARING");
  }

  @Test
  void stopping_the_node_ends_the_session_within_the_bound() throws Exception {
    freeswitch = new TinyEslServer(PASSWORD, List.of());
    attach(PASSWORD);
    eventually(() -> status().state() == EslConnectionState.LOGGED_IN);
    Supplier<EslConnectionStatus> status = pbx.eslStatus("fs").orElseThrow();

    long started = System.nanoTime();
    pbx.stop();
    pbx = null;

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(status.get().state()).isEqualTo(EslConnectionState.STOPPED);
  }

  private PbxConnection attach(String secret) {
    PbxConnection entry = new PbxConnection("fs", PbxType.FREESWITCH, "127.0.0.1", freeswitch.port(), null,
        new Secret(secret));
    pbx = PbxConnections.of(List.of(entry), node.getOrCreateContext(), metrics.registry(), Clock.systemUTC());
    pbx.start();
    return entry;
  }

  private EslConnectionStatus status() {
    return pbx.eslStatus("fs").orElseThrow().get();
  }

  private CheckResult check(PbxConnection entry) throws Exception {
    return new EslConnectionCheck(entry, pbx.eslStatus("fs").orElseThrow()).check()
        .toCompletionStage().toCompletableFuture().get(1, TimeUnit.SECONDS);
  }

  /** The Prometheus line of {@code switchboard_pbx_events_total} for {@code type} at {@code count}. */
  private static String events(String type, int count) {
    return "switchboard_pbx_events_total{application=\"switchboard\",pbx=\"fs\",type=\"" + type + "\"} " + count + ".0";
  }

  private String scrape() {
    return metrics.scrape();
  }

  /** Polls real TCP progress (no fake clock can drive another process's socket); fails after 10 s. */
  private void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s; ESL commands seen: " + freeswitch.commands
            + "; status: " + (pbx == null ? "-" : status()) + "; metrics: " + scrape().lines()
                .filter(l -> l.startsWith("switchboard_")).toList());
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
