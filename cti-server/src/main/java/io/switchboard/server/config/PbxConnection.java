package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code pbx}: a PBX this node attaches to (AMI for Asterisk, ESL for FreeSWITCH).
 * {@code port} is boxed only so that leaving it out picks the type's default port.
 *
 * @param outboundChannel the dial string for customers, {@code {number}} standing for the E.164 number
 */
public record PbxConnection(String name, PbxType type, String host, Integer port, String username, Secret secret,
    @JsonProperty("outbound-channel") String outboundChannel) {

  /** Customers are dialled through the admin's {@code default} context unless {@code outbound-channel} says otherwise. */
  public static final String DEFAULT_OUTBOUND_CHANNEL = "Local/{number}@default";

  /** Without {@code outbound-channel}: {@value #DEFAULT_OUTBOUND_CHANNEL}. */
  public PbxConnection(String name, PbxType type, String host, Integer port, String username, Secret secret) {
    this(name, type, host, port, username, secret, null);
  }

  public PbxConnection {
    outboundChannel = outboundChannel == null || outboundChannel.isBlank() ? DEFAULT_OUTBOUND_CHANNEL
        : outboundChannel;
    secret = secret == null ? Secret.NONE : secret;
    username = username == null ? "" : username;
    if ((port == null || port == 0) && type != null) {
      port = type.defaultPort();
    } else if (port == null) {
      port = 0;
    }
  }
}
