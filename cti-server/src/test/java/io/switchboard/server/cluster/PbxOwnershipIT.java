package io.switchboard.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.switchboard.server.config.HazelcastSettings;
import io.switchboard.server.config.JoinMethod;
import io.switchboard.server.config.JoinSettings;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PbxOwnership} on real Hazelcast members in one JVM (loopback, TCP join, the server's own member
 * configuration): one owner at a time, takeover after a crash within the failover budget, at once after an orderly
 * release, self-fencing when the lease is not renewed, and nothing owned without a quorum.
 */
class PbxOwnershipIT {

  private final String cluster = "ownership-" + UUID.randomUUID();
  private final int firstPort = 15_701 + ThreadLocalRandom.current().nextInt(0, 400) * 10;
  private final List<HazelcastInstance> members = new ArrayList<>();
  private final List<PbxOwnership> ownerships = new ArrayList<>();
  private final Vertx vertx = Vertx.vertx();

  /** What one member's listener was told, in order. */
  private static final class Told implements PbxOwnership.Listener {
    final List<String> steps = new CopyOnWriteArrayList<>();

    @Override
    public void gained(String pbx, long epoch) {
      steps.add("gained " + pbx + " " + epoch);
    }

    @Override
    public void lost(String pbx, long epoch, String reason) {
      steps.add("lost " + pbx + " " + epoch);
    }
  }

  private static void eventually(Duration atMost, BooleanSupplier done) {
    long end = System.nanoTime() + atMost.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime() - end).as("still false after %s", atMost).isNegative();
      pause();
    }
  }

  private static void holds(Duration during, BooleanSupplier condition) {
    long end = System.nanoTime() + during.toNanos();
    while (System.nanoTime() - end < 0) {
      assertThat(condition.getAsBoolean()).as("held for less than %s", during).isTrue();
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @AfterEach
  void stop() {
    ownerships.forEach(PbxOwnership::close);
    members.forEach(m -> m.getLifecycleService().terminate());
    vertx.close();
  }

  private HazelcastSettings settings(int expectedMembers) {
    List<String> peers = List.of("127.0.0.1:" + firstPort, "127.0.0.1:" + (firstPort + 1),
        "127.0.0.1:" + (firstPort + 2));
    return new HazelcastSettings(cluster, firstPort, "127.0.0.1", "", true,
        new JoinSettings(JoinMethod.TCP_IP, peers, "", 0, ""), expectedMembers, 1, 5, 3);
  }

  private HazelcastInstance member(HazelcastSettings settings) {
    HazelcastInstance member = Hazelcast.newHazelcastInstance(HazelcastSetup.config(settings));
    members.add(member);
    return member;
  }

  private PbxOwnership ownership(HazelcastInstance member, HazelcastSettings settings, Told told,
      java.util.function.LongSupplier nanos) {
    PbxOwnership ownership = new PbxOwnership(vertx, member, settings, List.of("main"), told, Clock.systemUTC(),
        nanos).start();
    ownerships.add(ownership);
    return ownership;
  }

  @Test
  void a_lone_member_owns_its_pbx_at_once_and_renews_it() {
    HazelcastSettings settings = settings(1);
    Told told = new Told();
    PbxOwnership ownership = ownership(member(settings), settings, told, System::nanoTime);

    eventually(Duration.ofSeconds(15), () -> ownership.acting("main"));
    holds(Duration.ofSeconds(4), () -> ownership.acting("main"));
    assertThat(told.steps).containsExactly("gained main 1");
    assertThat(ownership.acting("other")).isFalse();
  }

  @Test
  void a_crashed_owner_is_replaced_once_the_cluster_has_removed_it_and_its_lease_has_run_out() {
    HazelcastSettings settings = settings(1);
    HazelcastInstance first = member(settings);
    HazelcastInstance second = member(settings);
    Told toldFirst = new Told();
    Told toldSecond = new Told();
    PbxOwnership owner = ownership(first, settings, toldFirst, System::nanoTime);
    eventually(Duration.ofSeconds(15), () -> owner.acting("main"));
    PbxOwnership standby = ownership(second, settings, toldSecond, System::nanoTime);
    holds(Duration.ofSeconds(3), () -> !standby.acting("main"));

    long crash = System.nanoTime();
    first.getLifecycleService().terminate();
    eventually(Duration.ofSeconds(15), () -> standby.acting("main"));
    Duration failover = Duration.ofNanos(System.nanoTime() - crash);

    assertThat(toldSecond.steps).containsExactly("gained main 2");
    // A crashed member's sockets close, so the others remove it at once (a silent one after 5 s); the claim delay
    // (2.5 s with these settings) comes on top either way.
    assertThat(failover).isBetween(settings.claimDelay(), Duration.ofSeconds(10));
  }

  @Test
  void an_orderly_shutdown_releases_the_pbx_so_another_member_takes_it_at_once() {
    HazelcastSettings settings = settings(1);
    HazelcastInstance first = member(settings);
    HazelcastInstance second = member(settings);
    PbxOwnership owner = ownership(first, settings, new Told(), System::nanoTime);
    eventually(Duration.ofSeconds(15), () -> owner.acting("main"));
    Told toldSecond = new Told();
    PbxOwnership standby = ownership(second, settings, toldSecond, System::nanoTime);

    long closed = System.nanoTime();
    owner.close();
    assertThat(owner.acting("main")).isFalse();
    eventually(Duration.ofSeconds(3), () -> standby.acting("main"));

    assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(Duration.ofSeconds(2));
    assertThat(toldSecond.steps).containsExactly("gained main 2");
  }

  @Test
  void an_owner_whose_lease_ran_out_unrenewed_fences_itself_and_its_old_epoch_can_no_longer_renew() {
    HazelcastSettings settings = settings(1);
    AtomicLong frozenFor = new AtomicLong();
    Told told = new Told();
    PbxOwnership ownership = ownership(member(settings), settings, told,
        () -> System.nanoTime() + frozenFor.get());
    eventually(Duration.ofSeconds(15), () -> ownership.acting("main"));

    // As after a long pause: the monotonic clock jumps past the lease before any renewal could run.
    frozenFor.set(Duration.ofSeconds(10).toNanos());

    assertThat(ownership.acting("main")).isFalse();
    assertThat(ownership.fenced("main")).as("fenced before the fence check runs: queued writes are dropped").isTrue();
    eventually(Duration.ofSeconds(3), () -> told.steps.contains("lost main 1"));
    // Its view may be stale (its own copy of the owners' map still names it): no claim during the cool-down...
    holds(settings.claimCooldown().minusSeconds(1), () -> !ownership.acting("main"));
    // ...then, nobody else having claimed it, this member claims it again, in a new epoch.
    eventually(Duration.ofSeconds(4), () -> told.steps.contains("gained main 2"));
    assertThat(told.steps).containsExactly("gained main 1", "lost main 1", "gained main 2");
  }

  @Test
  void without_a_quorum_no_member_owns_the_pbx() {
    HazelcastSettings settings = settings(3);
    Told told = new Told();
    PbxOwnership ownership = ownership(member(settings), settings, told, System::nanoTime);

    holds(Duration.ofSeconds(3), () -> !ownership.acting("main"));
    assertThat(ownership.quorum()).isFalse();
    assertThat(told.steps).isEmpty();

    Told toldSecond = new Told();
    PbxOwnership second = ownership(member(settings), settings, toldSecond, System::nanoTime);
    eventually(Duration.ofSeconds(10), () -> ownership.acting("main") || second.acting("main"));
    assertThat(told.steps.size() + toldSecond.steps.size()).isEqualTo(1);
  }
}
