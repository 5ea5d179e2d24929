package io.switchboard.queue.routing;

import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.SafeHarbourReason;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;

import java.util.Optional;

/**
 * What Switchboard has seen of one outbound call it placed for an agent, and the outcome that makes of its end
 * ({@link #outcomeOnHangUp}): a pure decision, tested on its own. Mutable; touched only on the routing context.
 */
final class OutboundProgress {

    final AgentId agent;
    final LegId agentLeg;
    private Optional<AmdResult> amd = Optional.empty();
    private Optional<SafeHarbourReason> safeHarbour = Optional.empty();
    private boolean answered;
    private boolean connected;
    private boolean messageLeft;
    private boolean released;

    OutboundProgress(AgentId agent, LegId agentLeg) {
        this.agent = agent;
        this.agentLeg = agentLeg;
    }

    /** The customer's phone was answered. */
    void answered() {
        answered = true;
    }

    /** Detection decided; false if it already had (only the first verdict counts). */
    boolean detected(AmdResult result) {
        if (amd.isPresent()) {
            return false;
        }
        amd = Optional.of(result);
        answered = true;
        return true;
    }

    /**
     * The customer was joined to the agent; false if that is not new, or if the safe-harbour message already
     * played (the person was told no one is there: the call stays abandoned).
     */
    boolean connect() {
        if (connected || safeHarbour.isPresent()) {
            return false;
        }
        connected = true;
        return true;
    }

    /** The glue gave the person the safe-harbour message; false if it had already. */
    boolean safeHarbour(SafeHarbourReason reason) {
        if (safeHarbour.isPresent()) {
            return false;
        }
        safeHarbour = Optional.of(reason);
        answered = true;
        return true;
    }

    /** The glue left the machine message. */
    void messageLeft() {
        messageLeft = true;
        answered = true;
    }

    /** Whether the agent was joined to the customer. */
    boolean connected() {
        return connected;
    }

    /** Whether the call was answered by a machine (by detection, or by a message left). */
    boolean machine() {
        return messageLeft || amd.filter(r -> r == AmdResult.MACHINE).isPresent();
    }

    /** Marks the agent as freed by this call; false if that was already done. */
    boolean release() {
        if (released) {
            return false;
        }
        released = true;
        return true;
    }

    /**
     * How the call ended when its customer leg hung up: a person given the safe-harbour message is abandoned
     * (compliance counts it); a connected call is completed; a machine is {@code machine-message} if the glue
     * left the message, else {@code machine}; a person never connected is abandoned; an answer hung up before
     * detection is {@code hung-up}; an unanswered call is named by the PBX's cause.
     */
    OutboundOutcome outcomeOnHangUp(HangupCause cause) {
        if (safeHarbour.isPresent()) {
            return OutboundOutcome.ABANDONED;
        }
        if (connected) {
            return OutboundOutcome.COMPLETED;
        }
        if (messageLeft) {
            return OutboundOutcome.MACHINE_MESSAGE;
        }
        if (amd.isPresent()) {
            return amd.get() == AmdResult.MACHINE ? OutboundOutcome.MACHINE : OutboundOutcome.ABANDONED;
        }
        return answered || cause == HangupCause.NORMAL_CLEARING ? OutboundOutcome.HUNG_UP : ofUnanswered(cause);
    }

    /** An originate that was never answered, by its cause. */
    static OutboundOutcome ofUnanswered(HangupCause cause) {
        return switch (cause) {
            case USER_BUSY -> OutboundOutcome.BUSY;
            case NO_ANSWER, NO_USER_RESPONSE -> OutboundOutcome.NO_ANSWER;
            default -> OutboundOutcome.FAILED;
        };
    }
}
