package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of {@code pbx}: a PBX this node attaches to (AMI for Asterisk, ESL for FreeSWITCH).
 * {@code port} is boxed only so that leaving it out picks the type's default port.
 *
 * @param outboundChannel how the PBX dials a customer, {@code {number}} standing for the E.164 number; left out,
 *                        the type's default ({@link #defaultOutboundChannel(PbxType)})
 * @param transferContext the PBX's dialplan context that dials a transfer target's number
 * @param region          ISO 3166 region for numbers that come without a country code, {@code ZZ} for none
 * @param recordingDirectory FreeSWITCH only: where FreeSWITCH writes recordings; left out,
 *                        {@link #DEFAULT_FREESWITCH_RECORDING_DIRECTORY}. Empty for Asterisk, which records into
 *                        its own monitor directory (setting it there is a configuration error)
 * @param trunks          how this PBX rings the agents of other attached PBXs ({@link PbxTrunk}); none by default
 */
public record PbxConnection(String name, PbxType type, String host, Integer port, String username, Secret secret,
    @JsonProperty("outbound-channel") String outboundChannel,
    @JsonProperty("transfer-context") String transferContext,
    String region,
    @JsonProperty("recording-directory") String recordingDirectory,
    List<PbxTrunk> trunks) {

  /** Dials customers through Asterisk's {@code default} context: the admin's own outbound routes. */
  public static final String DEFAULT_OUTBOUND_CHANNEL = "Local/{number}@default";
  /**
   * Dials customers on FreeSWITCH through the sofia gateway named {@code default}: the dial-string form the
   * glue's outbound originate uses (dialplan/README.md), with the carrier gateway the admin calls
   * {@code default}.
   */
  public static final String DEFAULT_FREESWITCH_OUTBOUND_CHANNEL = "sofia/gateway/default/{number}";
  public static final String DEFAULT_TRANSFER_CONTEXT = "default";
  /** The {@code recordings_dir} of FreeSWITCH's Debian/RPM packages. */
  public static final String DEFAULT_FREESWITCH_RECORDING_DIRECTORY = "/var/lib/freeswitch/recordings";
  /** libphonenumber's "unknown region": numbers without a country code are not guessed at. */
  public static final String NO_REGION = "ZZ";

  public PbxConnection {
    outboundChannel = outboundChannel == null || outboundChannel.isBlank() ? defaultOutboundChannel(type)
        : outboundChannel;
    secret = secret == null ? Secret.NONE : secret;
    username = username == null ? "" : username;
    if ((port == null || port == 0) && type != null) {
      port = type.defaultPort();
    } else if (port == null) {
      port = 0;
    }
    transferContext = transferContext == null ? DEFAULT_TRANSFER_CONTEXT : transferContext;
    region = region == null ? NO_REGION : region;
    if (recordingDirectory == null || recordingDirectory.isBlank()) {
      recordingDirectory = type == PbxType.FREESWITCH ? DEFAULT_FREESWITCH_RECORDING_DIRECTORY : "";
    }
    trunks = trunks == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(trunks));
  }

  /** An entry without trunks to other PBXs. */
  public PbxConnection(String name, PbxType type, String host, Integer port, String username, Secret secret,
      String outboundChannel, String transferContext, String region, String recordingDirectory) {
    this(name, type, host, port, username, secret, outboundChannel, transferContext, region, recordingDirectory,
        List.of());
  }

  /** An entry with the default outbound channel, transfer context, region and recording directory. */
  public PbxConnection(String name, PbxType type, String host, Integer port, String username, Secret secret) {
    this(name, type, host, port, username, secret, null, null, null, null, List.of());
  }

  /** True when a FreeSWITCH entry dials through the assumed gateway {@code default} because it names no other. */
  public boolean dialsThroughAssumedGateway() {
    return type == PbxType.FREESWITCH && DEFAULT_FREESWITCH_OUTBOUND_CHANNEL.equals(outboundChannel);
  }

  /** The {@code outbound-channel} an entry of {@code type} gets when it names none; Asterisk's when the type is missing. */
  public static String defaultOutboundChannel(PbxType type) {
    return type == PbxType.FREESWITCH ? DEFAULT_FREESWITCH_OUTBOUND_CHANNEL : DEFAULT_OUTBOUND_CHANNEL;
  }
}
