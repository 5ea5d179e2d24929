package io.switchboard.core.port;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The commands a PBX must execute for Switchboard. One instance serves one PBX
 * (the composition root picks it by {@code Call.pbx()}); implementations are
 * {@code AmiCallControl} and {@code EslCallControl}.
 *
 * <p>Every command completes when the PBX has accepted or refused it, with a
 * {@link CommandResult}; what happens next (ringing, answer, hang-up) arrives
 * as {@code PbxEvent}s. The stage fails only when the PBX cannot be reached.
 * Implementations never block the calling thread.
 */
public interface CallControl {

    /**
     * Rings an agent's device and, on answer, bridges it to the waiting customer.
     *
     * @param call        the waiting call
     * @param agentLeg    the id Switchboard gives the agent's leg; its events carry it
     * @param device      the agent's device, e.g. {@code PJSIP/1001}
     * @param ringTimeout how long to ring before the leg fails with {@code NO_ANSWER}
     */
    CompletionStage<CommandResult> connectToAgent(CallId call, LegId agentLeg, String device, Duration ringTimeout);

    /** Joins the call at once to a nailed-up agent, who already waits on an open line. */
    CompletionStage<CommandResult> joinToAgent(CallId call, AgentId agent);

    /**
     * Opens a nailed-up agent's line: rings the agent's device and, on answer, keeps the agent waiting on
     * it (Asterisk: {@code switchboard-agent-session,<agent id>,1}), so later calls are joined without
     * ringing. The answer arrives as {@code AgentSessionOpened}, the end as {@code AgentSessionClosed}.
     *
     * @param sessionLeg the id Switchboard gives the agent's session leg; its events carry it, and it is also
     *                   the id of the session's own call
     * @param device     the agent's device, e.g. {@code PJSIP/1001}
     */
    CompletionStage<CommandResult> openAgentSession(AgentId agent, LegId sessionLeg, String device);

    /** Ends a nailed-up agent's line opened by {@link #openAgentSession} (or by a feature code). */
    CompletionStage<CommandResult> closeAgentSession(AgentId agent, LegId sessionLeg);

    /** Sends the customer back to music on hold, e.g. after the agent did not answer. */
    CompletionStage<CommandResult> returnToHold(CallId call);

    /** Calls a customer; see {@link OriginateRequest}. */
    CompletionStage<CommandResult> originate(OriginateRequest request);

    /** Ends every leg of the call with {@code cause}. */
    CompletionStage<CommandResult> hangup(CallId call, HangupCause cause);

    /** Sends the customer to {@code to}; the agent's leg ends at once. */
    CompletionStage<CommandResult> blindTransfer(CallId call, Destination to);

    /**
     * Starts a consultation from {@code transferrer} (usually the agent's leg) to
     * {@code to}; the transfer completes when the transferrer hangs up.
     */
    CompletionStage<CommandResult> attendedTransfer(CallId call, LegId transferrer, Destination to);

    /** Puts a leg on hold with music. */
    CompletionStage<CommandResult> hold(CallId call, LegId leg);

    /** Takes a leg off hold. */
    CompletionStage<CommandResult> unhold(CallId call, LegId leg);

    /**
     * Starts recording the call.
     *
     * @param name the recording's name, unique per call; the PBX chooses the path and format
     */
    CompletionStage<CommandResult> startRecording(CallId call, String name);

    /** Stops recording the call. */
    CompletionStage<CommandResult> stopRecording(CallId call);

    /** Pauses recording, e.g. while a customer reads out card details. */
    CompletionStage<CommandResult> pauseRecording(CallId call);

    /** Resumes a paused recording. */
    CompletionStage<CommandResult> resumeRecording(CallId call);

    /**
     * Rings a supervisor's device and, on answer, joins it to the call in {@code mode}.
     *
     * @param supervisorLeg the id Switchboard gives the supervisor's leg
     * @param device        the supervisor's device
     */
    CompletionStage<CommandResult> monitor(CallId call, LegId supervisorLeg, String device, MonitorMode mode);

    /**
     * Tells a caller waiting on hold where they stand ({@link WaitAnnouncement}: position, estimated wait) and
     * puts them back on hold, without taking them out of the queue (Asterisk: {@code switchboard-announce,s,1},
     * which returns to hold with Reason {@code ANNOUNCED}; FreeSWITCH: {@code switchboard_announce}). The return
     * to hold is neither a new call nor a missed agent: adapters report nothing for it.
     */
    CompletionStage<CommandResult> announceWait(CallId call, WaitAnnouncement announcement);

    /**
     * Whether this PBX can ring several agents for one waiting call ({@link #ringAgentLeg}, {@link
     * #cancelAgentLeg}). When it cannot, the router rings one agent at a time for {@code RING_ALL} and
     * {@code RING_PROGRESSIVELY} too, through {@link #connectToAgent}.
     */
    default boolean ringsSeveralLegs() {
        return false;
    }

    /**
     * Rings one of several agents for a waiting call (ring-all, ring-progressively): the agent's device is
     * called on a leg of its own while the customer stays on hold, and other legs of the same call may ring
     * at the same time. The first leg of the call to answer is bridged to the customer and reported as
     * {@code CallConnected}; the router then ends the others with {@link #cancelAgentLeg}. A leg answered
     * after another one was bridged is hung up by the PBX side, never bridged.
     *
     * @param call        the waiting call
     * @param agentLeg    the id Switchboard gives the agent's leg; its events carry it
     * @param device      the agent's device, e.g. {@code PJSIP/1001}
     * @param ringTimeout how long to ring before the leg fails with {@code NO_ANSWER}
     * @return {@code Failed} with errorId {@code several-legs-unsupported} when {@link #ringsSeveralLegs} is false
     */
    default CompletionStage<CommandResult> ringAgentLeg(CallId call, LegId agentLeg, String device,
                                                        Duration ringTimeout) {
        return CompletableFuture.completedFuture(new CommandResult.Failed("several-legs-unsupported",
                "this PBX adapter rings one agent at a time; use connectToAgent"));
    }

    /**
     * Stops a still-ringing agent leg of {@link #ringAgentLeg} that another agent's answer, or the customer's
     * hang-up, made useless. Its end arrives as {@code LegHungUp}.
     *
     * @return {@code Failed} with errorId {@code several-legs-unsupported} when {@link #ringsSeveralLegs} is false
     */
    default CompletionStage<CommandResult> cancelAgentLeg(CallId call, LegId agentLeg) {
        return CompletableFuture.completedFuture(new CommandResult.Failed("several-legs-unsupported",
                "this PBX adapter rings one agent at a time"));
    }

    /**
     * Sends a caller waiting on Switchboard's hold out of the queue to {@code to} in the admin's dialplan, with
     * {@code QUEUESTATUS} set to {@code queueStatus} (app_queue's values: {@code TIMEOUT}, {@code FULL},
     * {@code JOINEMPTY}, {@code LEAVEEMPTY}) so the admin's dialplan can tell why, as after {@code Queue()}. The
     * glue's {@code switchboard-exit} does it (Asterisk: Setvar + Redirect; FreeSWITCH: uuid_setvar_multi +
     * uuid_transfer).
     */
    CompletionStage<CommandResult> leaveQueue(CallId call, DialplanTarget to, String queueStatus);

    /**
     * Tells a waiting caller who pressed the queue's callback key that they will be called back, then hangs
     * them up (Asterisk: Redirect to the glue's {@code switchboard-callback,s,1}; FreeSWITCH: transfer to
     * {@code switchboard_callback}). Their task keeps its place in the queue; the hang-up that follows is not
     * an abandon.
     *
     * @return {@code Failed} with errorId {@code callback-unsupported} from an adapter without the glue for it
     */
    default CompletionStage<CommandResult> confirmCallback(CallId call) {
        return CompletableFuture.completedFuture(new CommandResult.Failed("callback-unsupported",
                "this PBX adapter cannot confirm a queued callback"));
    }

    /**
     * As {@link #ringAgentLeg(CallId, LegId, String, Duration)}, with the caller's number shown on the agent's phone,
     * as app_queue's member channel shows the caller's (Asterisk: {@code Originate} {@code CallerID}; FreeSWITCH:
     * {@code origination_caller_id_number} and {@code origination_caller_id_name}, as mod_callcenter sets them).
     * An adapter that cannot show it rings without it.
     *
     * @param callerId the caller's number; empty when they withheld it (nothing is shown then)
     */
    default CompletionStage<CommandResult> ringAgentLeg(CallId call, LegId agentLeg, String device,
                                                        Duration ringTimeout, Optional<PhoneNumber> callerId) {
        return ringAgentLeg(call, agentLeg, device, ringTimeout);
    }
}
