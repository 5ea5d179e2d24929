package io.switchboard.server.wallboard;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.QueueId;
import io.switchboard.server.kpi.StreamClock;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/wallboard/stream}: each wallboard first gets a {@code snapshot} (queues, the agents it may see,
 * running campaigns), then a {@code queue}, {@code agent} or {@code campaign} message whenever an event changes
 * one, at most once per {@code gap} each: the first change is sent at once, the changes within the gap after it
 * once when it ends, with the figures of that moment. Event-driven: the KPI engine's changes, stored agent states
 * and ended campaign calls trigger it; nothing polls. All state lives on {@code context}.
 */
public final class WallboardStream {

  /**
   * At most four messages per queue, agent or campaign a second: a change that follows another within the gap still
   * reaches the screen a quarter of a second later at most, well inside "within a second of the event" (with a
   * one-second gap an agent rung then answered showed on call 1.05 s after the event).
   */
  public static final Duration GAP = Duration.ofMillis(250);

  private static final Logger LOG = LoggerFactory.getLogger(WallboardStream.class);

  private final StreamClock clock;
  private final Context context;
  private final WallboardSource source;
  private final long gapMillis;
  private final Set<Screen> screens = new LinkedHashSet<>();
  private final Map<String, Long> lastSent = new HashMap<>();
  private final Set<String> due = new HashSet<>();

  public WallboardStream(StreamClock clock, Context context, WallboardSource source, Duration gap) {
    this.clock = clock;
    this.context = context;
    this.source = source;
    this.gapMillis = gap.toMillis();
  }

  /** Takes a wallboard: sends it the snapshot, then each change it may see until {@link #detach}. Any thread. */
  public void attach(Screen screen) {
    context.runOnContext(v -> Future.all(source.agents(), source.campaigns()).onComplete(read -> {
      if (read.failed()) {
        LOG.warn("event=wallboard-snapshot-failed reason={}", read.cause().toString());
      }
      List<JsonObject> agents = read.succeeded() ? read.result().resultAt(0) : List.of();
      List<JsonObject> campaigns = read.succeeded() ? read.result().resultAt(1) : List.of();
      screens.add(screen);
      screen.send(new JsonObject().put("type", "snapshot").put("at", clock.now().toString())
          .put("queues", new JsonArray(source.queues()))
          .put("agents", new JsonArray(agents.stream().filter(a -> screen.sees(AgentId.of(a.getString("agent"))))
              .toList()))
          .put("campaigns", new JsonArray(campaigns)));
      LOG.info("event=wallboard-connected screens={}", screens.size());
    }));
  }

  /** Stops sending to {@code screen}. Any thread. */
  public void detach(Screen screen) {
    context.runOnContext(v -> screens.remove(screen));
  }

  /** How many wallboards are connected; read on the context. */
  public int screens() {
    return screens.size();
  }

  /** An event changed {@code queue}'s figures. Any thread. */
  public void queueChanged(QueueId queue) {
    context.runOnContext(v -> throttled("queue:" + queue.value(), () -> Future.succeededFuture(Optional.of(
        new JsonObject().put("type", "queue").put("queue", source.queue(queue)))), screen -> true));
  }

  /** {@code agent}'s state (or figures) changed. Any thread. */
  public void agentChanged(AgentId agent) {
    context.runOnContext(v -> throttled("agent:" + agent.value(), () -> source.agent(agent)
        .map(tile -> Optional.of(new JsonObject().put("type", "agent").put("agent", tile))),
        screen -> screen.sees(agent)));
  }

  /** A call of {@code campaign} ended: its abandonment figures moved. Any thread. */
  public void campaignChanged(CampaignId campaign) {
    context.runOnContext(v -> throttled("campaign:" + campaign.value(), () -> source.campaign(campaign)
        .map(tile -> tile.map(t -> new JsonObject().put("type", "campaign").put("campaign", t))), screen -> true));
  }

  private void throttled(String key, Supplier<Future<Optional<JsonObject>>> message,
      Predicate<Screen> to) {
    if (screens.isEmpty() || !due.add(key)) {
      return;
    }
    long wait = lastSent.getOrDefault(key, Long.MIN_VALUE / 2) + gapMillis - clock.now().toEpochMilli();
    if (wait <= 0) {
      send(key, message, to);
    } else {
      clock.after(wait, () -> context.runOnContext(v -> send(key, message, to)));
    }
  }

  private void send(String key, Supplier<Future<Optional<JsonObject>>> message,
      Predicate<Screen> to) {
    due.remove(key);
    lastSent.put(key, clock.now().toEpochMilli());
    message.get().onComplete(read -> context.runOnContext(v -> {
      if (read.failed()) {
        LOG.warn("event=wallboard-read-failed key={} reason={}", key, read.cause().toString());
        return;
      }
      read.result().ifPresent(json -> screens.stream().filter(to).forEach(screen -> screen.send(json)));
    }));
  }
}
