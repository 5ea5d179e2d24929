package io.switchboard.server.desk;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import io.switchboard.server.routing.CallTransfers;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;

/**
 * One desk command on an agent's connected call, as the node that took the HTTP request (and checked the desk's
 * token) hands it to the node acting on the call's PBX: the agent, the call the sender saw connected, and what to
 * do. The owner acts only if that call is still the agent's connected call there.
 */
record DeskOrder(AgentId agent, CallId call, Action action) {

  /** What the agent asked for. */
  sealed interface Action permits OnCall, Transfer {
    /** The action as the log and the route say it: {@code hold}, {@code recording/pause}, {@code transfer}. */
    String name();
  }

  /** Hold, unhold, recording pause or resume. */
  record OnCall(CallCommand command) implements Action {
    @Override
    public String name() {
      return command.path;
    }
  }

  /** A blind or attended transfer of the call to {@code to}. */
  record Transfer(PhoneNumber to, CallTransfers.Mode mode) implements Action {
    @Override
    public String name() {
      return "transfer";
    }
  }

  /** The PBX the call is on, from its id ({@code <pbx>/<id>}); empty for an id without one. */
  static Optional<PbxId> pbxOf(CallId call) {
    int slash = call.value().indexOf('/');
    return slash > 0 ? Optional.of(PbxId.of(call.value().substring(0, slash))) : Optional.empty();
  }

  /** As the event bus carries it: the number in full (only members of the cluster read the bus, never a log). */
  JsonObject toJson() {
    JsonObject json = new JsonObject().put("agentId", agent.value()).put("callId", call.value())
        .put("action", action.name());
    if (action instanceof Transfer transfer) {
      json.put("to", transfer.to().e164()).put("mode", transfer.mode().name().toLowerCase(Locale.ROOT));
    }
    return json;
  }

  /** Reads {@link #toJson}; throws {@link IllegalArgumentException} naming the field that is wrong. */
  static DeskOrder fromJson(JsonObject json) {
    String agent = required(json, "agentId");
    String call = required(json, "callId");
    String name = required(json, "action");
    if ("transfer".equals(name)) {
      PhoneNumber to = PhoneNumber.parse(required(json, "to"), "to");
      String mode = required(json, "mode");
      if (!"blind".equals(mode) && !"attended".equals(mode)) {
        throw new IllegalArgumentException("mode must be blind or attended, not '" + mode + "'");
      }
      return new DeskOrder(AgentId.of(agent), CallId.of(call), new Transfer(to,
          CallTransfers.Mode.valueOf(mode.toUpperCase(Locale.ROOT))));
    }
    for (CallCommand command : CallCommand.values()) {
      if (command.path.equals(name)) {
        return new DeskOrder(AgentId.of(agent), CallId.of(call), new OnCall(command));
      }
    }
    throw new IllegalArgumentException("action must be a desk command, not '" + name + "'");
  }

  private static String required(JsonObject json, String field) {
    if (json.getValue(field) instanceof String text && !text.isBlank()) {
      return text;
    }
    throw new IllegalArgumentException(field + " is required");
  }
}
