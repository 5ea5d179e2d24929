package io.switchboard.queue.selection;

import io.switchboard.core.Require;
import io.switchboard.core.id.PbxId;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which PBX can ring the devices of which other PBX, and how: the configured trunks. A trunk from {@code A} to
 * {@code B} is a dial string template for PBX {@code A} with {@code {device}} standing for the user part of an
 * agent's device on {@code B} ({@code PJSIP/{device}@trunk-fs} on an Asterisk, {@code sofia/gateway/trunk-ast/{device}}
 * on a FreeSWITCH). A trunk goes one way; two PBXs that ring each other's agents have one each.
 *
 * <p>It also says which PBX a device is on when nothing better is known: by its technology, when exactly one
 * attached PBX speaks it ({@code PJSIP/1001} on the only Asterisk). The router prefers the PBX that last reported
 * the device's state. An immutable value.
 */
public final class PbxReach {

    /** One PBX, or several without trunks: every agent is local to the PBX that rings them. */
    public static final PbxReach NONE = new PbxReach(Map.of(), Map.of());

    /** What {@code {device}} stands for in a trunk's template. */
    public static final String DEVICE = "{device}";

    /** A FreeSWITCH dial string may open with {@code {var=value}} or {@code [var=value]} blocks. */
    private static final Pattern VARIABLES = Pattern.compile("^(?:\\{[^}]*}|\\[[^]]*])*");

    private final Map<PbxId, Map<PbxId, String>> trunks;
    private final Map<String, PbxId> technologies;

    /**
     * @param trunks       from the PBX that dials, to the PBX whose devices it reaches, the dial string template
     *                     (holding {@value #DEVICE} once)
     * @param technologies device technologies in lower case ({@code pjsip}, {@code user}) spoken by exactly one
     *                     PBX, and that PBX
     */
    public PbxReach(Map<PbxId, Map<PbxId, String>> trunks, Map<String, PbxId> technologies) {
        Map<PbxId, Map<PbxId, String>> copy = new HashMap<>();
        Require.nonNull(trunks, "trunks").forEach((from, targets) -> {
            targets.forEach((to, template) -> {
                if (from.equals(to)) {
                    throw new IllegalArgumentException("trunks must not lead from " + from + " to itself");
                }
                if (!Require.nonNull(template, "trunk template").contains(DEVICE)) {
                    throw new IllegalArgumentException("trunk template from " + from + " to " + to
                            + " must hold " + DEVICE);
                }
            });
            copy.put(from, Map.copyOf(targets));
        });
        this.trunks = Map.copyOf(copy);
        this.technologies = Map.copyOf(Require.nonNull(technologies, "technologies"));
    }

    /**
     * Whether a queue of {@code scope} may offer a call on {@code caller}'s PBX to an agent on {@code agent}'s:
     * always on the same PBX or when either is unknown; across PBXs only with {@link AgentScope#ANY} and a trunk
     * from the caller's PBX to the agent's.
     */
    public boolean admits(AgentScope scope, Optional<PbxId> caller, Optional<PbxId> agent) {
        if (caller.isEmpty() || agent.isEmpty() || caller.get().equals(agent.get())) {
            return true;
        }
        return scope == AgentScope.ANY && trunk(caller.get(), agent.get()).isPresent();
    }

    /** The template {@code from} dials {@code to}'s devices with, if there is a trunk. */
    public Optional<String> trunk(PbxId from, PbxId to) {
        return Optional.ofNullable(trunks.getOrDefault(from, Map.of()).get(to));
    }

    /**
     * What {@code from} dials to ring {@code device}, a device on {@code to}: the device itself on its own PBX, else
     * the trunk's template with the device's user part; empty when there is no trunk.
     */
    public Optional<String> dialString(PbxId from, PbxId to, String device) {
        if (from.equals(to)) {
            return Optional.of(device);
        }
        return trunk(from, to).map(template -> template.replace(DEVICE, userPart(device)));
    }

    /** The PBX a device is on by its technology alone, when exactly one PBX speaks it. */
    public Optional<PbxId> byTechnology(String device) {
        String bare = VARIABLES.matcher(device).replaceFirst("");
        int slash = bare.indexOf('/');
        return slash <= 0 ? Optional.empty()
                : Optional.ofNullable(technologies.get(bare.substring(0, slash).toLowerCase(Locale.ROOT)));
    }

    /**
     * The part of a device a trunk carries: after the last {@code /}, up to an {@code @}, without leading
     * {@code {...}}/{@code [...]} blocks. {@code PJSIP/1001}, {@code SIP/1001}, {@code IAX2/peer/1001},
     * {@code user/1001@default} and {@code sofia/internal/1001@10.0.0.5} are all {@code 1001}.
     */
    public static String userPart(String device) {
        String bare = VARIABLES.matcher(device).replaceFirst("");
        String last = bare.substring(bare.lastIndexOf('/') + 1);
        int at = last.indexOf('@');
        return at < 0 ? last : last.substring(0, at);
    }
}
