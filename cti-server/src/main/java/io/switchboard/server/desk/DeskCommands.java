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
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands an agent gives from the desk on their own connected call: hold, unhold, recording pause and resume
 * ({@link CallCommand}) and transfer (through {@link CallTransfers}). The agent never names a call, so an agent can
 * only ever act on theirs. Where the command is carried out is {@link DeskCommandRoute}'s decision: here when this
 * node acts on the call's PBX, else on the PBX's owner, to which the command is {@linkplain Forwarder forwarded}
 * with the call this node saw; the owner carries it out ({@link #carryOut}) only if that call is still the agent's
 * connected call there, and the caller gets the owner's answer as it is.
 *
 * <p>Refusals: 409 {@code no-connected-call} (no node shows the agent a connected call), 409 {@code call-changed}
 * (the owner has another call connected for the agent), 409 {@code hold-unsupported} (hold on Asterisk: AMI has no
 * hold of a bridged channel that keeps the bridge, the agent holds from their phone), 409 {@code call-not-active}
 * (the PBX no longer has the call), 502 {@code pbx-refused}, 503 {@code pbx-unavailable}, 503
 * {@code pbx-owner-unreachable} (the call's PBX has no owner answering: during a failover).
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

  /** Sends a command to the node that owns a PBX and gives back that node's answer. */
  @FunctionalInterface
  interface Forwarder {
    /** A node on its own: there is no other node to send to. */
    Forwarder NONE = (pbx, order) -> Future.succeededFuture(DeskCommandBus.unreachable(pbx,
        "this node runs alone"));

    /** {@code order} carried out by the owner of {@code pbx}; never failed: an owner not reached is a refusal. */
    Future<Done> forward(PbxId pbx, DeskOrder order);
  }

  private static final Logger LOG = LoggerFactory.getLogger(DeskCommands.class);
  private static final String NUMBER_REASON = "must be a phone number with its country code, e.g. +442071234567";

  private final AgentDesks desks;
  private final Function<PbxId, Optional<AttachedPbx>> pbxs;
  private final CallTransfers transfers;
  private final Context context;
  private final Clock clock;
  private final Predicate<PbxId> acting;
  private final DeskBoard board;
  private final Forwarder forwarder;

  /** A node on its own: it acts on every PBX and forwards nothing. */
  DeskCommands(AgentDesks desks, Function<PbxId, Optional<AttachedPbx>> pbxs, CallTransfers transfers,
      Context context, Clock clock) {
    this(desks, pbxs, transfers, context, clock, pbx -> true, DeskBoard.NONE, Forwarder.NONE);
  }

  /**
   * @param acting    whether this node acts on a PBX now
   * @param board     the agents' calls as the nodes routing them wrote them
   * @param forwarder how a command reaches the owner of a PBX this node does not act on
   */
  DeskCommands(AgentDesks desks, Function<PbxId, Optional<AttachedPbx>> pbxs, CallTransfers transfers,
      Context context, Clock clock, Predicate<PbxId> acting, DeskBoard board, Forwarder forwarder) {
    this.desks = desks;
    this.pbxs = pbxs;
    this.transfers = transfers;
    this.context = context;
    this.clock = clock;
    this.acting = acting;
    this.board = board;
    this.forwarder = forwarder;
  }

  /** Runs {@code command} on the agent's connected call, here or on the owner of its PBX. */
  Future<Done> run(AgentId agent, CallCommand command) {
    return order(agent, new DeskOrder.OnCall(command));
  }

  /** Carries {@code action} out on the agent's connected call, here or on the owner of its PBX. */
  Future<Done> order(AgentId agent, DeskOrder.Action action) {
    Optional<CallId> here = connected(agent).map(DeskCall::call);
    boolean local = here.flatMap(DeskOrder::pbxOf).map(acting::test).orElse(false);
    Promise<Optional<JsonObject>> shared = Promise.promise();
    if (local) {
      shared.complete(Optional.empty());
    } else {
      // The board answers on a Hazelcast thread: back to the router's context before deciding (an unread board,
      // e.g. without a quorum, is no call there).
      board.get(agent).onComplete(read -> context.runOnContext(v -> shared.complete(read.succeeded() ? read.result()
          : Optional.empty())));
    }
    return shared.future().compose(call -> {
      DeskCommandRoute.Where where = DeskCommandRoute.decide(here, call, acting);
      if (where instanceof DeskCommandRoute.Here h) {
        return carryOut(new DeskOrder(agent, h.call(), action));
      }
      if (where instanceof DeskCommandRoute.Owner owner) {
        DeskOrder order = new DeskOrder(agent, owner.call(), action);
        LOG.info("event=desk-command-forwarded agentId={} callId={} command={} pbx={}{}", agent, owner.call(),
            action.name(), owner.pbx(), action instanceof DeskOrder.Transfer t ? " to=" + t.to().masked() : "");
        return forwarder.forward(owner.pbx(), order).onSuccess(done -> LOG.info(
            "event=desk-command-forward-answered agentId={} callId={} command={} pbx={} status={} errorId={}", agent,
            owner.call(), action.name(), owner.pbx(), status(done), done instanceof Done.Refused r ? r.errorId()
                : "none"));
      }
      return Future.succeededFuture(noCall(agent));
    });
  }

  /**
   * Carries {@code order} out on this node, which acts on its call's PBX: only if its call is still the agent's
   * connected call here (a command sent on a view that has since changed does nothing).
   */
  Future<Done> carryOut(DeskOrder order) {
    AgentId agent = order.agent();
    Optional<DeskCall> call = connected(agent);
    if (call.isEmpty()) {
      return Future.succeededFuture(noCall(agent));
    }
    if (!call.get().call().equals(order.call())) {
      return Future.succeededFuture(new Done.Refused(409, "call-changed", "agent '" + agent.value() + "' is now "
          + "connected on call '" + call.get().call().value() + "', not '" + order.call().value() + "'",
          new JsonObject().put("agentId", agent.value()).put("callId", order.call().value())));
    }
    if (order.action() instanceof DeskOrder.Transfer transfer) {
      return transfer(agent, order.call(), transfer);
    }
    return onCall(agent, order.call(), ((DeskOrder.OnCall) order.action()).command());
  }

  private Future<Done> onCall(AgentId agent, CallId id, CallCommand command) {
    Optional<AttachedPbx> pbx = DeskOrder.pbxOf(id).flatMap(pbxs);
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
    order(agent, new DeskOrder.Transfer(to, CallTransfers.Mode.valueOf(((String) mode).toUpperCase(Locale.ROOT))))
        .onSuccess(done -> DeskRoutes.answer(ctx, done)).onFailure(ctx::fail);
  }

  private Future<Done> transfer(AgentId agent, CallId call, DeskOrder.Transfer transfer) {
    String id = call.value();
    return transfers.transfer(id, transfer.to(), transfer.mode()).map(done -> {
      if (done instanceof CommandOutcome.Accepted accepted) {
        return (Done) new Done.Accepted(accepted.body().put("agentId", agent.value()));
      }
      CommandOutcome.Refused refused = (CommandOutcome.Refused) done;
      return new Done.Refused(refused.status(), refused.errorId(), refused.message(), new JsonObject().put("callId",
          id));
    }).recover(failure -> Future.succeededFuture(new Done.Refused(503, "pbx-unavailable",
        "the PBX could not be reached: " + failure.getMessage(), new JsonObject().put("callId", id))));
  }

  private Optional<DeskCall> connected(AgentId agent) {
    return desks.call(agent).filter(c -> c.phase() == DeskCall.Phase.CONNECTED);
  }

  private static int status(Done done) {
    return done instanceof Done.Refused refused ? refused.status() : 202;
  }

  private static Done.Refused noCall(AgentId agent) {
    return new Done.Refused(409, "no-connected-call", "agent '" + agent.value() + "' has no connected call",
        new JsonObject().put("agentId", agent.value()));
  }

  /** As {@code CallTransfers.refusal}: the PBX lost the call, or refused. */
  static Done.Refused refusal(CallId call, CommandResult.Failed failed) {
    String id = failed.errorId();
    JsonObject details = new JsonObject().put("callId", call.value()).put("pbxErrorId", id);
    if (id.endsWith("unknown-call") || id.endsWith("unknown-leg") || id.endsWith("no-such-channel")) {
      return new Done.Refused(409, "call-not-active", "the PBX no longer has the call: " + failed.message(), details);
    }
    if (id.endsWith("not-recording")) {
      return new Done.Refused(409, "not-recording", "the call is not being recorded", details);
    }
    return new Done.Refused(502, "pbx-refused", "the PBX refused: " + failed.message(), details);
  }
}
