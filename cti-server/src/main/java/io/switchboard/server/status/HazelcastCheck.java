package io.switchboard.server.status;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.HazelcastInstance;
import io.switchboard.server.cluster.HazelcastSetup;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;

/** The embedded Hazelcast member: running, cluster state {@code ACTIVE}, and how many members it sees. */
public final class HazelcastCheck implements StatusCheck {

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;

  public HazelcastCheck(Vertx vertx, HazelcastInstance hazelcast) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
  }

  @Override
  public String name() {
    return "hazelcast";
  }

  @Override
  public String kind() {
    return "hazelcast";
  }

  @Override
  public boolean requiredForReadiness() {
    return true;
  }

  @Override
  public Future<CheckResult> check() {
    return vertx.executeBlocking(this::inspect, false);
  }

  private CheckResult inspect() {
    if (!hazelcast.getLifecycleService().isRunning()) {
      return CheckResult.down("the Hazelcast member is not running");
    }
    ClusterState state = hazelcast.getCluster().getClusterState();
    int members = hazelcast.getCluster().getMembers().size();
    boolean quorum = hazelcast.getSplitBrainProtectionService()
        .getSplitBrainProtection(HazelcastSetup.QUORUM).hasMinimumSize();
    Map<String, Object> facts = Map.of(
        "clusterName", hazelcast.getConfig().getClusterName(),
        "members", members,
        "clusterState", state.name(),
        "localMember", String.valueOf(hazelcast.getCluster().getLocalMember().getAddress()),
        "member", hazelcast.getCluster().getLocalMember().getUuid().toString(),
        "quorum", quorum);
    String detail = members + (members == 1 ? " member" : " members") + " in cluster '"
        + hazelcast.getConfig().getClusterName() + "', state " + state
        + (quorum ? "" : "; no quorum: this node changes no shared state and drives no PBX (docs/cluster.md)");
    return state == ClusterState.ACTIVE && quorum ? CheckResult.up(detail, facts)
        : new CheckResult(DependencyState.DOWN, detail, facts);
  }
}
