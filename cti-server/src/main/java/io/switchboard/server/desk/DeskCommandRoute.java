package io.switchboard.server.desk;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where a desk command on an agent's connected call is carried out: on this node when it acts on the call's PBX,
 * else on the PBX's owner (docs/cluster.md). Pure: decided from this node's view of the agent's call, the call the
 * {@link DeskBoard} holds (written by the node routing it) and which PBXs this node acts on.
 */
final class DeskCommandRoute {

  /** The outcome. */
  sealed interface Where permits Here, Owner, NoCall {
  }

  /** This node acts on the call's PBX (or the call names no PBX): it carries the command out, checking again. */
  record Here(CallId call) implements Where {
  }

  /** Another node owns {@code pbx}: the command goes there. */
  record Owner(PbxId pbx, CallId call) implements Where {
  }

  /** No node shows the agent a connected call. */
  record NoCall() implements Where {
  }

  private DeskCommandRoute() {
  }

  /**
   * @param here   the agent's connected call on this node, if any
   * @param board  the agent's call on the desk board, if read (its {@code callId} and {@code phase})
   * @param acting whether this node acts on a PBX now
   */
  static Where decide(Optional<CallId> here, Optional<JsonObject> board, Predicate<PbxId> acting) {
    if (here.isPresent() && local(here.get(), acting)) {
      return new Here(here.get());
    }
    Optional<CallId> shared = board.filter(call -> "connected".equals(call.getValue("phase")))
        .map(call -> call.getValue("callId")).filter(String.class::isInstance).map(id -> CallId.of((String) id));
    Optional<CallId> call = shared.or(() -> here);
    if (call.isEmpty()) {
      return new NoCall();
    }
    return local(call.get(), acting) ? new Here(call.get())
        : new Owner(DeskOrder.pbxOf(call.get()).orElseThrow(), call.get());
  }

  private static boolean local(CallId call, Predicate<PbxId> acting) {
    return DeskOrder.pbxOf(call).map(acting::test).orElse(true);
  }
}
