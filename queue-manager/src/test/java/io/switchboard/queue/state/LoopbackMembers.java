package io.switchboard.queue.state;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;

/**
 * The configuration of a Hazelcast member for the cluster ITs: loopback only, joined by TCP over a range of 50
 * ports from {@code firstPort}, no multicast, no auto-detection, no phone-home; the agent status and call serializers registered as the server does. Each IT passes its own cluster
 * name (a random one), so members of two ITs never join each other.
 */
public final class LoopbackMembers {

    private static final int PORTS = 50;

    private LoopbackMembers() {
    }

    /** A member of {@code cluster} listening on the first free port of {@code firstPort}..{@code firstPort + 49}. */
    public static Config member(String cluster, int firstPort) {
        Config config = new Config();
        config.setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        StatusSerializers.registerOn(config.getSerializationConfig());
        CallSerializers.registerOn(config.getSerializationConfig());
        config.getNetworkConfig().setPort(firstPort).setPortAutoIncrement(true).setPortCount(PORTS);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        for (int port = firstPort; port < firstPort + PORTS; port++) {
            join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
        }
        return config;
    }
}
