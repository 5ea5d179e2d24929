package io.switchboard.server.cluster;

import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.server.pbx.AttachedPbx;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phones' states (free, ringing, in use) for every node's router. A PBX's events reach only the node that owns
 * it, yet the owner of another PBX routes callers to this PBX's agents (queues with {@code agentScope} {@code any})
 * and must not offer one whose phone is busy. So the owner publishes each change it hears on the clustered event
 * bus ({@value #ADDRESS}), and every other node hands it to its router as if its PBX had said it. A node that takes
 * a PBX over forgets what it was told of that PBX's phones (a phone whose call ended during the failover may never
 * be reported idle to it) and goes by what the PBX tells it, as after a reconnect.
 * A node ignores what it published itself and what concerns a PBX it drives (its own events are newer).
 */
public final class SharedDeviceStates implements AutoCloseable {

  /** Where the device states go: published to every node of the cluster. */
  public static final String ADDRESS = "switchboard.device-states";
  private static final Logger LOG = LoggerFactory.getLogger(SharedDeviceStates.class);

  private final String origin;
  private final MessageConsumer<JsonObject> consumer;

  private SharedDeviceStates(String origin, MessageConsumer<JsonObject> consumer) {
    this.origin = origin;
    this.consumer = consumer;
  }

  /**
   * Publishes the device states heard from {@code pbxs} (the slots relay only the owner's) and hands those of the
   * others to {@code router} for the PBXs this node does not drive ({@code acting}).
   */
  public static SharedDeviceStates start(Vertx vertx, List<AttachedPbx> pbxs, Predicate<String> acting,
      Consumer<PbxEvent> router) {
    String origin = UUID.randomUUID().toString();
    for (AttachedPbx pbx : pbxs) {
      pbx.events().subscribe(event -> {
        if (event instanceof PbxEvent.AgentDeviceStateChanged device) {
          vertx.eventBus().publish(ADDRESS, toJson(device, origin));
        }
      });
    }
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(ADDRESS, message -> {
      JsonObject body = message.body();
      if (origin.equals(body.getString("origin"))) {
        return;
      }
      Optional<PbxEvent.AgentDeviceStateChanged> device = fromJson(body);
      if (device.isEmpty()) {
        LOG.warn("event=device-state-unreadable address={} keys={}", ADDRESS, body.fieldNames());
      } else if (!acting.test(device.get().pbx().value())) {
        router.accept(device.get());
      }
    });
    return new SharedDeviceStates(origin, consumer);
  }

  /** This node's mark on what it publishes. */
  String origin() {
    return origin;
  }

  static JsonObject toJson(PbxEvent.AgentDeviceStateChanged device, String origin) {
    return new JsonObject().put("origin", origin).put("pbx", device.pbx().value())
        .put("at", device.at().toString()).put("device", device.device()).put("state", device.state().name());
  }

  /** The event, or empty when a field is missing or unknown (a node of another version, say). */
  static Optional<PbxEvent.AgentDeviceStateChanged> fromJson(JsonObject json) {
    try {
      return Optional.of(new PbxEvent.AgentDeviceStateChanged(PbxId.of(json.getString("pbx")),
          Instant.parse(json.getString("at")), json.getString("device"),
          DeviceState.valueOf(json.getString("state"))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    consumer.unregister();
  }
}
