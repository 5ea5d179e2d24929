package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code hazelcast.join}: cluster discovery. Only the keys of the chosen {@link JoinMethod} are used. */
public record JoinSettings(
    JoinMethod method,
    List<String> members,
    @JsonProperty("multicast-group") String multicastGroup,
    @JsonProperty("multicast-port") int multicastPort,
    @JsonProperty("service-dns") String serviceDns) {

  public JoinSettings {
    members = members == null ? List.of() : List.copyOf(members);
  }

  public static JoinSettings defaults() {
    return new JoinSettings(JoinMethod.NONE, List.of(), "224.2.2.3", 54327, "");
  }
}
