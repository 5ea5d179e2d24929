package io.switchboard.server.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.switchboard.server.config.HazelcastSettings;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which member drives each configured PBX: exactly one at a time, recorded in {@value #MAP} and changed only by
 * the epoch-checked {@link PbxOwner} entry processors (no CP subsystem, which is Enterprise-only). The owner renews
 * its lease every third of {@code hazelcast.pbx-lease-seconds} and acts on the PBX only while the lease it last
 * renewed runs, measured on its own monotonic clock from when it asked; a member that cannot renew (no quorum, cut
 * off, paused) {@linkplain Listener#lost fences itself} when that lease ends. Another member claims a PBX when its
 * owner released it, when its owner left the cluster at least {@link HazelcastSettings#claimDelay()} ago, or when
 * its owner has not renewed for a whole lease more than it should have (docs/cluster.md has the arithmetic).
 *
 * <p>Everything runs on one Vert.x context; {@link #acting} may be read from any thread.
 */
public final class PbxOwnership implements AutoCloseable {

  /** The owners, by {@code pbx[].name}. */
  public static final String MAP = "switchboard.pbx-owners";
  private static final Logger LOG = LoggerFactory.getLogger(PbxOwnership.class);
  private static final Duration FENCE_CHECK = Duration.ofMillis(200);
  private static final Duration RELEASE_WAIT = Duration.ofSeconds(2);

  /** Told on the ownership's context when this member starts or stops driving a PBX. */
  public interface Listener {

    /** This member now owns {@code pbx} in {@code epoch}: hand its calls over, then connect. */
    void gained(String pbx, long epoch);

    /** This member no longer acts on {@code pbx}: its commands are already refused; disconnect and drop its calls. */
    void lost(String pbx, long epoch, String reason);
  }

  /** A PBX this member owns: the epoch and the end of its lease on this member's monotonic clock. */
  private static final class Held {
    final long epoch;
    volatile long leaseEndNanos;
    boolean renewing;

    Held(long epoch, long leaseEndNanos) {
      this.epoch = epoch;
      this.leaseEndNanos = leaseEndNanos;
    }
  }

  private final Vertx vertx;
  private final Context context;
  private final HazelcastInstance hazelcast;
  private final IMap<String, PbxOwner> owners;
  private final HazelcastSettings settings;
  private final List<String> pbxs;
  private final Listener listener;
  private final Clock clock;
  private final LongSupplier nanos;
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final Set<String> claiming = new HashSet<>();
  /** The PBXs this node was fenced off and has not owned again since. */
  private final Set<String> fenced = ConcurrentHashMap.newKeySet();
  /** When this member last saw each absent owner gone: removed from the cluster, or first found absent. */
  private final Map<String, Long> goneSince = new ConcurrentHashMap<>();
  /**
   * When this member last saw each PBX's record change (a claim or a renewal, which the owner asked for before: its
   * lease ends less than a lease after); from its start when it has seen none yet.
   */
  private final Map<String, Long> renewalSeen = new ConcurrentHashMap<>();
  private final long startedAt;
  private final UUID membershipListener;
  private final UUID entryListener;
  /** While set, claims wait until {@link #claimsFrom} with the quorum held throughout: this member was fenced. */
  private boolean coolingDown;
  private long claimsFrom;
  private long renewTimer = -1;
  private long fenceTimer = -1;
  private volatile boolean closed;

  public PbxOwnership(Vertx vertx, HazelcastInstance hazelcast, HazelcastSettings settings, List<String> pbxs,
      Listener listener, Clock clock, LongSupplier nanos) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.hazelcast = hazelcast;
    this.owners = hazelcast.getMap(MAP);
    this.settings = settings;
    this.pbxs = List.copyOf(pbxs);
    this.listener = listener;
    this.clock = clock;
    this.nanos = nanos;
    this.startedAt = nanos.getAsLong();
    this.membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) { }

      @Override
      public void memberRemoved(MembershipEvent event) {
        goneSince.put(event.getMember().getUuid().toString(), nanos.getAsLong());
        LOG.info("event=cluster-member-removed member={} claimDelayMs={}", event.getMember().getUuid(),
            settings.claimDelay().toMillis());
        vertx.setTimer(settings.claimDelay().toMillis() + 10, id -> context.runOnContext(v -> tick()));
      }
    });
    this.entryListener = owners.addEntryListener((EntryUpdatedListener<String, PbxOwner>) event -> {
      renewalSeen.put(event.getKey(), nanos.getAsLong());
      if (event.getValue() != null && event.getValue().released()) {
        context.runOnContext(v -> tick());
      }
    }, true);
  }

  /** Starts claiming and renewing; the first claim is tried at once. */
  public PbxOwnership start() {
    context.runOnContext(v -> {
      long renewEvery = Math.max(100, settings.pbxLease().toMillis() / 3);
      renewTimer = vertx.setPeriodic(renewEvery, id -> tick());
      fenceTimer = vertx.setPeriodic(FENCE_CHECK.toMillis(), id -> fenceExpired());
      tick();
    });
    return this;
  }

  /** This member's UUID, as {@link PbxOwner#member()} names it (a new one after a split-brain merge). */
  public String member() {
    return hazelcast.getCluster().getLocalMember().getUuid().toString();
  }

  /** True while this member owns {@code pbx} and its lease runs: the only time it may send the PBX anything. */
  public boolean acting(String pbx) {
    Held h = held.get(pbx);
    return h != null && !closed && nanos.getAsLong() - h.leaseEndNanos < 0;
  }

  /**
   * True once this node has been fenced off {@code pbx} (its lease ran out, noticed or not yet, or another member took
   * it) and until it owns it again: what it still had queued for that PBX must not be written. Not after a release at shutdown.
   */
  public boolean fenced(String pbx) {
    if (fenced.contains(pbx)) {
      return true;
    }
    Held h = held.get(pbx);
    // A lease run out but not yet noticed by the fence check (a node just thawed from a pause) counts too.
    return h != null && !closed && nanos.getAsLong() - h.leaseEndNanos >= 0;
  }

  /** The recorded owner of {@code pbx}, read from the grid (null if none ever claimed it). */
  public CompletionStage<PbxOwner> owner(String pbx) {
    return owners.getAsync(pbx);
  }

  /** True while this member hears from a majority of {@code hazelcast.expected-members}. */
  public boolean quorum() {
    return hazelcast.getSplitBrainProtectionService().getSplitBrainProtection(HazelcastSetup.QUORUM)
        .hasMinimumSize();
  }

  private void tick() {
    if (closed || !hazelcast.getLifecycleService().isRunning()) {
      fenceExpired();
      return;
    }
    fenceExpired();
    boolean mayClaim = mayClaim();
    for (String pbx : pbxs) {
      Held h = held.get(pbx);
      if (h != null) {
        renew(pbx, h);
      } else if (mayClaim && claiming.add(pbx)) {
        owners.getAsync(pbx).whenComplete((current, failure) -> context.runOnContext(v -> {
          if (failure != null || closed || !claimable(pbx, current)) {
            claiming.remove(pbx);
          } else {
            claim(pbx, current == null ? 0 : current.epoch());
          }
        }));
      }
    }
  }

  /**
   * After a fence, claims wait out {@link HazelcastSettings#claimCooldown()} with the quorum held throughout, since
   * the view this member came back with may be stale (docs/cluster.md). Otherwise a claim is tried at once: its
   * entry processor is refused without a quorum anyway.
   */
  private boolean mayClaim() {
    if (!coolingDown) {
      return true;
    }
    long now = nanos.getAsLong();
    if (!quorum()) {
      claimsFrom = now + settings.claimCooldown().toNanos();
      return false;
    }
    if (now - claimsFrom < 0) {
      return false;
    }
    coolingDown = false;
    return true;
  }

  private boolean claimable(String pbx, PbxOwner current) {
    String me = member();
    if (current == null || current.released() || current.member().equals(me)) {
      return true;
    }
    boolean member = hazelcast.getCluster().getMembers().stream()
        .anyMatch(m -> m.getUuid().toString().equals(current.member()));
    if (member) {
      goneSince.remove(current.member());
      long stuckAfter = current.leaseEndMillis() + settings.pbxLease().toMillis();
      return clock.millis() > stuckAfter;
    }
    long gone = goneSince.computeIfAbsent(current.member(), m -> nanos.getAsLong());
    long now = nanos.getAsLong();
    // The removal may come long before max-no-heartbeat (connections refused: a firewall's REJECT, a reset), so the
    // owner's last lease is also waited out as this member saw it renewed, with a second for scheduling.
    long lastRenewal = renewalSeen.getOrDefault(pbx, startedAt);
    return now - gone >= settings.claimDelay().toNanos()
        && now - lastRenewal >= settings.pbxLease().plusSeconds(1).toNanos();
  }

  private void claim(String pbx, long expectedEpoch) {
    String me = member();
    long sent = nanos.getAsLong();
    long lease = settings.pbxLease().toMillis();
    owners.submitToKey(pbx, new PbxOwner.Claim(me, expectedEpoch, clock.millis(), lease))
        .whenComplete((after, failure) -> context.runOnContext(v -> {
          claiming.remove(pbx);
          if (failure != null) {
            LOG.debug("event=pbx-claim-failed pbx={} reason={}", pbx, failure.toString());
            return;
          }
          if (closed || after == null || !after.member().equals(me) || after.epoch() != expectedEpoch + 1) {
            return;
          }
          held.put(pbx, new Held(after.epoch(), sent + TimeUnit.MILLISECONDS.toNanos(lease)));
          fenced.remove(pbx);
          LOG.info("event=pbx-owned pbx={} epoch={} member={}", pbx, after.epoch(), me);
          listener.gained(pbx, after.epoch());
        }));
  }

  private void renew(String pbx, Held h) {
    if (h.renewing) {
      return;
    }
    h.renewing = true;
    long sent = nanos.getAsLong();
    long lease = settings.pbxLease().toMillis();
    owners.submitToKey(pbx, new PbxOwner.Renew(member(), h.epoch, clock.millis(), lease))
        .whenComplete((renewed, failure) -> context.runOnContext(v -> {
          h.renewing = false;
          if (held.get(pbx) != h) {
            return;
          }
          if (failure != null) {
            LOG.warn("event=pbx-lease-renewal-failed pbx={} epoch={} reason={}", pbx, h.epoch, failure.toString());
          } else if (!renewed) {
            fence(pbx, h, "another member owns it now");
          } else if (sent - h.leaseEndNanos < 0) {
            // Extends a lease that was still running when asked; an expired one is fenced, never revived.
            h.leaseEndNanos = sent + TimeUnit.MILLISECONDS.toNanos(lease);
          }
        }));
  }

  private void fenceExpired() {
    long now = nanos.getAsLong();
    held.forEach((pbx, h) -> {
      if (now - h.leaseEndNanos >= 0) {
        fence(pbx, h, quorum() ? "the lease ended without a renewal" : "no quorum: the lease ended without a renewal");
      }
    });
  }

  private void fence(String pbx, Held h, String reason) {
    if (!held.remove(pbx, h)) {
      return;
    }
    fenced.add(pbx);
    coolingDown = true;
    claimsFrom = nanos.getAsLong() + settings.claimCooldown().toNanos();
    // how long ago the lease ran out: this node stopped acting then, however late the check noticed it
    long leaseEndedMsAgo = TimeUnit.NANOSECONDS.toMillis(nanos.getAsLong() - h.leaseEndNanos);
    LOG.warn("event=pbx-fenced pbx={} epoch={} reason=\"{}\" leaseEndedMsAgo={} claimsAgainAfterMs={}", pbx, h.epoch,
        reason, leaseEndedMsAgo, settings.claimCooldown().toMillis());
    listener.lost(pbx, h.epoch, reason);
  }

  /**
   * Blocking, from a plain thread, after this node has disconnected from its PBXs: stops claiming and releases what
   * it owned, so another member takes each PBX over at once instead of after the owner's removal.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    vertx.cancelTimer(renewTimer);
    vertx.cancelTimer(fenceTimer);
    if (!hazelcast.getLifecycleService().isRunning()) {
      held.clear(); // the member is gone: its PBXs go to the others once they have removed it
      return;
    }
    hazelcast.getCluster().removeMembershipListener(membershipListener);
    owners.removeEntryListener(entryListener);
    held.forEach((pbx, h) -> {
      try {
        owners.submitToKey(pbx, new PbxOwner.Release(member(), h.epoch)).toCompletableFuture()
            .get(RELEASE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("event=pbx-released pbx={} epoch={}", pbx, h.epoch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.warn("event=pbx-release-failed pbx={} epoch={} reason={}", pbx, h.epoch, e.toString());
      }
    });
    held.clear();
  }
}
