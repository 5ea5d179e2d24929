package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code hazelcast.join.method}: how this member finds the others. */
public enum JoinMethod {
  /** A single member: no discovery at all, bound to loopback unless {@code hazelcast.interface} says otherwise. */
  @JsonProperty("none") NONE,
  /** A fixed list of members ({@code hazelcast.join.members}), the usual choice on VMs. */
  @JsonProperty("tcp-ip") TCP_IP,
  /** IP multicast on the local network ({@code hazelcast.join.multicast-group}/{@code -port}). */
  @JsonProperty("multicast") MULTICAST,
  /** Kubernetes: the members are the addresses behind a headless service ({@code hazelcast.join.service-dns}). */
  @JsonProperty("kubernetes") KUBERNETES
}
