package io.switchboard.server.monitor;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.MonitorMode;
import io.switchboard.server.cluster.OwnerRequests;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervisors listening, whispering and barging on agents' calls ({@link CallControl#monitor}): the supervisor's
 * phone is rung on a leg of its own, which joins the agent's live call on answer (Asterisk: {@code ChanSpy} in
 * the glue's {@code switchboard-spy}; FreeSWITCH: {@code eavesdrop} in {@code switchboard_spy_*}). Ending a
 * monitor hangs that leg up; the customer and the agent stay connected. The node keeps its monitors in memory
 * on {@code context}; a monitor whose call ended leaves the list at the next read.
 */
public final class Monitors {

  private static final Logger LOG = LoggerFactory.getLogger(Monitors.class);
  static final String KIND = "monitor";

  private final Context context;
  private final AgentDirectory agents;
  private final Function<AgentId, Future<Optional<AgentStatus>>> states;
  private final Function<AgentId, Future<Optional<CallId>>> liveCalls;
  private final Function<String, Future<Optional<JsonObject>>> records;
  private final Function<PbxId, Optional<CallControl>> controls;
  private final Clock clock;
  private final Supplier<String> ids;
  private final Map<String, Monitor> live = new LinkedHashMap<>();
  private volatile OwnerRequests owners;
  private volatile Predicate<String> acting = pbx -> true;
  private volatile List<String> pbxs = List.of();

  /**
   * @param states    an agent's stored routing state
   * @param liveCalls the call an agent talks on now (an answered agent leg that has not ended), if any
   * @param records   a call's record, as {@code GET /api/v1/calls/{id}} shows it
   * @param controls  the call control of an attached PBX, by its id
   * @param ids       a new monitor id, {@code sb-<hex>} (letters, digits and dashes: both PBXs take it as a
   *                  channel id)
   */
  public Monitors(Context context, AgentDirectory agents, Function<AgentId, Future<Optional<AgentStatus>>> states,
      Function<AgentId, Future<Optional<CallId>>> liveCalls, Function<String, Future<Optional<JsonObject>>> records,
      Function<PbxId, Optional<CallControl>> controls, Clock clock, Supplier<String> ids) {
    this.context = context;
    this.agents = agents;
    this.states = states;
    this.liveCalls = liveCalls;
    this.records = records;
    this.controls = controls;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * In a cluster: a monitor of a call on a PBX this node does not act on ({@code acting}) is started by that PBX's
   * owner, asked through {@code owners}; the list adds the owners' monitors and ending one this node does not hold
   * asks them (docs/cluster.md). This node answers the same asks for the PBXs it owns.
   */
  public void throughOwners(OwnerRequests owners, Predicate<String> acting, List<String> pbxs) {
    this.acting = acting;
    this.pbxs = List.copyOf(pbxs);
    owners.serve(KIND, this::asked);
    this.owners = owners;
  }

  /**
   * Rings {@code device} to join {@code agent}'s call in {@code mode}. 404 {@code agent-not-found}; 409
   * {@code agent-not-on-call} when the agent is not on a call (or the PBX no longer has it); 502
   * {@code pbx-refused}.
   */
  public Future<MonitorOutcome> start(AgentId agent, MonitorMode mode, String device, String supervisor) {
    return Future.fromCompletionStage(agents.find(agent), context).compose(found -> {
      if (found.isEmpty()) {
        return refused(404, "agent-not-found", "no agent with id '" + agent.value() + "'");
      }
      return states.apply(agent).compose(status -> {
        if (status.map(AgentStatus::state).orElse(AgentState.LOGGED_OUT) != AgentState.ON_CALL) {
          return notOnCall(agent);
        }
        return liveCalls.apply(agent).compose(call -> call.map(c -> ring(agent, c, mode, device, supervisor))
            .orElseGet(() -> notOnCall(agent)));
      });
    });
  }

  private Future<MonitorOutcome> ring(AgentId agent, CallId call, MonitorMode mode, String device,
      String supervisor) {
    Optional<PbxId> pbx = pbxOf(call.value());
    OwnerRequests asked = owners;
    if (asked != null && pbx.isPresent() && !acting.test(pbx.get().value())) {
      LOG.info("event=monitor-forwarded agentId={} callId={} mode={} pbx={}", agent, call, mode, pbx.get());
      return asked.ask(pbx.get().value(), KIND, new JsonObject().put("op", "start").put("agentId", agent.value())
          .put("mode", mode.name()).put("device", device).put("supervisor", supervisor)).map(MonitorAnswers::decode);
    }
    Optional<CallControl> control = pbx.flatMap(controls);
    if (control.isEmpty()) {
      return notOnCall(agent);
    }
    String id = ids.get();
    Monitor monitor = new Monitor(id, agent, call, LegId.of(pbx.get().value() + "/" + id), mode, device, supervisor,
        clock.instant());
    return Future.fromCompletionStage(control.get().monitor(call, monitor.supervisorLeg(), device, mode), context)
        .map(result -> {
          if (result instanceof CommandResult.Failed failed) {
            LOG.info("event=monitor-refused agentId={} callId={} mode={} errorId={}", agent, call, mode,
                failed.errorId());
            return gone(failed) ? notOnCallOutcome(agent) : new MonitorOutcome.Refused(502, "pbx-refused",
                "the PBX refused: " + failed.message());
          }
          live.put(id, monitor);
          LOG.info("event=monitor-started monitorId={} agentId={} callId={} mode={} supervisor={}", id, agent, call,
              mode, supervisor);
          return new MonitorOutcome.Started(monitor);
        });
  }

  /** The monitors whose call is still live, this node's first, then each owner's asked (a cluster). */
  public Future<List<Monitor>> list() {
    List<Future<JsonObject>> elsewhere = elsewhere().stream().map(pbx -> owners.ask(pbx, KIND,
        new JsonObject().put("op", "list"))).toList();
    return listHere().compose(here -> Future.join(elsewhere).transform(done -> {
      List<Monitor> all = new ArrayList<>(here);
      elsewhere.forEach(answer -> all.addAll(MonitorAnswers.monitors(answer.result())));
      return Future.succeededFuture(all);
    }));
  }

  /** This node's monitors whose call is still live, oldest first; those whose call ended are forgotten. */
  private Future<List<Monitor>> listHere() {
    return onContext(() -> new ArrayList<>(live.values())).compose(all -> {
      List<Future<Optional<Monitor>>> checks = all.stream().map(m -> records.apply(m.call().value())
          .map(record -> record.filter(r -> r.getString("endedAt") == null).map(r -> m))
          .otherwise(Optional.of(m))).toList();
      return Future.all(checks).compose(done -> onContext(() -> {
        List<Monitor> current = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
          Optional<Monitor> kept = checks.get(i).result();
          if (kept.isPresent()) {
            current.add(kept.get());
          } else {
            live.remove(all.get(i).id());
          }
        }
        return current;
      }));
    });
  }

  /**
   * Hangs the supervisor's leg up. 404 {@code monitor-not-found} for an id this node does not hold, or one that
   * {@code allowed} hides from the caller; a leg the PBX no longer has (the supervisor hung up, the call ended)
   * ends the monitor too.
   */
  public Future<MonitorOutcome> end(String id, Predicate<Monitor> allowed) {
    return endHere(id, allowed).compose(here -> here instanceof MonitorOutcome.Refused refused
        && refused.errorId().equals("monitor-not-found") ? endElsewhere(elsewhere(), 0, id, allowed, here)
        : Future.succeededFuture(here));
  }

  /** Asks the owners in turn for the monitor {@code id}; the one that holds it ends it if {@code allowed}. */
  private Future<MonitorOutcome> endElsewhere(List<String> targets, int next, String id, Predicate<Monitor> allowed,
      MonitorOutcome notFound) {
    if (next >= targets.size()) {
      return Future.succeededFuture(notFound);
    }
    String pbx = targets.get(next);
    return owners.ask(pbx, KIND, new JsonObject().put("op", "get").put("id", id)).compose(found -> {
      Optional<Monitor> monitor = Optional.ofNullable(found.getJsonObject("monitor")).map(MonitorAnswers::monitor);
      if (monitor.isEmpty()) {
        return endElsewhere(targets, next + 1, id, allowed, notFound);
      }
      if (!allowed.test(monitor.get())) {
        return Future.succeededFuture(notFound);
      }
      LOG.info("event=monitor-forwarded monitorId={} op=end pbx={}", id, pbx);
      return owners.ask(pbx, KIND, new JsonObject().put("op", "end").put("id", id)).map(MonitorAnswers::decode);
    });
  }

  /** An owner's side of the asks above: carried out here, never asked further. */
  private Future<JsonObject> asked(JsonObject request) {
    String op = String.valueOf(request.getValue("op"));
    return switch (op) {
      case "start" -> start(AgentId.of(request.getString("agentId")), MonitorMode.valueOf(request.getString("mode")),
          request.getString("device"), request.getString("supervisor")).map(MonitorAnswers::encode);
      case "list" -> listHere().map(MonitorAnswers::list);
      case "get" -> onContext(() -> new JsonObject().put("status", 200).put("monitor",
          Optional.ofNullable(live.get(request.getString("id"))).map(Monitor::toJson).orElse(null)));
      case "end" -> endHere(request.getString("id"), monitor -> true).map(MonitorAnswers::encode);
      default -> throw new IllegalArgumentException("op must be start, list, get or end, not '" + op + "'");
    };
  }

  /** The PBXs another node owns, whose owners a cluster node asks; none on a node on its own. */
  private List<String> elsewhere() {
    return owners == null ? List.of() : pbxs.stream().filter(pbx -> !acting.test(pbx)).toList();
  }

  private Future<MonitorOutcome> endHere(String id, Predicate<Monitor> allowed) {
    return onContext(() -> Optional.ofNullable(live.get(id)).filter(allowed)).compose(found -> {
      if (found.isEmpty()) {
        return refused(404, "monitor-not-found", "no live monitor with id '" + id + "'");
      }
      Monitor monitor = found.get();
      Optional<CallControl> control = pbxOf(monitor.supervisorLeg().value()).flatMap(controls);
      if (control.isEmpty()) {
        return forget(monitor);
      }
      return Future.fromCompletionStage(control.get().hangup(CallId.of(monitor.supervisorLeg().value()),
          HangupCause.NORMAL_CLEARING), context).compose(result -> {
            if (result instanceof CommandResult.Failed failed && !gone(failed)) {
              return refused(502, "pbx-refused", "the PBX refused: " + failed.message());
            }
            return forget(monitor);
          });
    });
  }

  private Future<MonitorOutcome> forget(Monitor monitor) {
    return onContext(() -> {
      live.remove(monitor.id());
      LOG.info("event=monitor-ended monitorId={} agentId={} callId={}", monitor.id(), monitor.agent(), monitor.call());
      return new MonitorOutcome.Ended(monitor);
    });
  }

  private <T> Future<T> onContext(Supplier<T> work) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> done.complete(work.get()));
    return done.future();
  }

  /** Whether the PBX refused because the call or leg is gone: it ended while the request was on its way. */
  private static boolean gone(CommandResult.Failed failed) {
    String id = failed.errorId();
    return id.endsWith("unknown-call") || id.endsWith("unknown-leg") || id.endsWith("no-such-channel");
  }

  private static Optional<PbxId> pbxOf(String id) {
    int slash = id.indexOf('/');
    return slash > 0 ? Optional.of(PbxId.of(id.substring(0, slash))) : Optional.empty();
  }

  private static Future<MonitorOutcome> notOnCall(AgentId agent) {
    return Future.succeededFuture(notOnCallOutcome(agent));
  }

  private static MonitorOutcome notOnCallOutcome(AgentId agent) {
    return new MonitorOutcome.Refused(409, "agent-not-on-call", "agent '" + agent.value() + "' is not on a call");
  }

  private static Future<MonitorOutcome> refused(int status, String errorId, String message) {
    return Future.succeededFuture(new MonitorOutcome.Refused(status, errorId, message));
  }
}
