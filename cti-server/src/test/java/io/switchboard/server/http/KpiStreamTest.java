package io.switchboard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.AgentState;
import io.switchboard.queue.kpi.KpiEngine;
import io.switchboard.queue.kpi.KpiSettings;
import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.kpi.KpiFeeds;
import io.switchboard.server.kpi.KpiStream;
import io.switchboard.server.kpi.Kpis;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.status.StatusRegistry;
import io.switchboard.server.security.TestSecurity;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code /api/v1/kpis/stream} over a real WebSocket; the throttle gap is the production one, one second, on a fake
 * clock, so no test waits it out.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KpiStreamTest {

  private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

  private final Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  private final ServerMetrics metrics = new ServerMetrics();
  private final FakeStreamClock clock = new FakeStreamClock(NINE);
  private final Kpis kpis = Kpis.withoutHistory(vertx, new KpiEngine(KpiSettings.defaults(), () -> NINE), clock);
  private final KpiFeeds feeds = new KpiFeeds(kpis);
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private int port;
  /**
   * Held for the whole test: Vert.x closes a client that is no longer reachable (its cleaner runs at the next
   * garbage collection), and a client dropped right after {@code connect} was closed mid-handshake ("Connection
   * evicted", then "Connection closed while handshake in process") whenever a collection ran during it.
   */
  private WebSocketClient client;

  @BeforeEach
  void serve() {
    HttpVerticle http = new HttpVerticle(new HttpSettings("127.0.0.1", 0),
        new HttpApi(new StatusRegistry(Duration.ofSeconds(1)), metrics, new InMemoryAgentDirectory(), TestSecurity.admin()).withKpis(kpis));
    vertx.deployVerticle(http).await();
    port = http.actualPort();
    client = vertx.createWebSocketClient();
  }

  @AfterEach
  void tearDown() {
    client.close().await();
    kpis.close();
    metrics.close();
    vertx.close().await();
  }

  private void connect() throws InterruptedException {
    listen();
    assertThat(next().getString("type")).isEqualTo("all");
  }

  /**
   * Connects, authenticates and takes messages from the first one after {@code ready} on: the handler is set on the
   * socket's own thread.
   */
  private void listen() throws InterruptedException {
    client.connect(port, "127.0.0.1", "/api/v1/kpis/stream").onSuccess(socket -> {
      socket.textMessageHandler(text -> received.add(new JsonObject(text)));
      TestSecurity.authenticate(socket);
    }).await();
    assertThat(next().getString("type")).isEqualTo("ready");
  }

  private JsonObject next() throws InterruptedException {
    JsonObject message = received.poll(5, TimeUnit.SECONDS);
    assertThat(message).as("a message within 5 s").isNotNull();
    return message;
  }

  @Test
  void a_new_client_first_gets_every_snapshot() throws InterruptedException {
    feeds.callEnters("c1", NINE);
    listen();

    JsonObject all = next();
    assertThat(all.getString("type")).isEqualTo("all");
    assertThat(all.getJsonArray("queues").getJsonObject(0).getString("queue")).isEqualTo("support");
  }

  @Test
  void the_first_change_to_a_queue_is_pushed_at_once() throws InterruptedException {
    connect();

    feeds.callEnters("c1", NINE);

    JsonObject pushed = next();
    assertThat(pushed.getString("type")).isEqualTo("queue");
    assertThat(pushed.getJsonObject("kpis").getInteger("waiting")).isEqualTo(1);
  }

  @Test
  void changes_within_a_second_of_a_push_are_pushed_once_when_the_second_is_over_with_the_latest_figures()
      throws InterruptedException {
    connect();
    feeds.callEnters("c1", NINE);
    assertThat(next().getJsonObject("kpis").getInteger("waiting")).isEqualTo(1);
    clock.advance(Duration.ofMillis(400));

    feeds.callEnters("c2", NINE);
    feeds.callEnters("c3", NINE);
    feeds.callEnters("c4", NINE);
    assertThat(clock.awaitWaiting()).as("the stream waits for the gap to end").isTrue();
    clock.advance(Duration.ofMillis(599));
    assertThat(received.poll(200, TimeUnit.MILLISECONDS)).as("nothing within the gap").isNull();
    clock.advance(Duration.ofMillis(1));

    JsonObject second = next();
    assertThat(second.getJsonObject("kpis").getInteger("waiting")).isEqualTo(4);
    clock.advance(KpiStream.GAP.multipliedBy(2));
    assertThat(received.poll(200, TimeUnit.MILLISECONDS)).as("no third push").isNull();
  }

  @Test
  void an_agent_change_is_pushed_as_that_agent_s_snapshot() throws InterruptedException {
    connect();

    feeds.agentIs("a1", AgentState.AVAILABLE, NINE);

    JsonObject pushed = next();
    assertThat(pushed.getString("type")).isEqualTo("agent");
    assertThat(pushed.getJsonObject("kpis").getString("agent")).isEqualTo("a1");
    assertThat(pushed.getJsonObject("kpis").getString("state")).isEqualTo("available");
  }
}
