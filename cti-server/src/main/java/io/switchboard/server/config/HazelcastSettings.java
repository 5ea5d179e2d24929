package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code hazelcast}: the embedded cluster member that holds agents, tasks and reservations. */
public record HazelcastSettings(
    @JsonProperty("cluster-name") String clusterName,
    @JsonProperty("member-port") int memberPort,
    @JsonProperty("interface") String networkInterface,
    JoinSettings join) {

  public static HazelcastSettings defaults() {
    return new HazelcastSettings("switchboard", 5701, "", JoinSettings.defaults());
  }

  public HazelcastSettings withMemberPort(int port) {
    return new HazelcastSettings(clusterName, port, networkInterface, join);
  }
}
