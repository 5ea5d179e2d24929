package io.switchboard.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import com.hazelcast.spi.merge.DiscardMergePolicy;
import io.switchboard.queue.state.CallSerializers;
import io.switchboard.queue.state.StatusSerializers;
import io.switchboard.server.config.HazelcastSettings;
import io.switchboard.server.config.JoinMethod;
import io.switchboard.server.config.JoinSettings;

/**
 * Turns {@code hazelcast.*} into a Hazelcast {@link Config} for the embedded member that also backs
 * the Vert.x cluster manager. Phone-home is off, logging goes through SLF4J, and the shutdown hook is
 * ours so that HTTP and the database close before the member leaves.
 *
 * <p>Tuned for telephony (docs/cluster.md): a silent member is removed after {@code max-no-heartbeat-seconds}
 * instead of Hazelcast's 60 s; the shared maps ({@code switchboard.*}) refuse writes on a member that has not heard
 * from a majority of {@code expected-members} lately (split-brain protection, recently-active), so during a
 * partition only the majority side changes agents, calls and PBX owners; after the partition heals, the smaller
 * side's entries are discarded ({@link DiscardMergePolicy}): it could not write them with a quorum, and a key the
 * larger side deleted meanwhile (a call that ended) must not come back; so the side that
 * kept acting wins.
 */
public final class HazelcastSetup {

  private HazelcastSetup() {}

  /** Must run before any Hazelcast class logs anything. */
  public static void prepareProcess() {
    System.setProperty("hazelcast.logging.type", "slf4j");
    System.setProperty("hazelcast.phone.home.enabled", "false");
  }

  /** The split-brain protection every {@code switchboard.*} map is written under. */
  public static final String QUORUM = "switchboard-quorum";
  /** The maps of shared routing state; Vert.x's own ({@code __vertx.*}) are left as Vert.x wants them. */
  static final String SHARED_MAPS = "switchboard.*";
  /** How long a remote operation may take before it fails (Hazelcast's default is 60 s). */
  static final long CALL_TIMEOUT_MILLIS = 10_000;
  /** The first look for a split cluster to merge after a partition heals, and the next ones (defaults 300 / 120 s). */
  static final int MERGE_FIRST_RUN_SECONDS = 10;
  static final int MERGE_NEXT_RUN_SECONDS = 5;
  /** Whether the member socket listens on every local address or only on the interface's (Hazelcast's default true). */
  static final String SOCKET_BIND_ANY = "hazelcast.socket.bind.any";
  /**
   * Whether connections to other members leave from any local address or from this member's own (its public
   * address's host when one is set), so that the others can tell members apart by source address.
   */
  static final String SOCKET_CLIENT_BIND_ANY = "hazelcast.socket.client.bind.any";

  public static Config config(HazelcastSettings settings) {
    Config config = new Config();
    config.setClusterName(settings.clusterName());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.banner.disabled" , "true");
    failureDetection(config, settings);
    quorum(config, settings);
    vertxStructures(config);
    StatusSerializers.registerOn(config.getSerializationConfig());
    CallSerializers.registerOn(config.getSerializationConfig());

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.memberPort()).setPortAutoIncrement(true);
    String iface = settings.networkInterface();
    JoinSettings join = settings.join();
    if (join.method() == JoinMethod.NONE && iface.isBlank()) {
      iface = "127.0.0.1";
    }
    if (!iface.isBlank()) {
      network.getInterfaces().setEnabled(true).addInterface(iface);
      config.setProperty("hazelcast.local.localAddress", iface);
    }
    if (!settings.publicAddress().isBlank()) {
      network.setPublicAddress(settings.publicAddress());
    }
    if (!settings.bindAny()) {
      config.setProperty(SOCKET_BIND_ANY, "false");
      config.setProperty(SOCKET_CLIENT_BIND_ANY, "false");
    }
    join(network.getJoin(), join);
    return config;
  }

  private static void join(JoinConfig joinConfig, JoinSettings join) {
    joinConfig.getAutoDetectionConfig().setEnabled(false);
    joinConfig.getMulticastConfig().setEnabled(false);
    joinConfig.getTcpIpConfig().setEnabled(false);
    joinConfig.getKubernetesConfig().setEnabled(false);
    switch (join.method()) {
      case NONE -> { }
      case TCP_IP -> joinConfig.getTcpIpConfig().setEnabled(true).setMembers(join.members());
      case MULTICAST -> joinConfig.getMulticastConfig().setEnabled(true)
          .setMulticastGroup(join.multicastGroup()).setMulticastPort(join.multicastPort());
      case KUBERNETES -> joinConfig.getKubernetesConfig().setEnabled(true)
          .setProperty("service-dns", join.serviceDns());
    }
  }

  private static void failureDetection(Config config, HazelcastSettings settings) {
    config.setProperty("hazelcast.heartbeat.interval.seconds", String.valueOf(settings.heartbeatSeconds()));
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(settings.maxNoHeartbeatSeconds()));
    config.setProperty("hazelcast.operation.call.timeout.millis", String.valueOf(CALL_TIMEOUT_MILLIS));
    config.setProperty("hazelcast.merge.first.run.delay.seconds", String.valueOf(MERGE_FIRST_RUN_SECONDS));
    config.setProperty("hazelcast.merge.next.run.delay.seconds", String.valueOf(MERGE_NEXT_RUN_SECONDS));
  }

  private static void quorum(Config config, HazelcastSettings settings) {
    SplitBrainProtectionConfig quorum = SplitBrainProtectionConfig.newRecentlyActiveSplitBrainProtectionConfigBuilder(
        QUORUM, settings.quorum(), (int) settings.quorumTolerance().toMillis()).build();
    quorum.setProtectOn(SplitBrainProtectionOn.WRITE);
    config.addSplitBrainProtectionConfig(quorum);
    config.addMapConfig(new MapConfig(SHARED_MAPS).setBackupCount(1).setSplitBrainProtectionName(QUORUM)
        .setMergePolicyConfig(new MergePolicyConfig(DiscardMergePolicy.class.getName(),
            MergePolicyConfig.DEFAULT_BATCH_SIZE)));
  }

  /** The maps Vert.x's cluster manager expects (its default-cluster.xml), since we replace that file. */
  private static void vertxStructures(Config config) {
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
  }
}
