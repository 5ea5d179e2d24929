package io.switchboard.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.switchboard.server.config.HazelcastSettings;
import io.switchboard.server.config.JoinMethod;
import io.switchboard.server.config.JoinSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class HazelcastSetupTest {

  private static HazelcastSettings with(JoinSettings join) {
    return new HazelcastSettings("prod", 5701, "", "", true, join, 3, 1, 5, 3);
  }

  @Test
  void a_single_member_has_no_discovery_binds_loopback_and_never_phones_home() {
    Config config = HazelcastSetup.config(HazelcastSettings.defaults());
    JoinConfig join = config.getNetworkConfig().getJoin();

    assertThat(config.getClusterName()).isEqualTo("switchboard");
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.logging.type")).isEqualTo("slf4j");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
  }

  @Test
  void failure_detection_is_tuned_for_telephony_and_the_shared_maps_are_written_only_with_a_quorum() {
    Config config = HazelcastSetup.config(with(new JoinSettings(JoinMethod.TCP_IP, List.of("10.0.0.1"), "", 0, "")));

    assertThat(config.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("1");
    assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("5");
    assertThat(config.getSplitBrainProtectionConfig(HazelcastSetup.QUORUM).getMinimumClusterSize()).isEqualTo(2);
    assertThat(config.getMapConfig("switchboard.agent-status").getSplitBrainProtectionName())
        .isEqualTo(HazelcastSetup.QUORUM);
    assertThat(config.getMapConfig(PbxOwnership.MAP).getMergePolicyConfig().getPolicy())
        .endsWith("DiscardMergePolicy");
    assertThat(config.getMapConfig("__vertx.haInfo").getSplitBrainProtectionName()).isNull();
  }

  @Test
  void the_claim_delay_covers_the_quorum_tolerance_and_the_lease_beyond_detection() {
    HazelcastSettings settings = with(JoinSettings.defaults());

    // An owner cut off acts for at most 2.5 s (quorum) + 3 s (lease); others remove it 4-5 s after the cut.
    assertThat(settings.quorumTolerance()).hasMillis(2_500);
    assertThat(settings.claimDelay()).hasMillis(2_500);
    assertThat(new HazelcastSettings("p", 5701, "", "", true, JoinSettings.defaults(), 3, 1, 30, 3).claimDelay()).isZero();
    // A fenced member's stale quorum (buffered heartbeats) lasts 2.5 s; it waits 8 s holding the quorum to claim.
    assertThat(settings.claimCooldown()).hasSeconds(8).isGreaterThan(settings.quorumTolerance());
  }

  @Test
  void tcp_ip_lists_the_members() {
    Config config = HazelcastSetup.config(with(new JoinSettings(JoinMethod.TCP_IP, List.of("10.0.0.1", "10.0.0.2:5702"), "", 0, "")));

    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("10.0.0.1", "10.0.0.2:5702");
    assertThat(config.getNetworkConfig().getInterfaces().isEnabled()).isFalse();
  }

  @Test
  void a_member_behind_a_proxy_announces_its_public_address_and_binds_its_sockets_to_its_own() {
    HazelcastSettings settings = new HazelcastSettings("prod", 5701, "127.0.0.11", "127.0.0.11:15701", false,
        new JoinSettings(JoinMethod.TCP_IP, List.of("127.0.0.12:15702"), "", 0, ""), 3, 1, 5, 3);
    Config config = HazelcastSetup.config(settings);

    assertThat(config.getNetworkConfig().getPublicAddress()).isEqualTo("127.0.0.11:15701");
    assertThat(config.getProperty("hazelcast.local.localAddress")).isEqualTo("127.0.0.11");
    assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.socket.client.bind.any")).isEqualTo("false");
  }

  @Test
  void by_default_the_member_announces_what_it_binds_and_binds_every_local_address() {
    Config config = HazelcastSetup.config(with(new JoinSettings(JoinMethod.TCP_IP, List.of("10.0.0.1"), "", 0, "")));

    assertThat(config.getNetworkConfig().getPublicAddress()).isNull();
    assertThat(config.getProperty("hazelcast.socket.bind.any")).isNull();
    assertThat(config.getProperty("hazelcast.socket.client.bind.any")).isNull();
  }

  @Test
  void kubernetes_uses_the_service_dns() {
    Config config = HazelcastSetup.config(with(new JoinSettings(JoinMethod.KUBERNETES, List.of(), "", 0,
        "switchboard-hz.default.svc.cluster.local")));

    assertThat(config.getNetworkConfig().getJoin().getKubernetesConfig().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getJoin().getKubernetesConfig().getProperty("service-dns"))
        .isEqualTo("switchboard-hz.default.svc.cluster.local");
  }

  @Test
  void multicast_uses_group_and_port() {
    Config config = HazelcastSetup.config(with(new JoinSettings(JoinMethod.MULTICAST, List.of(), "224.2.2.4", 54328, "")));

    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().getMulticastPort()).isEqualTo(54328);
  }
}
