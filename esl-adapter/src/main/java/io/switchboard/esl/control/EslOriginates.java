package io.switchboard.esl.control;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.MonitorMode;
import io.switchboard.core.port.OriginateRequest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import static io.switchboard.esl.control.Glue.*;

/**
 * The three commands that create channels: {@code bgapi originate {origination_uuid=<uuid>,...}<dial string>
 * <entry point> XML switchboard} (fixtures 03, 06, 07). The uuid is the one in the id Switchboard chose, so
 * the new channel's events carry that id, and a failed job ({@code -ERR <CAUSE>}, fixture 06) is tied to
 * its call by the connection and published as {@code OriginateFailed}.
 */
final class EslOriginates {

    /** Shortest ring Switchboard asks for: compliance rules forbid giving up on a customer sooner. */
    static final Duration MIN_RING = Duration.ofSeconds(15);
    /** Ring for an agent's or supervisor's own line: they asked for it and are at the phone. */
    static final Duration OWN_LINE_RING = MIN_RING.multipliedBy(2);

    private final String prefix;
    private final String outboundDialString;
    private final EslCommands commands;
    private final CallLegs legs;

    EslOriginates(String prefix, String outboundDialString, EslCommands commands, CallLegs legs) {
        if (!outboundDialString.contains("{number}") || !safe(outboundDialString.replace("{number}", "1"))) {
            throw new IllegalArgumentException("outboundDialString must contain {number} and no spaces, commas or"
                    + " braces, e.g. sofia/gateway/carrier/{number}; was " + outboundDialString);
        }
        this.prefix = prefix;
        this.outboundDialString = outboundDialString;
        this.commands = commands;
        this.legs = legs;
    }

    /**
     * Dials the customer into {@code switchboard_outbound} with {@code originate_timeout} of at least 15 s,
     * {@code ignore_early_media=true} (fixture 07), the caller id, and the request's variables under the glue's
     * lower-case names ({@code SWITCHBOARD_TASK} → {@code switchboard_task}), never overriding the ones above.
     * When {@code switchboard_agent} names an agent with an open line, {@code switchboard_agent_uuid} is that
     * leg, so a live answer can be bridged to it; without it the glue plays the safe-harbour message.
     */
    CompletionStage<CommandResult> originate(OriginateRequest request) {
        Optional<String> uuid = uuidOf(prefix, request.call().value());
        if (uuid.isEmpty()) {
            return EslCallControl.failed(EslCallControl.FOREIGN_ID, "call id " + request.call()
                    + " is not " + prefix + "<uuid of at most 36 letters, digits and dashes>");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("origination_uuid", uuid.get());
        variables.put("originate_timeout", Long.toString(seconds(max(max(request.ringTimeout(), request.minRingTime()), MIN_RING))));
        variables.put("ignore_early_media", "true");
        request.callerId().ifPresent(number -> variables.put("origination_caller_id_number", number.e164()));
        // a request variable never overrides the uuid or the minimum ring set above
        request.variables().forEach((name, value) -> variables.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        Optional.ofNullable(variables.get(AGENT)).filter(AGENT_ID.asMatchPredicate())
                .flatMap(agent -> legs.sessionLegOf(AgentId.of(agent)))
                .flatMap(leg -> uuidOf(prefix, leg.value()))
                .ifPresent(agentUuid -> variables.putIfAbsent(AGENT_UUID, agentUuid));
        return send(variables, outboundDialString.replace("{number}", request.to().e164()), OUTBOUND, request.call());
    }

    /**
     * Rings the agent's device into {@code switchboard_agent_session} with {@code switchboard_agent}; on answer
     * the glue sets {@code park_after_bridge=true} and parks the leg, which then takes call after call.
     */
    CompletionStage<CommandResult> agentSession(AgentId agent, LegId sessionLeg, String device) {
        if (!AGENT_ID.matcher(agent.value()).matches()) {
            return EslCallControl.failed(EslCallControl.INVALID_ARGUMENT, "agent id " + agent
                    + " is not one the glue accepts (letters, digits, - and _)");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(AGENT, agent.value());
        return ownLine(sessionLeg, device, variables, AGENT_SESSION, CallId.of(sessionLeg.value()));
    }

    /** Rings the supervisor's device into {@code switchboard_spy_<mode>}, eavesdropping on {@code agentUuid}. */
    CompletionStage<CommandResult> monitor(CallId call, String agentUuid, LegId supervisorLeg, String device, MonitorMode mode) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(SPY_TARGET, agentUuid);
        return ownLine(supervisorLeg, device, variables, SPY + mode.name().toLowerCase(Locale.ROOT), call);
    }

    private CompletionStage<CommandResult> ownLine(LegId leg, String device, Map<String, String> extra, String entry,
            CallId call) {
        Optional<String> uuid = uuidOf(prefix, leg.value());
        if (uuid.isEmpty()) {
            return EslCallControl.failed(EslCallControl.FOREIGN_ID, "leg id " + leg + " is not " + prefix
                    + "<uuid of at most 36 letters, digits and dashes>");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("origination_uuid", uuid.get());
        variables.put("originate_timeout", Long.toString(seconds(OWN_LINE_RING)));
        variables.putAll(extra);
        return send(variables, device, entry, call);
    }

    /**
     * Rings one agent of several for {@code call}'s customer (ring-all, ring-progressively), as
     * mod_callcenter originates each agent leg: {@code bgapi originate {origination_uuid=<agent uuid>,
     * originate_timeout=<s>,ignore_early_media=true,switchboard_ring_call=<customer uuid>,
     * switchboard_ring_leg=<agent leg id>}<device> &park()}. The two {@code switchboard_ring_*} variables tie
     * the new channel to the call and name it {@code agentLeg}; {@link EslRingLegs} bridges it on answer. The
     * caller's number is the leg's {@code origination_caller_id_number} and {@code _name}, as mod_callcenter sets
     * the member's (Switchboard does not learn the caller's name, and without one FreeSWITCH would show its
     * default, {@code FreeSWITCH}); a withheld number sets neither.
     */
    CompletionStage<CommandResult> ringLeg(String customer, String agentUuid, LegId agentLeg, String device,
            Duration ringTimeout, Optional<PhoneNumber> callerId) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("origination_uuid", agentUuid);
        variables.put("originate_timeout", Long.toString(Math.max(1, seconds(ringTimeout))));
        variables.put("ignore_early_media", "true");
        variables.put(RING_CALL, customer);
        variables.put(RING_LEG, agentLeg.value());
        callerId.ifPresent(number -> {
            variables.put("origination_caller_id_number", number.e164());
            variables.put("origination_caller_id_name", number.e164());
        });
        return sendApp(variables, device, "&park()", Optional.empty());
    }

    private CompletionStage<CommandResult> send(Map<String, String> variables, String dialString, String entry, CallId call) {
        return sendApp(variables, dialString, entry + CONTEXT, Optional.of(call));
    }

    private CompletionStage<CommandResult> sendApp(Map<String, String> variables, String dialString, String app,
            Optional<CallId> call) {
        if (!safe(dialString)) {
            return EslCallControl.failed(EslCallControl.INVALID_ARGUMENT,
                    "dial string has spaces, commas, quotes or braces: " + EslCallControl.masked(dialString));
        }
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (!variable.getKey().matches("[a-z0-9_]+") || !safe(variable.getValue())) {
                return EslCallControl.failed(EslCallControl.INVALID_ARGUMENT, "variable " + variable.getKey()
                        + " is empty or has spaces, commas, semicolons, quotes or braces");
            }
        }
        String list = variables.entrySet().stream().map(v -> v.getKey() + "=" + v.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        return commands.bgapi("originate " + list + dialString + " " + app, call);
    }

    private static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
