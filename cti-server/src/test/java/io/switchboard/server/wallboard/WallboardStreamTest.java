package io.switchboard.server.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.QueueId;
import io.switchboard.server.http.FakeStreamClock;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The wallboard stream's snapshot, team filter and coalescing within its gap, on a fake clock: no test waits a second. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WallboardStreamTest {

  private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

  private final Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  private final Context context = vertx.getOrCreateContext();
  private final FakeStreamClock clock = new FakeStreamClock(NINE);
  private final FakeSource source = new FakeSource();
  private final WallboardStream stream = new WallboardStream(clock, context, source, WallboardStream.GAP);

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void a_new_wallboard_gets_a_snapshot_with_only_the_agents_it_may_see() throws Exception {
    source.agentStates.put("a1", "available");
    source.agentStates.put("b1", "on-call");
    source.queueWaiting.put("q1", 2);
    TestScreen supervisor = attach(Set.of("a1"));

    JsonObject snapshot = supervisor.next();

    assertThat(snapshot.getString("type")).isEqualTo("snapshot");
    assertThat(snapshot.getJsonArray("queues")).hasSize(1);
    assertThat(snapshot.getJsonArray("agents")).extracting(a -> ((JsonObject) a).getString("agent"))
        .containsExactly("a1");
    assertThat(snapshot.getJsonArray("campaigns")).extracting(c -> ((JsonObject) c).getString("campaign"))
        .containsExactly("c1");
  }

  @Test
  void an_agents_change_goes_at_once_and_only_to_the_wallboards_that_see_the_agent() throws Exception {
    source.agentStates.put("a1", "available");
    TestScreen team = attach(Set.of("a1"));
    TestScreen other = attach(Set.of("b1"));
    team.next();
    other.next();

    source.agentStates.put("a1", "on-call");
    stream.agentChanged(AgentId.of("a1"));

    JsonObject change = team.next();
    assertThat(change.getString("type")).isEqualTo("agent");
    assertThat(change.getJsonObject("agent").getString("state")).isEqualTo("on-call");
    stream.queueChanged(QueueId.of("q1"));
    assertThat(other.next().getString("type")).as("the queue, not the unseen agent, reaches the other team")
        .isEqualTo("queue");
  }

  @Test
  void changes_within_the_gap_after_a_message_are_sent_once_when_the_gap_ends_with_the_figures_of_then()
      throws Exception {
    TestScreen screen = attach(Set.of());
    screen.next();
    source.queueWaiting.put("q1", 1);
    stream.queueChanged(QueueId.of("q1"));
    assertThat(screen.next().getJsonObject("queue").getInteger("waiting")).isEqualTo(1);

    source.queueWaiting.put("q1", 2);
    stream.queueChanged(QueueId.of("q1"));
    source.queueWaiting.put("q1", 3);
    stream.queueChanged(QueueId.of("q1"));
    assertThat(clock.awaitWaiting()).isTrue();
    assertThat(screen.poll()).as("nothing before the gap is over").isNull();

    clock.advance(WallboardStream.GAP.minusMillis(1));
    assertThat(screen.poll()).isNull();
    clock.advance(Duration.ofMillis(1));

    assertThat(screen.next().getJsonObject("queue").getInteger("waiting")).isEqualTo(3);
    assertThat(screen.poll()).as("one message for both changes").isNull();
  }

  @Test
  void a_campaign_that_stopped_running_sends_nothing_and_a_closed_wallboard_gets_nothing() throws Exception {
    TestScreen screen = attach(Set.of());
    screen.next();
    stream.campaignChanged(CampaignId.of("gone"));
    stream.campaignChanged(CampaignId.of("c1"));
    assertThat(screen.next().getJsonObject("campaign").getString("campaign")).isEqualTo("c1");

    stream.detach(screen);
    clock.advance(Duration.ofSeconds(2));
    stream.queueChanged(QueueId.of("q1"));
    assertThat(screen.poll()).isNull();
  }

  private TestScreen attach(Set<String> team) {
    TestScreen screen = new TestScreen(team);
    stream.attach(screen);
    return screen;
  }

  /** A wallboard that sees the agents of {@code team}. */
  private static final class TestScreen implements Screen {
    private final Set<String> team;
    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

    TestScreen(Set<String> team) {
      this.team = team;
    }

    @Override
    public boolean sees(AgentId agent) {
      return team.contains(agent.value());
    }

    @Override
    public void send(JsonObject message) {
      received.add(message);
    }

    JsonObject next() throws InterruptedException {
      JsonObject message = received.poll(5, TimeUnit.SECONDS);
      assertThat(message).as("a message within 5 s").isNotNull();
      return message;
    }

    /** The next message if one comes within 200 ms (the context had time to run what was asked of it). */
    JsonObject poll() throws InterruptedException {
      return received.poll(200, TimeUnit.MILLISECONDS);
    }
  }

  private static final class FakeSource implements WallboardSource {
    final Map<String, String> agentStates = new HashMap<>();
    final Map<String, Integer> queueWaiting = new HashMap<>(Map.of("q1", 0));

    @Override
    public List<JsonObject> queues() {
      return queueWaiting.keySet().stream().map(q -> queue(QueueId.of(q))).toList();
    }

    @Override
    public JsonObject queue(QueueId queue) {
      return new JsonObject().put("queue", queue.value()).put("waiting", queueWaiting.getOrDefault(queue.value(), 0));
    }

    @Override
    public Future<List<JsonObject>> agents() {
      List<JsonObject> all = new ArrayList<>();
      agentStates.forEach((id, state) -> all.add(tile(id)));
      return Future.succeededFuture(all);
    }

    @Override
    public Future<JsonObject> agent(AgentId agent) {
      return Future.succeededFuture(tile(agent.value()));
    }

    private JsonObject tile(String id) {
      return new JsonObject().put("agent", id).put("state", agentStates.getOrDefault(id, "logged-out"));
    }

    @Override
    public Future<List<JsonObject>> campaigns() {
      return Future.succeededFuture(List.of(new JsonObject().put("campaign", "c1")));
    }

    @Override
    public Future<Optional<JsonObject>> campaign(CampaignId campaign) {
      return Future.succeededFuture(campaign.value().equals("c1")
          ? Optional.of(new JsonObject().put("campaign", "c1")) : Optional.empty());
    }
  }
}
