package io.switchboard.ami.control;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.Destination;
import io.switchboard.core.port.DialplanTarget;
import io.switchboard.core.port.MonitorMode;
import io.switchboard.core.port.OriginateRequest;
import io.switchboard.core.port.PbxUnavailableException;
import io.switchboard.core.port.WaitAnnouncement;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.MixMonitorAction;
import org.asteriskjava.manager.action.MixMonitorMuteAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.action.StopMixMonitorAction;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import static io.switchboard.ami.control.GlueContexts.*;

/**
 * {@link CallControl} for Asterisk over AMI. Every command is sent with Asterisk-Java's asynchronous
 * {@code sendAction(action, callback)} and never blocks; the glue's contexts and variables are in
 * {@code dialplan/asterisk/extensions_switchboard.conf}.
 *
 * <p>Outcomes, as the port asks:
 * <ul>
 *   <li>{@link CommandResult#ACCEPTED}: every action of the command got {@code Response: Success}. For a
 *       Redirect that only means the channel moved: a Redirect to a missing extension is accepted too and
 *       the channel then hangs up (Quirk 20), which is why every entry point is a fixed glue extension.</li>
 *   <li>{@link CommandResult.Failed}: Asterisk refused ({@code Response: Error}: {@code ami-no-such-channel},
 *       {@code ami-permission-denied}, {@code ami-unknown-action}, {@code ami-action-failed}), or the
 *       command could not be mapped: {@code ami-unknown-call} / {@code ami-unknown-leg} (no live channel
 *       known; nothing is sent), {@code ami-unsupported}, {@code ami-foreign-call} / {@code ami-foreign-leg}
 *       (an id not of the form {@code <pbx>/<uniqueid>}).</li>
 *   <li>The stage completes exceptionally with {@link PbxUnavailableException} when AMI is not logged in
 *       ({@code ami-not-connected}) or no response came within {@code responseTimeout}
 *       ({@code ami-timeout}); the command may or may not have taken effect in the latter case.</li>
 * </ul>
 * A command of several actions (Setvar..., Redirect) stops at the first one not accepted.
 */
public final class AmiCallControl implements CallControl {

    static final String UNKNOWN_CALL = "ami-unknown-call";
    static final String UNKNOWN_LEG = "ami-unknown-leg";
    static final String UNSUPPORTED = "ami-unsupported";

    private final CallChannels channels;
    private final String transferContext;
    private final AmiCommands commands;
    private final AmiOriginates originates;
    private final AmiRingLegs ringLegs;
    private final String prefix;

    /**
     * @param outboundChannel dial string for customers, {@code {number}} replaced by the E.164 number,
     *                        e.g. {@code PJSIP/{number}@trunk} or {@code Local/{number}@switchboard-dial}
     * @param transferContext the admin's context that dials a transfer target number
     * @param completions     where command results complete, e.g. the Vert.x context; never the reader thread
     * @param responseTimeout how long to wait for each action's response before {@code ami-timeout}
     */
    public AmiCallControl(PbxId pbx, ActionSender sender, CallChannels channels, String outboundChannel,
            String transferContext, ScheduledExecutorService timer, Executor completions, Duration responseTimeout) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.transferContext = Objects.requireNonNull(transferContext, "transferContext");
        this.commands = new AmiCommands(Objects.requireNonNull(pbx, "pbx"), Objects.requireNonNull(sender, "sender"), Objects.requireNonNull(timer, "timer"),
                Objects.requireNonNull(completions, "completions"), Objects.requireNonNull(responseTimeout, "responseTimeout"));
        this.originates = new AmiOriginates(pbx, outboundChannel, commands);
        this.ringLegs = new AmiRingLegs(channels, commands);
        this.prefix = pbx.value() + "/";
    }

    /**
     * Sets {@code SWITCHBOARD_DEVICE}, {@code SWITCHBOARD_AGENT} (the agent leg's id, which the glue echoes
     * in {@code AgentDialResult}) and {@code SWITCHBOARD_RING_TIMEOUT}, then redirects to
     * {@code switchboard-connect,s,1}. Before sending, it tells the channels to expect {@code agentLeg}
     * ({@link CallChannels#expectAgentLeg}), so the channel the connect context dials is reported under that
     * id; a refused command withdraws it. The four actions go out at once ({@link AmiCommands#sendAtOnce}): the
     * connect is every inbound call's path, one round trip instead of four.
     */
    @Override
    public CompletionStage<CommandResult> connectToAgent(CallId call, LegId agentLeg, String device, Duration ringTimeout) {
        long seconds = Math.max(1, ringTimeout.toSeconds());
        return onChannel(call, channel -> {
            channels.expectAgentLeg(call, agentLeg);
            return commands.sendAtOnce(
                    new SetVarAction(channel, DEVICE, device),
                    new SetVarAction(channel, AGENT, agentLeg.value()),
                    new SetVarAction(channel, RING_TIMEOUT, Long.toString(seconds)),
                    redirect(channel, CONNECT, START))
                    .thenApply(result -> {
                        if (result instanceof CommandResult.Failed) {
                            channels.withdrawAgentLeg(call, agentLeg);
                        }
                        return result;
                    });
        });
    }

    /** Sets {@code SWITCHBOARD_AGENT} and redirects to {@code switchboard-join,<agent id>,1}. */
    @Override
    public CompletionStage<CommandResult> joinToAgent(CallId call, AgentId agent) {
        return onChannel(call, channel -> commands.sendAll(
                new SetVarAction(channel, AGENT, agent.value()),
                redirect(channel, JOIN, agent.value())));
    }

    /** See {@link AmiOriginates#agentSession}. */
    @Override
    public CompletionStage<CommandResult> openAgentSession(AgentId agent, LegId sessionLeg, String device) {
        return originates.agentSession(agent, sessionLeg, device);
    }

    /**
     * {@code Hangup} of the session's channel: the session leg is a call of its own, {@code <pbx>/<uniqueid>}
     * with the leg's id. The glue's {@code h} extension then sends {@code AgentSessionEnded}.
     */
    @Override
    public CompletionStage<CommandResult> closeAgentSession(AgentId agent, LegId sessionLeg) {
        return channels.channelOf(CallId.of(sessionLeg.value()))
                .map(channel -> commands.send(new HangupAction(channel, HangupCause.NORMAL_CLEARING.q850())))
                .orElseGet(() -> failed(UNKNOWN_LEG, "no live channel known for session leg " + sessionLeg));
    }

    @Override
    public CompletionStage<CommandResult> returnToHold(CallId call) {
        return onChannel(call, channel -> commands.send(redirect(channel, HOLD, START)));
    }

    @Override
    public CompletionStage<CommandResult> originate(OriginateRequest request) {
        return originates.originate(request);
    }

    @Override
    public CompletionStage<CommandResult> hangup(CallId call, HangupCause cause) {
        return onChannel(call, channel -> commands.send(new HangupAction(channel, cause.q850())));
    }

    /**
     * Sets {@code SWITCHBOARD_TRANSFER_CONTEXT} and redirects to {@code switchboard-transfer,<e164>,1}. A
     * {@link Destination.Device} is refused: the glue dials numbers in the admin's context only.
     */
    @Override
    public CompletionStage<CommandResult> blindTransfer(CallId call, Destination to) {
        if (!(to instanceof Destination.Number number)) {
            return failed(UNSUPPORTED, "transfer to a device is not supported over AMI yet; give a number");
        }
        return onChannel(call, channel -> commands.sendAll(new SetVarAction(channel, TRANSFER_CONTEXT, transferContext),
                redirect(channel, TRANSFER, number.number().e164())));
    }

    /**
     * Sets {@code SWITCHBOARD_TRANSFER_CONTEXT} on the transferrer's channel ({@link CallChannels#channelOf(CallId,
     * LegId)}: for a Local pair the half in the bridge) and sends {@code Atxfer} to
     * {@code switchboard-transfer,<e164>,1}.
     */
    @Override
    public CompletionStage<CommandResult> attendedTransfer(CallId call, LegId transferrer, Destination to) {
        if (!(to instanceof Destination.Number number)) {
            return failed(UNSUPPORTED, "transfer to a device is not supported over AMI yet; give a number");
        }
        return channels.channelOf(call, transferrer)
                .map(channel -> commands.sendAll(new SetVarAction(channel, TRANSFER_CONTEXT, transferContext),
                        new AtxferAction(channel, TRANSFER, number.number().e164(), 1)))
                .orElseGet(() -> failed(UNKNOWN_LEG, "no channel known for leg " + transferrer + " of call " + call));
    }

    /**
     * Sets {@code SWITCHBOARD_HOLD_REASON=HOLD} and redirects the customer to {@code switchboard-hold,s,1}.
     * This ends a Dial-bridged agent leg; a nailed-up agent stays in the conference.
     */
    @Override
    public CompletionStage<CommandResult> hold(CallId call, LegId leg) {
        return onChannel(call, channel -> commands.sendAll(new SetVarAction(channel, HOLD_REASON, "HOLD"),
                redirect(channel, HOLD, START)));
    }

    /**
     * Refused: after {@link #hold} the customer waits in {@code switchboard-hold}; take them back with
     * {@link #joinToAgent} or {@link #connectToAgent}, which know the agent.
     */
    @Override
    public CompletionStage<CommandResult> unhold(CallId call, LegId leg) {
        return failed(UNSUPPORTED, "unhold over AMI is joinToAgent or connectToAgent: the agent is needed");
    }

    /** {@code MixMonitor} with option {@code b} (only while bridged) to {@code <name>.wav} in Asterisk's monitor dir. */
    @Override
    public CompletionStage<CommandResult> startRecording(CallId call, String name) {
        return onChannel(call, channel -> commands.send(new MixMonitorAction(channel, name + ".wav", "b")));
    }

    @Override
    public CompletionStage<CommandResult> stopRecording(CallId call) {
        return onChannel(call, channel -> commands.send(new StopMixMonitorAction(channel)));
    }

    /** {@code MixMonitorMute} both directions on: Asterisk 18-22 have no PauseMixMonitor action. */
    @Override
    public CompletionStage<CommandResult> pauseRecording(CallId call) {
        return onChannel(call, channel -> commands.send(new MixMonitorMuteAction(channel, "both", 1)));
    }

    @Override
    public CompletionStage<CommandResult> resumeRecording(CallId call) {
        return onChannel(call, channel -> commands.send(new MixMonitorMuteAction(channel, "both", 0)));
    }

    /**
     * Originates the supervisor's device into {@code switchboard-spy,<mode>,1}. Listen and barge spy on the
     * customer's channel; whisper must target the agent's channel, so it needs {@link CallChannels#agentChannelOf}.
     */
    @Override
    public CompletionStage<CommandResult> monitor(CallId call, LegId supervisorLeg, String device, MonitorMode mode) {
        if (mode == MonitorMode.WHISPER) {
            return channels.agentChannelOf(call)
                    .map(agent -> originates.monitor(call, agent, supervisorLeg, device, mode))
                    .orElseGet(() -> failed(UNKNOWN_LEG, "no agent channel known for call " + call + " to whisper to"));
        }
        return onChannel(call, channel -> originates.monitor(call, channel, supervisorLeg, device, mode));
    }

    /**
     * Sets {@code SWITCHBOARD_ANNOUNCE_POSITION}, {@code SWITCHBOARD_ANNOUNCE_MORE_THAN},
     * {@code SWITCHBOARD_ANNOUNCE_MINUTES} and {@code SWITCHBOARD_ANNOUNCE_SECONDS} (0: not said) and redirects
     * the waiting customer to {@code switchboard-announce,s,1}, which plays app_queue's sounds and goes back to
     * {@code switchboard-hold} with Reason {@code ANNOUNCED}.
     */
    @Override
    public CompletionStage<CommandResult> announceWait(CallId call, WaitAnnouncement announcement) {
        return onChannel(call, channel -> commands.sendAll(
                new SetVarAction(channel, "SWITCHBOARD_ANNOUNCE_POSITION", String.valueOf(announcement.position().orElse(0))),
                new SetVarAction(channel, "SWITCHBOARD_ANNOUNCE_MORE_THAN", String.valueOf(announcement.moreThan().orElse(0))),
                new SetVarAction(channel, "SWITCHBOARD_ANNOUNCE_MINUTES", String.valueOf(announcement.minutes())),
                new SetVarAction(channel, "SWITCHBOARD_ANNOUNCE_SECONDS", String.valueOf(announcement.seconds())),
                redirect(channel, ANNOUNCE, START)));
    }

    /**
     * Sets {@code QUEUESTATUS} and {@code SWITCHBOARD_EXIT_CONTEXT}, then redirects to
     * {@code switchboard-exit,<extension>,1}, which goes on to {@code <context>,<extension>,1}.
     */
    @Override
    public CompletionStage<CommandResult> leaveQueue(CallId call, DialplanTarget to, String queueStatus) {
        return onChannel(call, channel -> commands.sendAll(new SetVarAction(channel, QUEUE_STATUS, queueStatus),
                new SetVarAction(channel, EXIT_CONTEXT, to.context()), redirect(channel, EXIT, to.extension())));
    }

    /**
     * Redirects the waiting customer to {@code switchboard-callback,s,1}, which plays the confirmation
     * ({@code SWITCHBOARD_CALLBACK_MESSAGE}, default {@code queue-thankyou&vm-goodbye}) and hangs up.
     */
    @Override
    public CompletionStage<CommandResult> confirmCallback(CallId call) {
        return onChannel(call, channel -> commands.send(redirect(channel, CALLBACK, START)));
    }

    private CompletionStage<CommandResult> onChannel(CallId call, Function<String, CompletionStage<CommandResult>> command) {
        return channels.channelOf(call).map(command)
                .orElseGet(() -> failed(UNKNOWN_CALL, "no live channel known for call " + call));
    }

    static RedirectAction redirect(String channel, String context, String exten) {
        return new RedirectAction(channel, context, exten, 1);
    }

    static CompletionStage<CommandResult> failed(String errorId, String message) {
        return CompletableFuture.completedFuture(new CommandResult.Failed(errorId, message));
    }

    /** Yes: each agent on a channel of their own ({@link #ringAgentLeg}), bridged on answer by {@link #ringLegs()}. */
    @Override
    public boolean ringsSeveralLegs() {
        return true;
    }

    /** As the ring with the caller's number, showing none. */
    @Override
    public CompletionStage<CommandResult> ringAgentLeg(CallId call, LegId agentLeg, String device, Duration ringTimeout) {
        return ringAgentLeg(call, agentLeg, device, ringTimeout, Optional.empty());
    }

    /**
     * See {@link AmiOriginates#ringLeg}. The channel's Uniqueid is the leg id without {@code <pbx>/}; the
     * channels are told first ({@link CallChannels#expectRingLeg}), so its events carry {@code agentLeg}.
     */
    @Override
    public CompletionStage<CommandResult> ringAgentLeg(CallId call, LegId agentLeg, String device, Duration ringTimeout,
                                                       Optional<PhoneNumber> callerId) {
        if (channels.channelOf(call).isEmpty()) {
            return failed(UNKNOWN_CALL, "no live channel known for call " + call);
        }
        String uniqueid = agentLeg.value().startsWith(prefix) ? agentLeg.value().substring(prefix.length())
                : agentLeg.value();
        channels.expectRingLeg(call, agentLeg, uniqueid);
        ringLegs.ringing(call, agentLeg);
        return originates.ringLeg(uniqueid, device, ringTimeout, callerId);
    }

    /** {@code Hangup} of the ring leg's channel with cause 26 (answered elsewhere); its end is its Hangup event. */
    @Override
    public CompletionStage<CommandResult> cancelAgentLeg(CallId call, LegId agentLeg) {
        return channels.channelOf(call, agentLeg)
                .map(channel -> commands.send(new HangupAction(channel, AmiRingLegs.ANSWERED_ELSEWHERE)))
                .orElseGet(() -> failed(UNKNOWN_LEG, "no live channel known for leg " + agentLeg));
    }

    /** Bridges the first ring leg of a call to answer; subscribe it to the PBX's events. */
    public AmiRingLegs ringLegs() {
        return ringLegs;
    }
}
