package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * {@code hazelcast}: the embedded cluster member that holds agents, tasks and reservations, how fast it decides a
 * member is gone, and how long a node may act on a PBX it owns after its last confirmed lease renewal
 * (docs/cluster.md).
 */
public record HazelcastSettings(
    @JsonProperty("cluster-name") String clusterName,
    @JsonProperty("member-port") int memberPort,
    @JsonProperty("interface") String networkInterface,
    @JsonProperty("public-address") String publicAddress,
    @JsonProperty("bind-any") boolean bindAny,
    JoinSettings join,
    @JsonProperty("expected-members") int expectedMembers,
    @JsonProperty("heartbeat-seconds") int heartbeatSeconds,
    @JsonProperty("max-no-heartbeat-seconds") int maxNoHeartbeatSeconds,
    @JsonProperty("pbx-lease-seconds") int pbxLeaseSeconds) {

  public static HazelcastSettings defaults() {
    return new HazelcastSettings("switchboard", 5701, "", "", true, JoinSettings.defaults(), 1, 1, 5, 3);
  }

  public HazelcastSettings withMemberPort(int port) {
    return new HazelcastSettings(clusterName, port, networkInterface, publicAddress, bindAny, join, expectedMembers,
        heartbeatSeconds, maxNoHeartbeatSeconds, pbxLeaseSeconds);
  }

  /** A majority of {@link #expectedMembers}: the members a node must see to write shared state or own a PBX. */
  public int quorum() {
    return expectedMembers / 2 + 1;
  }

  /**
   * How long after its last heartbeat another member still counts towards the quorum: two heartbeats and half a
   * second, so one late heartbeat does not cost the quorum.
   */
  public Duration quorumTolerance() {
    return Duration.ofSeconds(2L * heartbeatSeconds).plusMillis(500);
  }

  public Duration pbxLease() {
    return Duration.ofSeconds(pbxLeaseSeconds);
  }

  /**
   * How long a member waits, after removing a PBX's owner from the cluster, before it claims that PBX. The owner
   * may have renewed its lease until it lost the quorum ({@link #quorumTolerance()} after the cut) and acts until
   * that lease ends; the others remove it {@code max-no-heartbeat} after its last heartbeat, which may have come a
   * heartbeat before the cut. One second more covers scheduling. Zero when detection alone is slow enough.
   */
  public Duration claimDelay() {
    Duration owner = quorumTolerance().plus(pbxLease()).plusSeconds(heartbeatSeconds).plusSeconds(1);
    Duration delay = owner.minusSeconds(maxNoHeartbeatSeconds);
    return delay.isNegative() ? Duration.ZERO : delay;
  }

  /**
   * How long a member that was fenced off a PBX waits, holding the quorum throughout, before it claims any PBX again.
   * A member that was paused or cut off comes back with a stale view: the others' heartbeats still in its socket
   * buffers make them look recently active (a quorum), and its copy of the owners' map may still name it. Within
   * {@code max-no-heartbeat} plus a lease either the others' silence shows (the quorum goes, after {@link
   * #quorumTolerance()}) or the member has been merged back into the cluster that carried on.
   */
  public Duration claimCooldown() {
    return Duration.ofSeconds(maxNoHeartbeatSeconds).plus(pbxLease());
  }
}
