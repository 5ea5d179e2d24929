package io.switchboard.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import io.switchboard.queue.state.CallSerializers;
import io.switchboard.queue.state.StatusSerializers;
import io.switchboard.server.config.HazelcastSettings;
import io.switchboard.server.config.JoinMethod;
import io.switchboard.server.config.JoinSettings;

/**
 * Turns {@code hazelcast.*} into a Hazelcast {@link Config} for the embedded member that also backs
 * the Vert.x cluster manager. Phone-home is off, logging goes through SLF4J, and the shutdown hook is
 * ours so that HTTP and the database close before the member leaves.
 */
public final class HazelcastSetup {

  private HazelcastSetup() {}

  /** Must run before any Hazelcast class logs anything. */
  public static void prepareProcess() {
    System.setProperty("hazelcast.logging.type", "slf4j");
    System.setProperty("hazelcast.phone.home.enabled", "false");
  }

  public static Config config(HazelcastSettings settings) {
    Config config = new Config();
    config.setClusterName(settings.clusterName());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.banner.disabled" , "true");
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

  /** The maps Vert.x's cluster manager expects (its default-cluster.xml), since we replace that file. */
  private static void vertxStructures(Config config) {
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
  }
}
