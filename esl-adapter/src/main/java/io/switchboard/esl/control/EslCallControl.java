package io.switchboard.esl.control;

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
import io.switchboard.core.port.WaitAnnouncement;
import io.switchboard.core.port.PbxUnavailableException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import static io.switchboard.esl.control.Glue.*;

/**
 * {@link CallControl} for FreeSWITCH 1.10 over ESL, driving the shipped glue
 * ({@code dialplan/freeswitch/dialplan/switchboard.xml}, context {@code switchboard}) with the commands
 * recorded in {@code ../shared/fixtures/freeswitch-1.10}. A call id is {@code <pbx>/<uuid of the
 * customer's channel>}, so the customer's channel needs no lookup; FreeSWITCH's {@code -ERR No such
 * channel!} for a call that has ended is {@code unknown-call}.
 *
 * <p>Outcomes, as the port asks:
 * <ul>
 *   <li>{@link CommandResult#ACCEPTED}: every {@code api} body of the command began with {@code +OK}; an
 *       originate's job succeeded, is still ringing, or ended with a hang-up cause such as {@code USER_BUSY}
 *       (that outcome arrives as {@code OriginateFailed}, as on Asterisk).</li>
 *   <li>{@link CommandResult.Failed}: {@code unknown-call} (no such channel), {@code esl-refused} (another
 *       {@code -ERR}, its text in the message), or nothing sent: {@code foreign-id} (not {@code <pbx>/<uuid>}),
 *       {@code unknown-agent-session}, {@code unknown-leg}, {@code not-recording}, {@code invalid-argument}
 *       (a value that would split the command), {@code unsupported} (a blind transfer to a device).</li>
 *   <li>The stage fails with {@link PbxUnavailableException} when not logged in or the connection is lost
 *       ({@code esl-not-connected}), or no reply came within the command timeout ({@code esl-timeout}).</li>
 * </ul>
 * A command of several steps stops at the first one not accepted. Stages complete on {@code completions}.
 */
public final class EslCallControl implements CallControl {

    static final String FOREIGN_ID = "foreign-id";
    static final String INVALID_ARGUMENT = "invalid-argument";
    static final String UNKNOWN_SESSION = "unknown-agent-session";
    static final String UNKNOWN_LEG = "unknown-leg";
    static final String NOT_RECORDING = "not-recording";
    static final String UNSUPPORTED = "unsupported";

    private final String prefix;
    private final CallLegs legs;
    private final EslCommands commands;
    private final EslOriginates originates;
    private final EslTransfers transfers;
    private final EslRecordings recordings;
    private final LiveAnswers liveAnswers = new LiveAnswers(this);
    private final EslRingLegs ringLegs;

    /**
     * @param sender             {@code EslSender.of(eslConnection)}
     * @param legs               agent sessions and agent legs by call; forwards the agent-leg announcements to
     *                           the connection's {@code EslChannels}
     * @param outboundDialString dial string for customers, {@code {number}} replaced by the E.164 number, e.g.
     *                           {@code sofia/gateway/carrier/{number}}
     * @param transferContext    the admin's context that dials a blind-transfer target number, e.g. {@code default}
     * @param recordingDirectory where FreeSWITCH writes recordings ({@code <dir>/<name>.wav}), e.g.
     *                           {@code /var/lib/freeswitch/recordings}
     * @param timer              schedules the command timeouts
     * @param completions        where results complete, e.g. the Vert.x context; never the socket's thread
     * @param commandTimeout     how long to wait for a reply before {@code esl-timeout}
     */
    public EslCallControl(PbxId pbx, EslSender sender, CallLegs legs, String outboundDialString, String transferContext,
            String recordingDirectory, ScheduledExecutorService timer, Executor completions, Duration commandTimeout) {
        this.prefix = Objects.requireNonNull(pbx, "pbx").value() + "/";
        this.legs = Objects.requireNonNull(legs, "legs");
        this.commands = new EslCommands(pbx, Objects.requireNonNull(sender, "sender"), Objects.requireNonNull(timer, "timer"),
                Objects.requireNonNull(completions, "completions"), Objects.requireNonNull(commandTimeout, "commandTimeout"));
        this.originates = new EslOriginates(prefix, Objects.requireNonNull(outboundDialString, "outboundDialString"),
                commands, legs);
        this.transfers = new EslTransfers(commands, requireSafe(transferContext, "transferContext"));
        this.ringLegs = new EslRingLegs(commands);
        this.recordings = new EslRecordings(commands,
                requireSafe(recordingDirectory, "recordingDirectory").replaceAll("/+$", ""));
    }

    /**
     * {@code uuid_setvar_multi <customer> switchboard_device=[origination_uuid=<agent leg>]<device>;
     * switchboard_agent=<agent leg id>;switchboard_ring_timeout=<s>}, then {@code uuid_transfer <customer>
     * switchboard_connect XML switchboard}. The agent's channel gets the uuid of {@code agentLeg} when it is
     * one FreeSWITCH keeps (at most 36 letters, digits, dashes), else a name-based UUID of it; either way the
     * registry is told first ({@link CallLegs#expectAgentLeg}) and reports that channel as {@code agentLeg}. A
     * refused command withdraws it. {@code switchboard_agent} comes back as {@code Switchboard-Agent} in
     * {@code switchboard::agent_dial_result}, as on Asterisk. Both commands go out at once ({@link
     * EslCommands#apiAtOnce}): one round trip on every inbound call's path.
     */
    @Override
    public CompletionStage<CommandResult> connectToAgent(CallId call, LegId agentLeg, String device, Duration ringTimeout) {
        if (!safe(device) || !safe(agentLeg.value())) {
            return failed(INVALID_ARGUMENT, "device or agent leg id has spaces, commas, semicolons, quotes or braces");
        }
        String agentUuid = uuidOf(prefix, agentLeg.value())
                .orElseGet(() -> UUID.nameUUIDFromBytes(agentLeg.value().getBytes(StandardCharsets.UTF_8)).toString());
        long seconds = Math.max(1, (ringTimeout.toMillis() + 999) / 1000);
        return onCustomer(call, customer -> {
            legs.expectAgentLeg(call, agentLeg);
            return commands.apiAtOnce(
                    "uuid_setvar_multi " + customer + " " + DEVICE + "=[origination_uuid=" + agentUuid + "]" + device
                            + ";" + AGENT + "=" + agentLeg.value() + ";" + RING_TIMEOUT + "=" + seconds,
                    transfer(customer, CONNECT))
                    .thenApply(result -> {
                        if (!result.isAccepted()) {
                            legs.withdrawAgentLeg(call, agentLeg);
                        }
                        return result;
                    });
        });
    }

    /** {@code uuid_bridge <customer> <agent's session leg>}: customer first, the translator reads it so (fixture 07). */
    @Override
    public CompletionStage<CommandResult> joinToAgent(CallId call, AgentId agent) {
        Optional<String> session = legs.sessionLegOf(agent).flatMap(leg -> uuidOf(prefix, leg.value()));
        if (session.isEmpty()) {
            return failed(UNKNOWN_SESSION, "no open line known for agent " + agent);
        }
        return onCustomer(call, customer -> commands.api("uuid_bridge " + customer + " " + session.get()));
    }

    /** See {@link EslOriginates#agentSession}. */
    @Override
    public CompletionStage<CommandResult> openAgentSession(AgentId agent, LegId sessionLeg, String device) {
        return originates.agentSession(agent, sessionLeg, device);
    }

    /** {@code uuid_kill <session leg> NORMAL_CLEARING}; the end is CHANNEL_HANGUP_COMPLETE of that leg. */
    @Override
    public CompletionStage<CommandResult> closeAgentSession(AgentId agent, LegId sessionLeg) {
        return onUuid(sessionLeg.value(), uuid -> commands.api("uuid_kill " + uuid + " " + HangupCause.NORMAL_CLEARING.name()));
    }

    /**
     * {@code uuid_setvar <customer> switchboard_hold_reason RETURNED}, {@code uuid_transfer <customer>
     * switchboard_hold XML switchboard}: a ringing agent leg is cancelled, no {@code agent_dial_result} is sent.
     */
    @Override
    public CompletionStage<CommandResult> returnToHold(CallId call) {
        return onCustomer(call, customer -> commands.apiAll("uuid_setvar " + customer + " " + HOLD_REASON + " RETURNED",
                transfer(customer, HOLD)));
    }

    /** See {@link EslOriginates#originate}; a live answer is then joined by {@link #liveAnswers()}. */
    @Override
    public CompletionStage<CommandResult> originate(OriginateRequest request) {
        liveAnswers.dialled(request);
        return originates.originate(request);
    }

    /** Joins live answers of the calls this control placed; subscribe it to the PBX's events. */
    public LiveAnswers liveAnswers() {
        return liveAnswers;
    }

    /**
     * {@code uuid_kill <customer> <CAUSE>} (fixture 07, 08). A bridged agent leg ends with it (Quirk 15); a
     * nailed-up one ({@code park_after_bridge}) parks again. {@code OTHER} is sent as {@code NORMAL_UNSPECIFIED}.
     */
    @Override
    public CompletionStage<CommandResult> hangup(CallId call, HangupCause cause) {
        String name = cause == HangupCause.OTHER ? "NORMAL_UNSPECIFIED" : cause.name();
        return onCustomer(call, customer -> commands.api("uuid_kill " + customer + " " + name));
    }

    /**
     * {@code uuid_setvar_multi <customer> QUEUESTATUS=<status>;switchboard_exit_target=<extension>;
     * switchboard_exit_context=<context>}, then {@code uuid_transfer <customer> switchboard_exit XML switchboard},
     * which transfers to {@code <extension> XML <context>}.
     */
    @Override
    public CompletionStage<CommandResult> leaveQueue(CallId call, DialplanTarget to, String queueStatus) {
        if (!safe(to.context()) || !safe(to.extension()) || !safe(queueStatus)) {
            return failed(INVALID_ARGUMENT, "exit target has spaces, commas, semicolons, quotes or braces");
        }
        return onCustomer(call, customer -> commands.apiAll("uuid_setvar_multi " + customer + " " + QUEUE_STATUS + "="
                + queueStatus + ";" + EXIT_TARGET + "=" + to.extension() + ";" + EXIT_CONTEXT + "=" + to.context(),
                "uuid_transfer " + customer + " " + EXIT + CONTEXT));
    }

    /** See {@link EslTransfers#blind}. */
    @Override
    public CompletionStage<CommandResult> blindTransfer(CallId call, Destination to) {
        return onCustomer(call, customer -> transfers.blind(customer, to));
    }

    /**
     * {@code uuid_broadcast <transferrer> att_xfer::<dial string>}: FreeSWITCH's own attended transfer on the
     * transferrer's channel; the customer hears hold music, the transfer completes when the transferrer hangs up.
     * See {@link EslTransfers#attended} for the evidence and the caveats.
     */
    @Override
    public CompletionStage<CommandResult> attendedTransfer(CallId call, LegId transferrer, Destination to) {
        return onCustomer(call, customer -> onUuid(transferrer.value(), uuid -> transfers.attended(customer, uuid, to)));
    }

    /**
     * {@code uuid_hold} of the peer of {@code leg}, so that {@code leg} hears music: for the customer's leg that
     * is the agent's leg (the customer hears its {@code hold_music}, the bridge stays), for any other leg the
     * customer's.
     */
    @Override
    public CompletionStage<CommandResult> hold(CallId call, LegId leg) {
        return onPeer(call, leg, peer -> commands.api("uuid_hold " + peer));
    }

    /** {@code uuid_hold off} of the same channel as {@link #hold}. */
    @Override
    public CompletionStage<CommandResult> unhold(CallId call, LegId leg) {
        return onPeer(call, leg, peer -> commands.api("uuid_hold off " + peer));
    }

    /** See {@link EslRecordings#start}. */
    @Override
    public CompletionStage<CommandResult> startRecording(CallId call, String name) {
        return onCustomer(call, customer -> recordings.start(customer, name));
    }

    /** See {@link EslRecordings#stop}. */
    @Override
    public CompletionStage<CommandResult> stopRecording(CallId call) {
        return onCustomer(call, customer -> recordings.stop(call, customer));
    }

    /** See {@link EslRecordings#pause}. */
    @Override
    public CompletionStage<CommandResult> pauseRecording(CallId call) {
        return onCustomer(call, customer -> recordings.pause(call, customer));
    }

    /** See {@link EslRecordings#resume}. */
    @Override
    public CompletionStage<CommandResult> resumeRecording(CallId call) {
        return onCustomer(call, customer -> recordings.resume(call, customer));
    }

    /** See {@link EslOriginates#monitor}: the target is the agent's leg talking to the customer. */
    @Override
    public CompletionStage<CommandResult> monitor(CallId call, LegId supervisorLeg, String device, MonitorMode mode) {
        return legs.agentLegOf(call).flatMap(this::channelOf)
                .map(agent -> originates.monitor(call, agent, supervisorLeg, device, mode))
                .orElseGet(() -> failed(UNKNOWN_LEG, "no agent leg known for call " + call + " to listen to"));
    }

    /**
     * {@code uuid_setvar_multi <customer> switchboard_announce_position=2;switchboard_announce_more_than=0;
     * switchboard_announce_minutes=1;switchboard_announce_seconds=30} (0: not said), then
     * {@code uuid_transfer <customer> switchboard_announce XML switchboard}, which plays the sounds and goes back to
     * {@code switchboard_hold} with Reason {@code ANNOUNCED}.
     */
    @Override
    public CompletionStage<CommandResult> announceWait(CallId call, WaitAnnouncement announcement) {
        return onCustomer(call, customer -> commands.apiAll("uuid_setvar_multi " + customer
                        + " switchboard_announce_position=" + announcement.position().orElse(0)
                        + ";switchboard_announce_more_than=" + announcement.moreThan().orElse(0)
                        + ";switchboard_announce_minutes=" + announcement.minutes()
                        + ";switchboard_announce_seconds=" + announcement.seconds(),
                transfer(customer, ANNOUNCE)));
    }

    /**
     * {@code uuid_transfer <customer> switchboard_callback XML switchboard}: the confirmation
     * ({@code switchboard_callback_message}, default {@code ivr/ivr-thank_you.wav}, then "goodbye") and a hang-up.
     */
    @Override
    public CompletionStage<CommandResult> confirmCallback(CallId call) {
        return onCustomer(call, customer -> commands.api(transfer(customer, CALLBACK)));
    }

    private CompletionStage<CommandResult> onCustomer(CallId call, Function<String, CompletionStage<CommandResult>> command) {
        return onUuid(call.value(), command);
    }

    private CompletionStage<CommandResult> onUuid(String id, Function<String, CompletionStage<CommandResult>> command) {
        return uuidOf(prefix, id).map(command)
                .orElseGet(() -> failed(FOREIGN_ID, "id " + id + " is not " + prefix + "<uuid>"));
    }

    private CompletionStage<CommandResult> onPeer(CallId call, LegId leg, Function<String, CompletionStage<CommandResult>> command) {
        if (!leg.value().equals(call.value())) {
            return onCustomer(call, command);
        }
        return legs.agentLegOf(call).flatMap(this::channelOf).map(command)
                .orElseGet(() -> failed(UNKNOWN_LEG, "no agent leg known for call " + call + " to hold the customer with"));
    }

    /** The uuid of the channel carrying {@code leg}: the registry's, else the leg id read as {@code <pbx>/<uuid>}. */
    private Optional<String> channelOf(LegId leg) {
        return legs.uuidOf(leg).or(() -> uuidOf(prefix, leg.value()));
    }

    private static String transfer(String uuid, String entry) {
        return "uuid_transfer " + uuid + " " + entry + CONTEXT;
    }

    private static String requireSafe(String value, String name) {
        if (!safe(Objects.requireNonNull(value, name))) {
            throw new IllegalArgumentException(name + " must not be empty or contain spaces, commas or braces");
        }
        return value;
    }

    static CompletionStage<CommandResult> failed(String errorId, String message) {
        return CompletableFuture.completedFuture(new CommandResult.Failed(errorId, message));
    }

    /** A dial string for logs: digit runs longer than four are cut to their last four. */
    static String masked(String text) {
        return text.replaceAll("\\d+(?=\\d{4})", "…");
    }

    /** Yes: each agent on a leg of their own ({@link #ringAgentLeg}), bridged on answer by {@link #ringLegs()}. */
    @Override
    public boolean ringsSeveralLegs() {
        return true;
    }

    /** As the ring with the caller's number, showing none. */
    @Override
    public CompletionStage<CommandResult> ringAgentLeg(CallId call, LegId agentLeg, String device, Duration ringTimeout) {
        return ringAgentLeg(call, agentLeg, device, ringTimeout, Optional.empty());
    }

    /** See {@link EslOriginates#ringLeg}; the agent's uuid is derived from {@code agentLeg} as for a connect. */
    @Override
    public CompletionStage<CommandResult> ringAgentLeg(CallId call, LegId agentLeg, String device, Duration ringTimeout,
                                                       Optional<PhoneNumber> callerId) {
        if (!safe(device) || !safe(agentLeg.value())) {
            return failed(INVALID_ARGUMENT, "device or agent leg id has spaces, commas, semicolons, quotes or braces");
        }
        String agentUuid = uuidOf(prefix, agentLeg.value())
                .orElseGet(() -> UUID.nameUUIDFromBytes(agentLeg.value().getBytes(StandardCharsets.UTF_8)).toString());
        return onCustomer(call, customer -> {
            ringLegs.ringing(call, customer, agentLeg, agentUuid);
            return originates.ringLeg(customer, agentUuid, agentLeg, device, ringTimeout, callerId);
        });
    }

    /** {@code uuid_kill <agent leg> ORIGINATOR_CANCEL}; the end is CHANNEL_HANGUP_COMPLETE of that leg. */
    @Override
    public CompletionStage<CommandResult> cancelAgentLeg(CallId call, LegId agentLeg) {
        return ringLegs.uuidOf(call, agentLeg)
                .map(uuid -> commands.api("uuid_kill " + uuid + " " + HangupCause.ORIGINATOR_CANCEL.name()))
                .orElseGet(() -> failed(UNKNOWN_LEG, "no ring leg " + agentLeg + " known for call " + call));
    }

    /** Bridges the first ring leg of a call to answer; subscribe it to the PBX's events. */
    public EslRingLegs ringLegs() {
        return ringLegs;
    }
}
