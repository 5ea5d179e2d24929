package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code pbx[].type}: which wire protocol the connection speaks. */
public enum PbxType {
  /** Asterisk Manager Interface; default port 5038. */
  @JsonProperty("asterisk") ASTERISK(5038),
  /** FreeSWITCH Event Socket (inbound mode); default port 8021. */
  @JsonProperty("freeswitch") FREESWITCH(8021);

  private final int defaultPort;

  PbxType(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  public int defaultPort() {
    return defaultPort;
  }
}
