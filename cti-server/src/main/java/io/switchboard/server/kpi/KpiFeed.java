package io.switchboard.server.kpi;

import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.queue.routing.HeldCall;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.JournalEntry.CallStep;
import io.switchboard.server.routing.JooqRoutingJournal;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What feeds a node's live KPIs in a cluster: what this node journals and stores is counted here at once and
 * published on the clustered event bus; what arrives from the bus is counted unless this node sent it. So every
 * node counts every node's calls and agent statuses, each exactly once, and every node's {@code /api/v1/kpis}
 * shows the whole contact center. A message that cannot be read is logged and dropped; it never stops the feed.
 */
final class KpiFeed {

  /** Where the journal entries the KPIs count are published (JSON, {@link KpiEntryJson}). */
  static final String JOURNAL = "switchboard.kpi.journal";
  /** Where agent statuses just stored are published. */
  static final String STATUSES = "switchboard.kpi.agent-status";
  /** The header naming the node that sent a message. */
  static final String ORIGIN = "origin";

  private static final Logger LOG = LoggerFactory.getLogger(KpiFeed.class);

  /** Where a feed publishes: the clustered event bus, or a test's fake. */
  @FunctionalInterface
  interface Publisher {
    /** Publishes {@code body} to every consumer of {@code address} on every node, this one included. */
    void publish(String address, JsonObject body, String origin);
  }

  private final Publisher bus;
  private final LiveKpis live;
  private final String node;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private volatile Predicate<String> fenced = pbx -> false;
  /** The calls with a step counted before {@link #seed} ran; null once it has. */
  private Set<CallId> stepsBeforeSeed = new HashSet<>();

  /** A feed of {@code live} publishing to {@code bus}; {@code node} tells this feed's messages from the others'. */
  KpiFeed(Publisher bus, LiveKpis live, String node) {
    this.bus = bus;
    this.live = live;
    this.node = node;
  }

  /** A feed on {@code eventBus} with a node id of its own; {@link #listen} starts it hearing the others. */
  static KpiFeed on(EventBus eventBus, LiveKpis live) {
    return new KpiFeed((address, body, origin) -> eventBus.publish(address, body,
        new DeliveryOptions().addHeader(ORIGIN, origin)), live, UUID.randomUUID().toString());
  }

  /**
   * Starts counting what every node publishes on {@code eventBus} (this node's own messages are skipped); completes
   * once the cluster delivers them here.
   */
  Future<Void> listen(EventBus eventBus) {
    List<Future<Void>> registered = new ArrayList<>();
    for (String address : List.of(JOURNAL, STATUSES)) {
      MessageConsumer<JsonObject> consumer = eventBus.<JsonObject>consumer(address,
          message -> heard(address, message.headers().get(ORIGIN), message.body()));
      consumers.add(consumer);
      registered.add(consumer.completion());
    }
    return Future.all(registered).mapEmpty();
  }

  /**
   * From now on drops the steps of a call on a PBX this node has been fenced off ({@code fenced}, as the routing
   * journal does): a node thawed from a pause may still journal steps it had queued, which the PBX's next owner
   * journals itself, and counting both would count the call twice on every node.
   */
  void fencedBy(Predicate<String> fenced) {
    this.fenced = fenced;
  }

  /** Counts an entry this node journaled, and tells the other nodes when the KPIs count it. */
  void journaled(JournalEntry entry) {
    if (entry instanceof CallStep step) {
      Optional<String> pbx = JooqRoutingJournal.pbxOf(step);
      if (pbx.isPresent() && fenced.test(pbx.get())) {
        LOG.warn("event=kpi-step-dropped-fenced pbx={} callId={} step={}", pbx.get(), step.call(),
            entry.getClass().getSimpleName());
        return;
      }
    }
    noteStep(entry);
    live.record(entry);
    if (KpiEntryJson.counted(entry)) {
      bus.publish(JOURNAL, KpiEntryJson.encode(entry), node);
    }
  }

  /** Counts a status this node stored, and tells the other nodes. */
  void stored(AgentId agent, AgentStatus status) {
    live.stored(agent, status);
    bus.publish(STATUSES, KpiEntryJson.encode(agent, status), node);
  }

  /**
   * Counts a message published by the node {@code origin}, unless that is this node: it counted its own entries
   * and statuses as it journaled and stored them.
   */
  void heard(String address, String origin, JsonObject body) {
    if (node.equals(origin)) {
      return;
    }
    try {
      if (JOURNAL.equals(address)) {
        CallStep step = KpiEntryJson.decode(body);
        noteStep(step);
        live.record(step);
      } else if (STATUSES.equals(address)) {
        live.stored(KpiEntryJson.agent(body), KpiEntryJson.status(body));
      }
    } catch (RuntimeException e) {
      LOG.warn("event=kpi-message-unreadable address={} origin={} reason={}", address, origin, e.getMessage());
    }
  }

  /**
   * Notes the callers who were waiting (or being rung) before this node started counting, from the calls in flight
   * the PBXs' owners keep in the cluster, so that a node that joins late shows them in {@code waiting} and
   * {@code longestWait}; they are not counted as offered, which happened before. A call that had a step counted
   * here meanwhile is skipped: that step is newer than the read. Steps wait for the seed to finish (one lock), so
   * none falls between. Runs once; later calls do nothing.
   */
  synchronized void seed(List<HeldCall> inFlight) {
    if (stepsBeforeSeed == null) {
      return;
    }
    int waiting = 0;
    for (HeldCall call : inFlight) {
      if (call.connectedAt().isEmpty() && !stepsBeforeSeed.contains(call.call())) {
        live.alreadyWaiting(call.queue(), call.call(), call.enteredAt());
        waiting++;
      }
    }
    stepsBeforeSeed = null;
    LOG.info("event=kpi-waiting-seeded calls={} waiting={}", inFlight.size(), waiting);
  }

  /** Stops counting the other nodes' messages. */
  void close() {
    consumers.forEach(MessageConsumer::unregister);
  }

  private synchronized void noteStep(JournalEntry entry) {
    if (stepsBeforeSeed != null && entry instanceof CallStep step) {
      stepsBeforeSeed.add(step.call());
    }
  }
}
