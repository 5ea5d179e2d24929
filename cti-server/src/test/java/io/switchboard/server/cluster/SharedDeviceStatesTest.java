package io.switchboard.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.PbxEventListener;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.pbx.AttachedPbx;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one event bus (a local one stands in for the clustered bus): node A drives PBX {@code a}, node B
 * drives {@code b}; each hears only its own PBX.
 */
class SharedDeviceStatesTest {

  private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
  private final Vertx vertx = Vertx.vertx();

  /** A PBX whose events the test pushes. */
  private static final class Pbx {
    final List<PbxEventListener> listeners = new CopyOnWriteArrayList<>();
    final AttachedPbx attached;

    Pbx(String name) {
      attached = new AttachedPbx(PbxId.of(name), PbxType.ASTERISK, null, listener -> {
        listeners.add(listener);
        return () -> listeners.remove(listener);
      });
    }

    void says(PbxEvent event) {
      listeners.forEach(listener -> listener.onEvent(event));
    }
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void a_phone_state_heard_by_the_owner_of_its_pbx_reaches_the_routers_of_the_other_nodes_only() throws Exception {
    Pbx a = new Pbx("a");
    Pbx b = new Pbx("b");
    List<PbxEvent> routerA = new CopyOnWriteArrayList<>();
    List<PbxEvent> routerB = new CopyOnWriteArrayList<>();
    try (SharedDeviceStates nodeA = SharedDeviceStates.start(vertx, List.of(a.attached, b.attached),
        Set.of("a")::contains, routerA::add);
        SharedDeviceStates nodeB = SharedDeviceStates.start(vertx, List.of(b.attached), Set.of("b")::contains,
            routerB::add)) {
      PbxEvent.AgentDeviceStateChanged inUse = new PbxEvent.AgentDeviceStateChanged(PbxId.of("a"), AT, "PJSIP/7601",
          DeviceState.IN_USE);
      a.says(inUse);
      a.says(new PbxEvent.LegAnswered(PbxId.of("a"), AT, io.switchboard.core.id.CallId.of("a/1"),
          io.switchboard.core.id.LegId.of("a/1")));

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (routerB.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(200);
      assertThat(routerB).as("node B hears PBX a's phone, nothing else of PBX a").containsExactly(inUse);
      assertThat(routerA).as("node A heard it from its PBX already, and drives it").isEmpty();
    }
  }

  @Test
  void the_wire_form_round_trips_and_an_unreadable_one_is_refused() {
    PbxEvent.AgentDeviceStateChanged ringing = new PbxEvent.AgentDeviceStateChanged(PbxId.of("fs1"), AT, "user/1001",
        DeviceState.RINGING);

    JsonObject json = SharedDeviceStates.toJson(ringing, "node-1");

    assertThat(json.getString("origin")).isEqualTo("node-1");
    assertThat(SharedDeviceStates.fromJson(json)).contains(ringing);
    assertThat(SharedDeviceStates.fromJson(json.copy().put("state", "HAPPY"))).isEmpty();
    assertThat(SharedDeviceStates.fromJson(json.copy().putNull("device"))).isEmpty();
  }
}
