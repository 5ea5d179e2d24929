package io.switchboard.server.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.Destination;
import io.switchboard.server.cluster.OwnerRequests;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transfers a live call to a number, on the PBX the call is on (its id is {@code <pbx>/<id>}). What the PBX
 * then does shows in the call record ({@code transferred}) and, for a queue call, in queue_log
 * ({@code BLINDTRANSFER}).
 */
public final class CallTransfers {

  private static final Logger LOG = LoggerFactory.getLogger(CallTransfers.class);
  static final String KIND = "call-transfer";

  /** How the call is handed over. */
  public enum Mode {
    /** The customer is sent to the number at once; the agent's leg ends. */
    BLIND,
    /** The agent first talks to the number while the customer holds; hanging up completes the transfer. */
    ATTENDED
  }

  private final Context context;
  private final Function<PbxId, Optional<CallControl>> controls;
  private final Function<String, Future<Optional<JsonObject>>> records;
  private final Function<AgentId, Future<Optional<LegId>>> lines;
  private volatile OwnerRequests owners;
  private volatile Predicate<String> acting = pbx -> true;

  /**
   * @param controls the call control of an attached PBX, by its id
   * @param records  a call's record with its legs, as {@code GET /api/v1/calls/{id}} shows it
   * @param lines    a nailed-up agent's open line (its session leg), if any
   */
  public CallTransfers(Context context, Function<PbxId, Optional<CallControl>> controls,
      Function<String, Future<Optional<JsonObject>>> records, Function<AgentId, Future<Optional<LegId>>> lines) {
    this.context = context;
    this.controls = controls;
    this.records = records;
    this.lines = lines;
  }

  /**
   * Sends {@code call} to {@code to}. 404 {@code call-not-found} when no live call has that id; for an attended
   * transfer 409 {@code call-has-no-agent} when no agent leg is up; a refusal of the PBX as
   * {@link #refusal(CommandResult.Failed)} says.
   */
  public Future<CommandOutcome> transfer(String call, PhoneNumber to, Mode mode) {
    int at = call.indexOf('/');
    String pbx = at > 0 ? call.substring(0, at) : "";
    OwnerRequests asked = owners;
    if (asked != null && !pbx.isBlank() && !acting.test(pbx)) {
      LOG.info("event=call-transfer-forwarded callId={} to={} mode={} pbx={}", call, to.masked(),
          mode.name().toLowerCase(Locale.ROOT), pbx);
      return asked.ask(pbx, KIND, new JsonObject().put("callId", call).put("to", to.e164()).put("mode", mode.name()))
          .map(LinesThroughOwners::decode);
    }
    return transferHere(call, to, mode);
  }

  /**
   * In a cluster: a call on a PBX this node does not act on ({@code acting}) is transferred by that PBX's owner,
   * asked through {@code owners}; this node transfers the calls it is asked to as an owner (docs/cluster.md).
   */
  public void throughOwners(OwnerRequests owners, Predicate<String> acting) {
    this.acting = acting;
    owners.serve(KIND, request -> transferHere(request.getString("callId"), PhoneNumber.parse(request.getString("to"),
        "to"), Mode.valueOf(request.getString("mode"))).map(outcome -> LinesThroughOwners.encode(outcome, 202)));
    this.owners = owners;
  }

  private Future<CommandOutcome> transferHere(String call, PhoneNumber to, Mode mode) {
    int slash = call.indexOf('/');
    Optional<CallControl> control = slash > 0 && !call.substring(0, slash).isBlank()
        ? controls.apply(PbxId.of(call.substring(0, slash))) : Optional.empty();
    if (control.isEmpty()) {
      return notFound(call);
    }
    return records.apply(call).compose(record -> {
      if (record.isEmpty() || record.get().getString("endedAt") != null) {
        return notFound(call);
      }
      CallId id = CallId.of(call);
      Destination target = new Destination.Number(to);
      if (mode == Mode.BLIND) {
        LOG.info("event=call-transferring callId={} to={} mode=blind", id, to.masked());
        return sent(control.get().blindTransfer(id, target), call, to, mode);
      }
      Optional<JsonObject> agent = agentLeg(record.get());
      if (agent.isEmpty()) {
        return Future.succeededFuture(new CommandOutcome.Refused(409, "call-has-no-agent",
            "call '" + call + "' has no agent leg to start an attended transfer from"));
      }
      return transferrer(agent.get()).compose(leg -> {
        LOG.info("event=call-transferring callId={} to={} mode=attended legId={}", id, to.masked(), leg);
        return sent(control.get().attendedTransfer(id, leg, target), call, to, mode);
      });
    });
  }

  /** The latest agent leg of the record that has not ended. */
  static Optional<JsonObject> agentLeg(JsonObject record) {
    JsonArray legs = record.getJsonArray("legs", new JsonArray());
    for (int i = legs.size() - 1; i >= 0; i--) {
      JsonObject leg = legs.getJsonObject(i);
      if ("agent".equals(leg.getString("role")) && leg.getString("endedAt") == null) {
        return Optional.of(leg);
      }
    }
    return Optional.empty();
  }

  /**
   * The PBX leg the agent talks on: a rung agent's own leg, or for a nailed-up agent the open line the call was
   * joined to (the record keeps the line's session leg as the agent leg's endpoint).
   */
  private Future<LegId> transferrer(JsonObject agentLeg) {
    LegId recorded = LegId.of(agentLeg.getString("id"));
    String agent = agentLeg.getString("agentId");
    if (agent == null) {
      return Future.succeededFuture(recorded);
    }
    return lines.apply(AgentId.of(agent)).map(line -> line
        .filter(session -> session.value().equals(agentLeg.getString("endpoint"))).orElse(recorded));
  }

  /**
   * A PBX refusal as the API answers it: 409 {@code call-not-active} when the PBX no longer knows the call or
   * the leg (it ended while the request was on its way), 409 {@code transfer-unsupported} for a destination the
   * adapter cannot dial, 502 {@code pbx-refused} for anything else.
   */
  static CommandOutcome.Refused refusal(CommandResult.Failed failed) {
    String id = failed.errorId();
    if (id.endsWith("unknown-call") || id.endsWith("unknown-leg") || id.endsWith("no-such-channel")) {
      return new CommandOutcome.Refused(409, "call-not-active", "the PBX no longer has the call: " + failed.message());
    }
    if (id.endsWith("unsupported")) {
      return new CommandOutcome.Refused(409, "transfer-unsupported", failed.message());
    }
    return new CommandOutcome.Refused(502, "pbx-refused", "the PBX refused: " + failed.message());
  }

  private Future<CommandOutcome> sent(CompletionStage<CommandResult> command, String call, PhoneNumber to,
      Mode mode) {
    return Future.fromCompletionStage(command, context).map(result -> result instanceof CommandResult.Failed failed
        ? refusal(failed)
        : new CommandOutcome.Accepted(new JsonObject().put("callId", call).put("to", to.masked())
            .put("mode", mode.name().toLowerCase(Locale.ROOT))));
  }

  private static Future<CommandOutcome> notFound(String call) {
    return Future.succeededFuture(new CommandOutcome.Refused(404, "call-not-found", "no live call with id '" + call
        + "'"));
  }
}
