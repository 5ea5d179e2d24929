package io.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hazelcast.public-address} and {@code hazelcast.bind-any}: the address a member announces when the others
 * reach it through NAT, a proxy or a Kubernetes Service, and whether it binds only to its interface; checked by key.
 */
class HazelcastAddressConfigTest {

  @TempDir Path dir;

  private HazelcastSettings load(String yaml, Map<String, String> env) throws IOException {
    return ConfigLoader.load(Files.writeString(dir.resolve("config.yaml"), yaml), env).config().hazelcast();
  }

  @Test
  void by_default_a_member_announces_the_address_it_binds_and_binds_every_local_address() throws IOException {
    HazelcastSettings hazelcast = load("", Map.of());

    assertThat(hazelcast.publicAddress()).isEmpty();
    assertThat(hazelcast.bindAny()).isTrue();
  }

  @Test
  void a_public_address_and_a_bind_to_the_interface_alone_come_from_the_file_or_the_environment()
      throws IOException {
    HazelcastSettings hazelcast = load("hazelcast: {interface: 10.0.0.11, public-address: '203.0.113.7:15701'}\n",
        Map.of("SWITCHBOARD_HAZELCAST_BIND_ANY", "false"));

    assertThat(hazelcast.publicAddress()).isEqualTo("203.0.113.7:15701");
    assertThat(hazelcast.bindAny()).isFalse();
    assertThat(load("", Map.of("SWITCHBOARD_HAZELCAST_PUBLIC_ADDRESS", "sb-1.example.com")).publicAddress())
        .isEqualTo("sb-1.example.com");
  }

  @Test
  void a_public_address_that_is_not_host_or_host_and_port_is_refused_by_its_key() {
    assertThatThrownBy(() -> load("hazelcast: {public-address: '203.0.113.7:http'}\n", Map.of()))
        .hasMessageEndingWith("key 'hazelcast.public-address' must end in a port number after ':', got "
            + "'203.0.113.7:http'");
    assertThatThrownBy(() -> load("hazelcast: {public-address: '203.0.113.7:70000'}\n", Map.of()))
        .hasMessageEndingWith("key 'hazelcast.public-address' must be between 1 and 65535, got 70000");
    assertThatThrownBy(() -> load("hazelcast: {public-address: ':5701'}\n", Map.of()))
        .hasMessageContaining("key 'hazelcast.public-address' must be host or host:port");
  }

  @Test
  void binding_to_the_interface_alone_needs_an_interface() {
    assertThatThrownBy(() -> load("hazelcast: {bind-any: false}\n", Map.of()))
        .hasMessageEndingWith("key 'hazelcast.interface' must name the one address to bind to when bind-any is "
            + "false");
  }
}
