package io.switchboard.server.config;

/**
 * One entry of {@code pbx}: a PBX this node attaches to (AMI for Asterisk, ESL for FreeSWITCH).
 * {@code port} is boxed only so that leaving it out picks the type's default port.
 */
public record PbxConnection(String name, PbxType type, String host, Integer port, String username, Secret secret) {

  public PbxConnection {
    secret = secret == null ? Secret.NONE : secret;
    username = username == null ? "" : username;
    if ((port == null || port == 0) && type != null) {
      port = type.defaultPort();
    } else if (port == null) {
      port = 0;
    }
  }
}
