package io.switchboard.ami.control;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.MonitorMode;

import io.switchboard.core.port.OriginateRequest;
import org.asteriskjava.manager.action.OriginateAction;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import static io.switchboard.ami.control.GlueContexts.*;

/**
 * The two commands that create channels with {@code Originate}. Always {@code Async: true}: the response
 * only says "queued", the outcome arrives as the {@code OriginateResponse} event (Quirks 2, 3). The
 * caller chooses the Uniqueid with {@code ChannelId} (Quirks 16, 17), so the new call's {@link CallId}
 * {@code <pbx>/<uniqueid>} is known before Asterisk answers and a failed OriginateResponse carries it.
 */
final class AmiOriginates {

    /** Shortest ring Switchboard asks for: compliance rules forbid giving up on a customer sooner. */
    static final Duration MIN_RING = Duration.ofSeconds(15);

    private final PbxId pbx;
    private final String outboundChannel;
    private final AmiCommands commands;

    AmiOriginates(PbxId pbx, String outboundChannel, AmiCommands commands) {
        this.pbx = pbx;
        this.outboundChannel = Objects.requireNonNull(outboundChannel, "outboundChannel");
        if (!outboundChannel.contains("{number}")) {
            throw new IllegalArgumentException("outboundChannel must contain {number}, was " + outboundChannel);
        }
        this.commands = commands;
    }

    /** How long an answered ring leg waits to be bridged before it is let go. */
    static final Duration RING_LEG_WAIT = Duration.ofSeconds(60);

    /** Dials the customer into {@code switchboard-outbound,s,1}, where the glue runs AMD if asked. */
    CompletionStage<CommandResult> originate(OriginateRequest request) {
        String prefix = pbx.value() + "/";
        if (uniqueidOf(request.call().value()).isEmpty()) {
            return AmiCallControl.failed("ami-foreign-call", "call id " + request.call() + " is not of the form " + prefix + "<uniqueid>");
        }
        Duration ring = max(max(request.ringTimeout(), request.minRingTime()), MIN_RING);
        Map<String, String> variables = new LinkedHashMap<>(request.variables());
        variables.put(CALL, request.call().value());
        variables.put(LEG, request.leg().value());
        OriginateAction action = new OriginateAction();
        action.setChannel(outboundChannel.replace("{number}", request.to().e164()));
        action.setContext(OUTBOUND);
        action.setExten(START);
        action.setPriority(1);
        action.setAsync(true);
        action.setTimeout(ring.toMillis());
        action.setChannelId(uniqueidOf(request.call().value()).orElseThrow());
        request.callerId().ifPresent(number -> action.setCallerId(number.e164()));
        action.setVariables(variables);
        return commands.send(action);
    }

    /**
     * Rings the agent's device into {@code switchboard-agent-session,<agent id>,1}; on answer the glue sends
     * {@code AgentSessionStarted} and keeps the agent in its conference. The channel gets the Uniqueid of
     * {@code sessionLeg} ({@code <pbx>/<uniqueid>}), so its events carry that leg id and the session is the
     * call with the same id. Rings for twice the minimum ring: the agent asked for the line and is at the phone.
     */
    CompletionStage<CommandResult> agentSession(AgentId agent, LegId sessionLeg, String device) {
        Optional<String> uniqueid = uniqueidOf(sessionLeg.value());
        if (uniqueid.isEmpty()) {
            return AmiCallControl.failed("ami-foreign-leg", "leg id " + sessionLeg + " is not of the form "
                    + pbx.value() + "/<uniqueid>");
        }
        OriginateAction action = new OriginateAction();
        action.setChannel(device);
        action.setContext(AGENT_SESSION);
        action.setExten(agent.value());
        action.setPriority(1);
        action.setAsync(true);
        action.setTimeout(MIN_RING.multipliedBy(2).toMillis());
        action.setChannelId(uniqueid.get());
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(CALL, sessionLeg.value());
        variables.put(LEG, sessionLeg.value());
        action.setVariables(variables);
        return commands.send(action);
    }

    /**
     * Rings the supervisor's device into {@code switchboard-spy,<listen|whisper|barge>,1} with
     * {@code SWITCHBOARD_SPY_TARGET}; the glue runs {@code ChanSpy} with {@code qE}, {@code qwE} or
     * {@code qBE}. Ending supervision: hanging up the spyer had no effect until the spied call ended
     * (Quirk 24), and option {@code E} ends the spy when the spied channel hangs up; the port has no
     * stop command, the supervisor hangs up their phone. The supervisor's channel gets the Uniqueid of
     * {@code supervisorLeg} ({@code <pbx>/<uniqueid>}), so its events carry that leg id.
     */
    CompletionStage<CommandResult> monitor(CallId call, String target, LegId supervisorLeg, String device, MonitorMode mode) {
        Optional<String> uniqueid = uniqueidOf(supervisorLeg.value());
        if (uniqueid.isEmpty()) {
            return AmiCallControl.failed("ami-foreign-leg", "leg id " + supervisorLeg + " is not of the form "
                    + pbx.value() + "/<uniqueid>");
        }
        OriginateAction action = new OriginateAction();
        action.setChannel(device);
        action.setContext(SPY);
        action.setExten(mode.name().toLowerCase(java.util.Locale.ROOT));
        action.setPriority(1);
        action.setAsync(true);
        action.setTimeout(MIN_RING.multipliedBy(2).toMillis());
        action.setChannelId(uniqueid.get());
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(SPY_TARGET, target);
        variables.put(CALL, call.value());
        variables.put(LEG, supervisorLeg.value());
        action.setVariables(variables);
        return commands.send(action);
    }

    /**
     * Rings one agent of several for a waiting call (ring-all, ring-progressively), as app_queue's
     * {@code ring_entry} calls each member on a channel of its own: {@code Originate} of the device into
     * {@code Wait(}{@link #RING_LEG_WAIT}{@code )}, {@code ChannelId} = {@code uniqueid} (fixture 09b), so the
     * channel is known as the ring leg before its first event. On answer {@link AmiRingLegs} bridges it to the
     * customer (AMI {@code Bridge}, fixture 08b) or hangs it up; an agent answered but never bridged is let go
     * when the Wait ends. {@code CallerID} is the caller's number, so the agent's phone shows who is calling as
     * app_queue's member channel does (none for a caller who withheld it).
     */
    CompletionStage<CommandResult> ringLeg(String uniqueid, String device, Duration ringTimeout,
                                           Optional<PhoneNumber> callerId) {
        OriginateAction action = new OriginateAction();
        action.setChannel(device);
        action.setApplication("Wait");
        action.setData(Long.toString(RING_LEG_WAIT.toSeconds()));
        action.setAsync(true);
        action.setTimeout(Math.max(1000, ringTimeout.toMillis()));
        action.setChannelId(uniqueid);
        callerId.ifPresent(number -> action.setCallerId(number.e164()));
        return commands.send(action);
    }

    /** The Uniqueid in an id of the form {@code <pbx>/<uniqueid>}, the form the channel registry gives. */
    private Optional<String> uniqueidOf(String id) {
        String prefix = pbx.value() + "/";
        return id.startsWith(prefix) && id.length() > prefix.length()
                ? Optional.of(id.substring(prefix.length())) : Optional.empty();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
