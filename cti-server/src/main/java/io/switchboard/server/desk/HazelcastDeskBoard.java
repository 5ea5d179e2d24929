package io.switchboard.server.desk;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.switchboard.core.id.AgentId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk calls in the IMap {@value #MAP}, by agent id, as JSON text. Entries expire after {@link #KEPT}: an
 * agent's last call is not worth keeping past a shift. A write that fails (no quorum) is logged and dropped: the
 * owner's own desks and the agent's socket messages are unaffected.
 */
public final class HazelcastDeskBoard implements DeskBoard {

  public static final String MAP = "switchboard.desk-calls";
  static final Duration KEPT = Duration.ofHours(12);
  private static final Logger LOG = LoggerFactory.getLogger(HazelcastDeskBoard.class);

  private final IMap<String, String> calls;

  public HazelcastDeskBoard(HazelcastInstance hazelcast) {
    this.calls = hazelcast.getMap(MAP);
  }

  @Override
  public void put(AgentId agent, JsonObject call) {
    calls.setAsync(agent.value(), call.encode(), KEPT.toSeconds(), TimeUnit.SECONDS)
        .whenComplete((done, failure) -> failed("put", agent, failure));
  }

  @Override
  public void remove(AgentId agent) {
    calls.deleteAsync(agent.value()).whenComplete((done, failure) -> failed("remove", agent, failure));
  }

  @Override
  public Future<Optional<JsonObject>> get(AgentId agent) {
    return Future.fromCompletionStage(calls.getAsync(agent.value()))
        .map(text -> Optional.ofNullable(text).map(JsonObject::new));
  }

  private static void failed(String step, AgentId agent, Throwable failure) {
    if (failure != null) {
      LOG.warn("event=desk-board-write-failed step={} agentId={} reason={}", step, agent, failure.toString());
    }
  }
}
