package io.switchboard.server.desk;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.http.ApiError;
import io.switchboard.server.pbx.AttachedPbx;
import io.switchboard.server.routing.CallTransfers;
import io.switchboard.server.routing.CommandOutcome;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands an agent gives from the desk on their own connected call, found on {@link AgentDesks}: hold, unhold,
 * recording pause and resume ({@link CallCommand}) and transfer (through {@link CallTransfers}). The agent never
 * names a call, so an agent can only ever act on theirs.
 *
 * <p>Refusals: 409 {@code no-connected-call} (nothing connected on this node), 409 {@code hold-unsupported} (hold
 * on Asterisk: AMI has no hold of a bridged channel that keeps the bridge, the agent holds from their phone), 409
 * {@code call-not-active} (the PBX no longer has the call), 502 {@code pbx-refused}, 503 {@code pbx-unavailable}.
 */
final class DeskCommands {

  /** What a command did. */
  sealed interface Done permits Done.Accepted, Done.Refused {
    /** The PBX took it; {@code body} says what. */
    record Accepted(JsonObject body) implements Done {
    }

    /** Nothing was done. */
    record Refused(int status, String errorId, String message, JsonObject details) implements Done {
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(DeskCommands.class);
  private static final String NUMBER_REASON = "must be a phone number with its country code, e.g. +442071234567";

  private final AgentDesks desks;
  private final Function<PbxId, Optional<AttachedPbx>> pbxs;
  private final CallTransfers transfers;
  private final Context context;
  private final Clock clock;

  DeskCommands(AgentDesks desks, Function<PbxId, Optional<AttachedPbx>> pbxs, CallTransfers transfers,
      Context context, Clock clock) {
    this.desks = desks;
    this.pbxs = pbxs;
    this.transfers = transfers;
    this.context = context;
    this.clock = clock;
  }

  /** Runs {@code command} on the agent's connected call. */
  Future<Done> run(AgentId agent, CallCommand command) {
    Optional<DeskCall> call = connected(agent);
    if (call.isEmpty()) {
      return Future.succeededFuture(noCall(agent));
    }
    CallId id = call.get().call();
    Optional<AttachedPbx> pbx = pbxOf(id);
    if (pbx.isEmpty()) {
      return Future.succeededFuture(new Done.Refused(404, "call-not-found", "call '" + id.value()
          + "' is on no attached PBX", new JsonObject().put("callId", id.value())));
    }
    if (command.isHold() && pbx.get().type() == PbxType.ASTERISK) {
      return Future.succeededFuture(new Done.Refused(409, "hold-unsupported", "Asterisk holds a bridged call from "
          + "the agent's phone (its hold key); AMI cannot hold it and keep the bridge", new JsonObject()
          .put("callId", id.value())));
    }
    CallControl control = pbx.get().callControl();
    return Future.fromCompletionStage(command.send(control, id), context).map(result -> {
      if (result instanceof CommandResult.Failed failed) {
        LOG.info("event=desk-command-refused agentId={} callId={} command={} errorId={}", agent, id,
            command.path, failed.errorId());
        return refusal(id, failed);
      }
      if (command.isHold()) {
        desks.held(agent, id, command.turnsOn(), clock.instant());
      } else {
        desks.recordingPaused(agent, id, command.turnsOn(), clock.instant());
      }
      LOG.info("event=desk-command agentId={} callId={} command={}", agent, id, command.path);
      return (Done) new Done.Accepted(new JsonObject().put("agentId", agent.value()).put("callId", id.value())
          .put("done", command.outcome));
    }).recover(failure -> Future.succeededFuture(new Done.Refused(503, "pbx-unavailable",
        "the PBX could not be reached: " + failure.getMessage(), new JsonObject().put("callId", id.value()))));
  }

  /** {@code POST .../call/transfer} with {@code {"to": "+44...", "mode": "blind"|"attended"}}. */
  void transfer(RoutingContext ctx, AgentId agent) {
    JsonObject body = ApiError.jsonBody(ctx, "a JSON object with to and mode").orElse(null);
    if (body == null) {
      return;
    }
    PhoneNumber to;
    try {
      to = body.getValue("to") instanceof String text && !text.isBlank() ? PhoneNumber.parse(text, "to") : null;
    } catch (IllegalArgumentException e) {
      to = null;
    }
    if (to == null) {
      ApiError.invalidField("to", NUMBER_REASON).send(ctx, 400);
      return;
    }
    Object mode = body.getValue("mode", "blind");
    if (!"blind".equals(mode) && !"attended".equals(mode)) {
      ApiError.invalidField("mode", "must be blind or attended").send(ctx, 400);
      return;
    }
    Optional<DeskCall> call = connected(agent);
    if (call.isEmpty()) {
      Done.Refused refused = noCall(agent);
      new ApiError(refused.errorId(), refused.message(), refused.details()).send(ctx, refused.status());
      return;
    }
    String id = call.get().call().value();
    transfers.transfer(id, to, CallTransfers.Mode.valueOf(((String) mode).toUpperCase(Locale.ROOT)))
        .onSuccess(done -> {
          if (done instanceof CommandOutcome.Accepted accepted) {
            DeskRoutes.send(ctx, 202, accepted.body().put("agentId", agent.value()));
          } else {
            CommandOutcome.Refused refused = (CommandOutcome.Refused) done;
            new ApiError(refused.errorId(), refused.message(), new JsonObject().put("callId", id))
                .send(ctx, refused.status());
          }
        }).onFailure(failure -> new ApiError("pbx-unavailable", "the PBX could not be reached: "
            + failure.getMessage(), new JsonObject().put("callId", id)).send(ctx, 503));
  }

  private Optional<DeskCall> connected(AgentId agent) {
    return desks.call(agent).filter(c -> c.phase() == DeskCall.Phase.CONNECTED);
  }

  private Optional<AttachedPbx> pbxOf(CallId call) {
    int slash = call.value().indexOf('/');
    return slash > 0 ? pbxs.apply(PbxId.of(call.value().substring(0, slash))) : Optional.empty();
  }

  private static Done.Refused noCall(AgentId agent) {
    return new Done.Refused(409, "no-connected-call", "agent '" + agent.value() + "' has no connected call on "
        + "this node", new JsonObject().put("agentId", agent.value()));
  }

  /** As {@code CallTransfers.refusal}: the PBX lost the call, or refused. */
  static Done.Refused refusal(CallId call, CommandResult.Failed failed) {
    String id = failed.errorId();
    JsonObject details = new JsonObject().put("callId", call.value()).put("pbxErrorId", id);
    if (id.endsWith("unknown-call") || id.endsWith("unknown-leg") || id.endsWith("no-such-channel")) {
      return new Done.Refused(409, "call-not-active", "the PBX no longer has the call: " + failed.message(), details);
    }
    return new Done.Refused(502, "pbx-refused", "the PBX refused: " + failed.message(), details);
  }
}
