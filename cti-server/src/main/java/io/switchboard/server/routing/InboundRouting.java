package io.switchboard.server.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.lifecycle.Transition;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.StatusUpdate;
import io.switchboard.core.port.Subscription;
import io.switchboard.core.routing.Task;
import io.switchboard.queue.dialer.CampaignCallEnded;
import io.switchboard.queue.dialer.CampaignCalls;
import io.switchboard.queue.routing.AccountOwners;
import io.switchboard.queue.routing.AgentLines;
import io.switchboard.queue.routing.CallsInFlight;
import io.switchboard.queue.routing.InboundRules;
import io.switchboard.queue.routing.LastAgents;
import io.switchboard.queue.routing.OutboundJournal;
import io.switchboard.queue.routing.OutboundPolicy;
import io.switchboard.queue.routing.PendingCallbacks;
import io.switchboard.queue.routing.RoutingEngine;
import io.switchboard.queue.routing.RoutingJournal;
import io.switchboard.queue.selection.PbxReach;
import io.switchboard.core.id.PbxId;
import io.switchboard.server.cluster.OwnerRequests;
import io.switchboard.server.pbx.AttachedPbx;
import io.switchboard.server.pbx.PbxConnections;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's routing: one {@link RoutingEngine} (agents' presence, inbound calls, outbound calls for nailed-up
 * agents) on one Vert.x context, fed every attached PBX's events (re-scheduled on that context in arrival
 * order), commanding each PBX's call control, writing to the database through {@link JooqRoutingJournal} and
 * {@link JooqOutboundJournal}. It also serves the routing side of the API: agents' states (which wake the
 * router), the live tasks, call records, queue_log, and through {@link NailedAgents} agents' lines and
 * outbound calls.
 *
 * <p>Agent state changes made on another node are not seen by this node's router until its own next event;
 * a cluster-wide listener on the state map is the next step.
 */
public final class InboundRouting implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InboundRouting.class);

  private final Context context;
  private final RoutingEngine router;
  private final NailedAgents outbound;
  private volatile AgentLineCommands lines;
  private final CallTransfers transfers;
  private final AgentDirectory agents;
  private final AgentStateStore states;
  private final JooqTaskQueues queues;
  private final JooqCallHistory history;
  private final Clock clock;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final List<PbxId> pbxs;
  private volatile CallsInFlight inFlight = CallsInFlight.NONE;

  private InboundRouting(Vertx vertx, Context context, PbxConnections pbx, AgentDirectory agents,
      AgentStateStore states, JooqTaskQueues queues, RoutingJournal journal, OutboundJournal outboundJournal,
      OutboundPolicy policy, InboundRules rules, LastAgents lastAgents, JooqCallHistory history, Clock clock) {
    this.context = context;
    this.agents = agents;
    this.states = states;
    this.queues = queues;
    this.history = history;
    this.clock = clock;
    Executor onContext = task -> context.runOnContext(v -> task.run());
    this.router = new RoutingEngine(agents, queues, states,
        id -> pbx.all().stream().filter(a -> a.id().equals(id)).findFirst().map(AttachedPbx::callControl),
        journal, outboundJournal,
        (delay, action) -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> context.runOnContext(v -> action.run())),
        policy, NailedAgents::newCallId, clock, onContext, rules, lastAgents);
    this.outbound = new NailedAgents(context, router, pbx, agents);
    this.lines = outbound;
    this.transfers = new CallTransfers(context,
        id -> pbx.all().stream().filter(a -> a.id().equals(id)).findFirst().map(AttachedPbx::callControl),
        history::call, agent -> {
          Promise<Optional<LegId>> line = Promise.promise();
          context.runOnContext(v -> line.complete(router.lines().lineOf(agent).map(AgentLines.Line::leg)));
          return line.future();
        });
    this.pbxs = pbx.all().stream().map(AttachedPbx::id).toList();
    for (AttachedPbx attached : pbx.all()) {
      subscriptions.add(attached.events().subscribe(event -> context.runOnContext(v -> router.onEvent(event))));
    }
  }

  /**
   * An event of a PBX that another node drives, heard there and shared (a phone's state: {@code
   * SharedDeviceStates}): the router takes it as if the PBX had said it. Any thread.
   */
  public void heardElsewhere(PbxEvent event) {
    context.runOnContext(v -> router.onEvent(event));
  }

  /**
   * Routes with {@code reach} from now on: the trunks between the attached PBXs and which PBX each device
   * technology belongs to, for queues that offer callers to agents on other PBXs. Any thread.
   */
  public void usePbxReach(PbxReach reach) {
    context.runOnContext(v -> router.pbxReach(reach));
  }

  /** Starts routing the calls of every attached PBX on {@code context}, with the default inbound rules. */
  public static InboundRouting start(Vertx vertx, Context context, PbxConnections pbx, AgentDirectory agents,
      AgentStateStore states, JooqTaskQueues queues, RoutingJournal journal, OutboundJournal outboundJournal,
      OutboundPolicy policy, JooqCallHistory history, Clock clock) {
    return start(vertx, context, pbx, agents, states, queues, journal, outboundJournal, policy,
        InboundRules.DEFAULTS, history, clock);
  }

  /** Starts routing the calls of every attached PBX on {@code context} by the server's inbound {@code rules}. */
  public static InboundRouting start(Vertx vertx, Context context, PbxConnections pbx, AgentDirectory agents,
      AgentStateStore states, JooqTaskQueues queues, RoutingJournal journal, OutboundJournal outboundJournal,
      OutboundPolicy policy, InboundRules rules, JooqCallHistory history, Clock clock) {
    return start(vertx, context, pbx, agents, states, queues, journal, outboundJournal, policy, rules,
        LastAgents.NONE, history, clock);
  }

  /**
   * Starts routing the calls of every attached PBX on {@code context} by the server's inbound {@code rules},
   * with {@code lastAgents} remembering who spoke to each caller for queues that prefer their last agent.
   */
  public static InboundRouting start(Vertx vertx, Context context, PbxConnections pbx, AgentDirectory agents,
      AgentStateStore states, JooqTaskQueues queues, RoutingJournal journal, OutboundJournal outboundJournal,
      OutboundPolicy policy, InboundRules rules, LastAgents lastAgents, JooqCallHistory history, Clock clock) {
    return new InboundRouting(vertx, context, pbx, agents, states, queues, journal, outboundJournal, policy, rules,
        lastAgents, history, clock);
  }

  /**
   * Another node stored {@code agent}'s status (a reservation, wrap-up or API change made there): the router
   * reads the agent again on its context and, if they are free now, offers them the best waiting task. Any
   * thread.
   */
  public void agentChangedElsewhere(AgentId agent) {
    context.runOnContext(v -> router.agentStateChanged(agent));
  }

  /**
   * Keeps the queued callbacks that stand in {@code store} from now on, and puts back among the waiting tasks
   * those it holds from before a restart, keeping their place. Any thread.
   */
  public void keepCallbacks(PendingCallbacks store) {
    context.runOnContext(v -> router.inbound().keepCallbacks(store));
  }

  /**
   * Keeps each inbound call's essentials in {@code store} from now on (one write per step, not awaited), for the
   * node that owns the call's PBX next, and reads there the calls {@link #takeOver} carries on. Any thread.
   */
  public void keepCallsIn(CallsInFlight store) {
    this.inFlight = store;
    context.runOnContext(v -> router.inbound().keepCallsIn(store));
  }

  /**
   * This node is about to connect to {@code pbx} as its owner (the first, or the next after a failover): the
   * calls the last owner kept for it are read from the store and held again by the router as they were (waiting,
   * ringing, talking), not offered a second time; each meets its fate once the PBX's resync lists the live legs
   * ({@code docs/routing.md}, "Failover"). Completes on the routing context once the router may receive the
   * PBX's events; with nothing stored (a first owner, a single node) at once. Any thread.
   */
  public Future<Void> takeOver(PbxId pbx) {
    return Future.fromCompletionStage(inFlight.of(pbx), context).compose(held -> {
      Promise<Void> taken = Promise.promise();
      context.runOnContext(v -> {
        router.inbound().takeOver(pbx, held);
        LOG.info("event=pbx-calls-taken-over pbx={} calls={}", pbx, held.size());
        taken.complete();
      });
      return taken.future();
    });
  }

  /**
   * This node lost {@code pbx} (fenced): the router drops that PBX's calls and their timers without writing to
   * the journal or the store, as the next owner carries them on. Any thread.
   */
  public void letGo(PbxId pbx) {
    LOG.info("event=pbx-let-go pbx={}", pbx);
    context.runOnContext(v -> router.inbound().letGo(pbx));
  }

  /** Queues whose preferred-agent rule asks for the CRM account owner ask {@code owners} (the enabled CRMs). */
  public void useAccountOwners(AccountOwners owners) {
    context.runOnContext(v -> router.inbound().useAccountOwners(owners));
  }

  /** Agents' open lines and the outbound calls placed for them. */
  public NailedAgents outbound() {
    return outbound;
  }

  /** The lines as the API uses them: this node's, or through the PBXs' owners once {@link #linesThroughOwners}. */
  public AgentLineCommands lines() {
    return lines;
  }

  /** Lines and click-to-dial on a PBX another node owns go to that owner through {@code owners} (docs/cluster.md). */
  public void linesThroughOwners(OwnerRequests owners, Predicate<String> acting, List<String> pbxs) {
    lines = new LinesThroughOwners(outbound, owners, acting, pbxs);
  }

  /**
   * The node's campaign call placer, for the dialer loop: it is fed this node's PBX events with the rest of routing
   * and must be called on the routing context ({@link #context()}).
   */
  public CampaignCalls campaignCalls() {
    return router.campaignCalls();
  }

  /** Tells {@code listener} of every campaign call's end, once per call, on the routing context. Any thread. */
  public void onCampaignCallEnded(CampaignCallEnded listener) {
    context.runOnContext(v -> router.onCampaignCallEnded(listener));
  }

  /** The routing engine itself, for the dialer's wiring ({@link CampaignDialing}); touch it on {@link #context()}. */
  RoutingEngine engine() {
    return router;
  }

  /** The routing context: the dialer loop, the campaign calls and the router run on it. */
  public Context context() {
    return context;
  }

  /** Transfers of live calls. */
  public CallTransfers transfers() {
    return transfers;
  }

  /**
   * Moves an agent to {@code target} (available, paused with a reason, logged out) and lets the router look
   * at waiting tasks again. Asking for the state the agent is already in (same reason) changes nothing; asking an
   * agent on a call to be available is refused (they would be offered a second call). A pause or logout during a
   * call leaves the call up. Logging out also hangs up the agent's open line, if they are nailed up, unless a call
   * is on it (then the line stays until the agent hangs up, or {@code DELETE /api/v1/agents/{id}/session}).
   */
  public Future<StateChange> changeAgentState(AgentId agent, AgentState target, Optional<ReasonCode> reason) {
    return Future.fromCompletionStage(agents.find(agent), context).compose(found -> found.isEmpty()
        ? Future.succeededFuture(new StateChange.UnknownAgent())
        : attempt(agent, target, reason, 3));
  }

  private Future<StateChange> attempt(AgentId agent, AgentState target, Optional<ReasonCode> reason, int left) {
    return Future.fromCompletionStage(states.read(agent), context).compose(stored -> {
      AgentStatus current = stored.orElseGet(() -> AgentStatus.initial(clock.instant()));
      if (current.state() == target && current.reason().equals(reason)) {
        return Future.succeededFuture(new StateChange.Changed(current));
      }
      if (target == AgentState.AVAILABLE && current.state() == AgentState.ON_CALL) {
        // the lifecycle allows it for the router's own moves; from the API it would offer a talking agent a call
        return Future.succeededFuture(new StateChange.Refused("agent " + agent.value()
            + " is on a call; they become available after it (and its wrap-up)"));
      }
      Transition<AgentStatus> move = current.moveTo(target, reason, clock.instant());
      if (move instanceof Transition.Illegal<AgentStatus> illegal) {
        return Future.succeededFuture(new StateChange.Refused(illegal.message()));
      }
      return Future.fromCompletionStage(states.compareAndSet(agent, current.version(), move.orElseThrow()), context)
          .compose(update -> {
            if (update instanceof StatusUpdate.Stored stored2) {
              context.runOnContext(v -> {
                router.agentStatusChanged(agent, current, stored2.status());
                if (target == AgentState.LOGGED_OUT && router.lines().lineOf(agent).isPresent()) {
                  if (current.state() == AgentState.ON_CALL || current.state() == AgentState.RESERVED) {
                    // closing the line would cut the customer off: it stays until the agent hangs up after the call
                    LOG.info("event=agent-line-kept-for-call agentId={} state={}", agent, current.state());
                  } else {
                    // logged out means no calls: a nailed-up line left open would keep the agent's phone busy
                    outbound.closeLine(agent).onSuccess(outcome -> LOG.info("event=agent-line-closed-on-logout"
                        + " agentId={} outcome={}", agent, outcome.getClass().getSimpleName()));
                  }
                }
              });
              return Future.succeededFuture(new StateChange.Changed(stored2.status()));
            }
            return left > 1 ? attempt(agent, target, reason, left - 1)
                : Future.succeededFuture(new StateChange.Conflict());
          });
    });
  }

  /** The agent's stored routing state, empty when none was ever stored (logged out). */
  public Future<Optional<AgentStatus>> agentState(AgentId agent) {
    return Future.fromCompletionStage(states.read(agent), context);
  }

  /** The tasks this node's router holds now, read on the router's context. */
  public Future<List<Task>> tasks() {
    Promise<List<Task>> tasks = Promise.promise();
    context.runOnContext(v -> tasks.complete(router.inbound().tasks()));
    return tasks.future();
  }

  /**
   * The queue was stored or deleted through this node's API: the router reads it again before deciding its
   * next call. Other nodes' routers see the change within {@code KnownQueues.REFRESH} (10 s).
   */
  public void queueChanged(QueueId queue) {
    context.runOnContext(v -> router.inbound().queueChanged(queue));
  }

  /** The queues the router reads, which the admin API also writes. */
  public JooqTaskQueues queues() {
    return queues;
  }

  /** See {@link JooqCallHistory#call}. */
  public Future<Optional<JsonObject>> call(String id) {
    return history.call(id);
  }

  /** See {@link JooqCallHistory#queueLog}. */
  public Future<JsonArray> queueLog(Optional<String> callId, Optional<String> queue) {
    return history.queueLog(callId, queue);
  }

  /** The attached PBXs' ids, in the configuration's order (where agentless campaigns' calls go: the first). */
  public List<PbxId> pbxs() {
    return pbxs;
  }

  /** Stops taking PBX events. */
  @Override
  public void close() {
    subscriptions.forEach(Subscription::close);
  }
}
