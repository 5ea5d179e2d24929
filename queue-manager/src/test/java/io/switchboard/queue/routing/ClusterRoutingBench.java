package io.switchboard.queue.routing;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.call.Did;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.StatusUpdate;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.state.AgentChangesElsewhere;
import io.switchboard.queue.state.HazelcastAgentStateStore;
import io.switchboard.queue.state.HazelcastCallsInFlight;
import io.switchboard.queue.state.LoopbackMembers;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Routing decisions on one Hazelcast member against the same on three (docs/benchmarks.md, {@code
 * bench/cluster-routing.sh}): one router, as on the node that owns the PBX, routes Poisson arrivals to agents whose
 * status lives in the cluster's agent-status map (its entries spread over the members' partitions, one backup
 * each). Prints the decisions per second, the latency from the caller's arrival to the command that rings the
 * agent (p50, p99, max) and the grid operations per decision, split into those that ran on this member and those
 * that crossed the network (the key's partition owned by another member).
 *
 * <p>Usage: {@code ClusterRoutingBench <members> <calls per second> <seconds> <warm-up seconds> <agents>}.
 */
public final class ClusterRoutingBench {

  private static final QueueId QUEUE = QueueId.of("support");
  private static final PbxId PBX = PbxId.of("pbx-a");

  private final int agents;
  private final HazelcastInstance member;
  private final ExecutorService context = Executors.newSingleThreadExecutor(r -> new Thread(r, "router"));
  private final ScheduledExecutorService phones = Executors.newScheduledThreadPool(1);
  private final Map<CallId, Long> arrivals = new ConcurrentHashMap<>();
  private final LongAdder decisions = new LongAdder();
  private final LongAdder localOps = new LongAdder();
  private final LongAdder remoteOps = new LongAdder();
  private final LongAdder lifeLocalOps = new LongAdder();
  private final LongAdder lifeRemoteOps = new LongAdder();
  private final List<Long> measured = java.util.Collections.synchronizedList(new ArrayList<>());
  private final double meanTalkMillis;
  private volatile boolean measuring;
  private InboundRouter router;

  private ClusterRoutingBench(HazelcastInstance member, int agents, double meanTalkMillis) {
    this.member = member;
    this.agents = agents;
    this.meanTalkMillis = meanTalkMillis;
  }

  public static void main(String[] args) throws Exception {
    // As the server's Main does: on two cores the common pool has one thread, and Hazelcast then starts a thread
    // for each callback of its futures.
    if (System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism") == null
        && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
    }
    int members = Integer.parseInt(args.length > 0 ? args[0] : "1");
    int rate = Integer.parseInt(args.length > 1 ? args[1] : "500");
    int seconds = Integer.parseInt(args.length > 2 ? args[2] : "20");
    int warmUp = Integer.parseInt(args.length > 3 ? args[3] : "5");
    int agents = Integer.parseInt(args.length > 4 ? args[4] : "300");
    System.setProperty("hazelcast.logging.type", "none");
    String cluster = "bench-" + UUID.randomUUID();
    List<HazelcastInstance> members_ = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      members_.add(Hazelcast.newHazelcastInstance(LoopbackMembers.member(cluster, 16_701)));
    }
    // Agents busy about 70 % of the time at this rate: talk = 0.7 × agents / rate.
    double talk = 0.7 * agents / rate * 1000;
    ClusterRoutingBench bench = new ClusterRoutingBench(members_.get(0), agents, talk);
    try {
      bench.run(rate, seconds, warmUp, members);
    } finally {
      bench.context.shutdownNow();
      bench.phones.shutdownNow();
      members_.forEach(HazelcastInstance::shutdown);
    }
  }

  private void run(int rate, int seconds, int warmUp, int members) throws Exception {
    HazelcastAgentStateStore store = new HazelcastAgentStateStore(member);
    Instant now = Instant.now();
    MapAgentDirectory directory = new MapAgentDirectory();
    for (int i = 0; i < agents; i++) {
      AgentStatus available = AgentStatus.initial(now).moveTo(AgentState.AVAILABLE, now).orElseThrow();
      store.compareAndSet(AgentId.of("a" + i), 0, available).toCompletableFuture().get();
      directory.put(Agents.member("a" + i, QUEUE.value()));
    }
    TaskQueue queue = new TaskQueue(QUEUE, "support", RoutingStrategy.LONGEST_IDLE, List.of(), Duration.ZERO, 0,
        Duration.ZERO, Duration.ofSeconds(15));
    TaskQueues queues = new TaskQueues() {
      @Override
      public CompletionStage<Optional<TaskQueue>> find(QueueId id) {
        return CompletableFuture.completedFuture(Optional.of(queue));
      }

      @Override
      public CompletionStage<Optional<QueueSetup>> setup(QueueId id) {
        return CompletableFuture.completedFuture(Optional.of(QueueSetup.of(queue)));
      }
    };
    AgentStateStore counted = counting(store);
    InstantSource clock = InstantSource.system();
    CallControl control = phoneSystem(new RecordingCallControl());
    router = new InboundRouter(directory, queues, counted, id -> Optional.of(control),
        entry -> CompletableFuture.completedFuture(null),
        (delay, action) -> phones.schedule(() -> context.execute(action), delay.toMillis(), TimeUnit.MILLISECONDS),
        clock, context, new AgentMoves(counted, clock, context), new AgentLines(), new InboundRules(0, ZoneOffset.UTC));
    AgentChangesElsewhere changes = AgentChangesElsewhere.listen(member, context, router::agentStateChanged);
    // The calls in flight, as the owner of a PBX keeps them for its next owner (docs/cluster.md): the call's life.
    CallsInFlight calls = new HazelcastCallsInFlight(member, Executors.newSingleThreadExecutor());
    CompletableFuture.runAsync(() -> router.keepCallsIn(!Boolean.getBoolean("bench.calls.off") ? new CallsInFlight() {
      @Override
      public CompletionStage<Void> keep(HeldCall call) {
        countKey(call.call().value());
        return calls.keep(call);
      }

      @Override
      public CompletionStage<Void> forget(CallId call) {
        countKey(call.value());
        return calls.forget(call);
      }

      @Override
      public CompletionStage<List<HeldCall>> of(PbxId pbx) {
        return calls.of(pbx);
      }
    } : CallsInFlight.NONE), context).get();

    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmUp);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    long next = start;
    long decisionsAtStart = 0;
    int n = 0;
    while (System.nanoTime() < end) {
      long now2 = System.nanoTime();
      if (!measuring && now2 >= measureFrom) {
        decisionsAtStart = decisions.sum();
        localOps.reset();
        remoteOps.reset();
        lifeLocalOps.reset();
        lifeRemoteOps.reset();
        measuring = true;
      }
      if (now2 < next) {
        TimeUnit.NANOSECONDS.sleep(Math.min(next - now2, 1_000_000));
        continue;
      }
      CallId call = CallId.of("c" + n++);
      PbxEvent offered = new PbxEvent.CallOffered(PBX, Instant.now(), call, callerLeg(call), Optional.empty(),
          Did.of("100"), Optional.empty(), Optional.of(QUEUE));
      arrivals.put(call, System.nanoTime());
      context.execute(() -> router.onEvent(offered));
      next += (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * 1e9 / rate);
    }
    measuring = false;
    long made = decisions.sum() - decisionsAtStart;
    long[] sorted = measured.stream().mapToLong(Long::longValue).sorted().toArray();
    changes.close();
    System.out.printf(Locale.ROOT, "members=%d rate=%d/s agents=%d: decisions %.1f/s, arrival-to-ring p50 %.3f ms,"
            + " p99 %.3f ms, max %.3f ms; grid operations per decision %.2f (local %.2f, remote %.2f), per call"
            + " after the decision %.2f (local %.2f, remote %.2f); waiting at the end %d%n", members, rate, agents,
        made / (double) seconds, pct(sorted, 50), pct(sorted, 99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, (localOps.sum() + remoteOps.sum()) / (double) made,
        localOps.sum() / (double) made, remoteOps.sum() / (double) made,
        (lifeLocalOps.sum() + lifeRemoteOps.sum()) / (double) made, lifeLocalOps.sum() / (double) made,
        lifeRemoteOps.sum() / (double) made, arrivals.size());
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /**
   * The store, counting each operation: local when this member owns the key's partition, remote otherwise. The
   * decision's is the move to reserved; the reads and moves after it (on call, wrap-up, available) are the call's
   * life, counted apart.
   */
  private AgentStateStore counting(AgentStateStore store) {
    return new AgentStateStore() {
      @Override
      public CompletionStage<Optional<AgentStatus>> read(AgentId agent) {
        count(agent, false);
        return store.read(agent);
      }

      @Override
      public CompletionStage<StatusUpdate> compareAndSet(AgentId agent, long expectedVersion, AgentStatus next) {
        count(agent, next.state() == AgentState.RESERVED);
        return store.compareAndSet(agent, expectedVersion, next);
      }
    };
  }

  private void countKey(String key) {
    if (measuring) {
      boolean local = member.getPartitionService().getPartition(key).getOwner().localMember();
      (local ? lifeLocalOps : lifeRemoteOps).increment();
    }
  }

  private void count(AgentId agent, boolean decision) {
    if (!measuring) {
      return;
    }
    boolean local = member.getPartitionService().getPartition(agent.value()).getOwner().localMember();
    if (decision) {
      (local ? localOps : remoteOps).increment();
    } else {
      (local ? lifeLocalOps : lifeRemoteOps).increment();
    }
  }

  /** Rings are answered at once; the caller talks for an exponential time, then hangs up. */
  private CallControl phoneSystem(RecordingCallControl accepting) {
    return (CallControl) Proxy.newProxyInstance(CallControl.class.getClassLoader(), new Class<?>[] {CallControl.class},
        (proxy, method, args) -> {
          if (method.getName().equals("connectToAgent")) {
            ringing((CallId) args[0], (LegId) args[1]);
            return CompletableFuture.completedFuture(CommandResult.ACCEPTED);
          }
          return method.invoke(accepting, args);
        });
  }

  private void ringing(CallId call, LegId agentLeg) {
    Long arrived = arrivals.remove(call);
    decisions.increment();
    if (arrived != null && measuring) {
      measured.add(System.nanoTime() - arrived);
    }
    context.execute(() -> router.onEvent(new PbxEvent.CallConnected(PBX, Instant.now(), call, callerLeg(call),
        agentLeg)));
    long talk = (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * meanTalkMillis);
    phones.schedule(() -> context.execute(() -> router.onEvent(new PbxEvent.LegHungUp(PBX, Instant.now(), call,
        callerLeg(call), HangupCause.NORMAL_CLEARING))), talk, TimeUnit.MILLISECONDS);
  }

  private static LegId callerLeg(CallId call) {
    return LegId.of(call.value() + "-caller");
  }
}
