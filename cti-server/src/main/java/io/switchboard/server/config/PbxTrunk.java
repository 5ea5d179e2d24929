package io.switchboard.server.config;

/**
 * One entry of {@code pbx[].trunks}: how this PBX rings the agents' phones of another attached PBX, for queues
 * whose {@code agentScope} is {@code any}. The caller's PBX dials {@code dial} with {@code {device}} replaced by the
 * user part of the agent's device ({@code 1001} of {@code PJSIP/1001} or {@code user/1001@default}); the other
 * PBX must route that number from the trunk to the phone (dialplan/README.md, "Several PBXs").
 *
 * @param to   the {@code pbx[].name} of the PBX whose agents this trunk reaches
 * @param dial the dial string template, e.g. {@code PJSIP/{device}@trunk-fs}, {@code IAX2/trunk-b/{device}} on an
 *             Asterisk or {@code sofia/gateway/trunk-ast/{device}} on a FreeSWITCH
 */
public record PbxTrunk(String to, String dial) {

  /** What {@code {device}} stands for in {@link #dial}. */
  public static final String DEVICE = "{device}";
}
