package io.switchboard.server.kpi;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.kpi.KpiChanges;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/kpis/stream}: pushes a queue's or agent's snapshot to every connected WebSocket when an event
 * changes it, at most once per {@code gap} per queue or agent. The first change is pushed at once; changes within
 * the gap after it are pushed together, once, when the gap is over, with the figures of that moment. A new
 * client first gets every snapshot ({@code type: all}). All state lives on one context; nothing polls.
 */
public final class KpiStream {

  /** At most one push per queue or agent per second. */
  public static final Duration GAP = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(KpiStream.class);

  private final StreamClock clock;
  private final Context context;
  private final LiveKpis kpis;
  private final long gapMillis;
  private final Set<ServerWebSocket> sockets = new HashSet<>();
  private final Map<String, Long> lastPush = new HashMap<>();
  private final Set<String> due = new HashSet<>();

  KpiStream(Vertx vertx, Context context, LiveKpis kpis, Duration gap) {
    this(StreamClock.of(vertx), context, kpis, gap);
  }

  KpiStream(StreamClock clock, Context context, LiveKpis kpis, Duration gap) {
    this.clock = clock;
    this.context = context;
    this.kpis = kpis;
    this.gapMillis = gap.toMillis();
    kpis.onChange(changes -> context.runOnContext(v -> changed(changes)));
  }

  /** Takes a client: sends it every snapshot, then each change until it goes away. */
  public void accept(ServerWebSocket socket) {
    socket.exceptionHandler(failure -> LOG.debug("event=kpi-stream-socket-failed reason={}", failure.toString()));
    socket.closeHandler(closed -> context.runOnContext(v -> sockets.remove(socket)));
    context.runOnContext(v -> {
      sockets.add(socket);
      socket.writeTextMessage(KpiJson.all(clock.now(), kpis.queues(), kpis.agents()).put("type", "all").encode());
      LOG.info("event=kpi-stream-client-connected clients={}", sockets.size());
    });
  }

  /** How many clients are connected now. */
  public int clients() {
    return sockets.size();
  }

  private void changed(KpiChanges changes) {
    if (sockets.isEmpty()) {
      return;
    }
    for (QueueId queue : changes.queues()) {
      push("queue:" + queue.value(), () -> new JsonObject().put("type", "queue")
          .put("kpis", KpiJson.queue(kpis.queue(queue))));
    }
    for (AgentId agent : changes.agents()) {
      push("agent:" + agent.value(), () -> new JsonObject().put("type", "agent")
          .put("kpis", KpiJson.agent(kpis.agent(agent))));
    }
  }

  private void push(String key, Supplier<JsonObject> message) {
    if (!due.add(key)) {
      return;
    }
    long wait = lastPush.getOrDefault(key, Long.MIN_VALUE / 2) + gapMillis - clock.now().toEpochMilli();
    if (wait <= 0) {
      send(key, message);
    } else {
      clock.after(wait, () -> context.runOnContext(v -> send(key, message)));
    }
  }

  private void send(String key, Supplier<JsonObject> message) {
    due.remove(key);
    lastPush.put(key, clock.now().toEpochMilli());
    String text = message.get().encode();
    sockets.forEach(socket -> socket.writeTextMessage(text));
  }
}
