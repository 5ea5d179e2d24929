package io.switchboard.server.kpi;

import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.kpi.AgentKpis;
import io.switchboard.queue.kpi.IntervalRow;
import io.switchboard.queue.kpi.KpiChanges;
import io.switchboard.queue.kpi.KpiEngine;
import io.switchboard.queue.kpi.QueueKpis;
import io.switchboard.queue.routing.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The node's {@link KpiEngine}, shared by the threads that feed it (the router's context, the state store's
 * callbacks) and the ones that read it (HTTP, the stream, the history timer). One lock guards the engine; every
 * call under it is a few map lookups and at most 60 buckets, so nobody waits long. Listeners hear of changes
 * outside the lock.
 */
public final class LiveKpis {

  private final KpiEngine engine;
  private final List<Consumer<KpiChanges>> listeners = new CopyOnWriteArrayList<>();

  public LiveKpis(KpiEngine engine) {
    this.engine = engine;
  }

  /** Counts a step of an inbound call. */
  public void record(JournalEntry entry) {
    KpiChanges changes;
    synchronized (this) {
      changes = engine.onJournal(entry);
    }
    tell(changes);
  }

  /** Counts an agent's status that was just stored. */
  public void stored(AgentId agent, AgentStatus status) {
    KpiChanges changes;
    synchronized (this) {
      changes = engine.onAgentStatus(agent, status);
    }
    tell(changes);
  }

  /** See {@link KpiEngine#alreadyWaiting}. */
  public void alreadyWaiting(QueueId queue, CallId call, Instant since) {
    KpiChanges changes;
    synchronized (this) {
      changes = engine.alreadyWaiting(queue, call, since);
    }
    tell(changes);
  }

  /** Calls {@code listener} with the queues and agents every event changed, on the thread that fed the event. */
  public void onChange(Consumer<KpiChanges> listener) {
    listeners.add(listener);
  }

  /** See {@link KpiEngine#judge}. */
  public synchronized void judge(QueueId queue, Duration threshold) {
    engine.judge(queue, threshold);
  }

  /** See {@link KpiEngine#judge(QueueId, Duration, double)}. */
  public synchronized void judge(QueueId queue, Duration threshold, double target) {
    engine.judge(queue, threshold, target);
  }

  public synchronized QueueKpis queue(QueueId id) {
    return engine.queue(id);
  }

  public synchronized AgentKpis agent(AgentId id) {
    return engine.agent(id);
  }

  public synchronized List<QueueKpis> queues() {
    return engine.queues();
  }

  public synchronized List<AgentKpis> agents() {
    return engine.agents();
  }

  /** See {@link KpiEngine#closedIntervals}. */
  public synchronized List<IntervalRow> closedIntervals() {
    return engine.closedIntervals();
  }

  /** See {@link KpiEngine#openIntervals}. */
  public synchronized List<IntervalRow> openIntervals() {
    return engine.openIntervals();
  }

  /** See {@link KpiEngine#untilIntervalEnds}. */
  public synchronized Duration untilIntervalEnds() {
    return engine.untilIntervalEnds();
  }

  private void tell(KpiChanges changes) {
    if (!changes.queues().isEmpty() || !changes.agents().isEmpty()) {
      listeners.forEach(listener -> listener.accept(changes));
    }
  }
}
