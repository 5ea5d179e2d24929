package io.switchboard.queue.dialer;

import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@link CampaignCalls} has seen of one campaign call, and the {@link DialResult} its end makes
 * ({@link #result}): a pure decision, tested on its own. Mutable; touched only on the routing context.
 */
final class CampaignCall {

    final CampaignSettings campaign;
    final DueLead lead;
    final CallId call;
    final PbxId pbx;
    final Instant placedAt;
    private Optional<AgentId> agent;
    private Optional<AmdResult> amd = Optional.empty();
    private Optional<Instant> answeredAt = Optional.empty();
    /** When the customer was joined to the agent; null until then. */
    Instant connectedAt;
    private boolean seeking;
    private boolean connected;
    private boolean safeHarbour;
    private boolean messageLeft;
    /** An agentless campaign's call: its live answer hears the broadcast, never an agent. */
    private final boolean broadcast;
    private boolean optedOut;

    CampaignCall(CampaignSettings campaign, DueLead lead, CallId call, PbxId pbx, Instant placedAt,
                 Optional<AgentId> agent) {
        this.campaign = campaign;
        this.lead = lead;
        this.call = call;
        this.pbx = pbx;
        this.placedAt = placedAt;
        this.agent = agent;
        this.broadcast = campaign.broadcast().isPresent();
    }

    /** When the customer's phone was answered, once it was. */
    Optional<Instant> answeredAt() {
        return answeredAt;
    }

    /** The customer's phone was answered (by a person or a machine). */
    void answered(Instant at) {
        if (answeredAt.isEmpty()) {
            answeredAt = Optional.of(at);
        }
    }

    /** Whether the customer's phone is still ringing. */
    boolean ringing() {
        return answeredAt.isEmpty() && amd.isEmpty();
    }

    /** Detection decided; false if it already had (only the first verdict counts). */
    boolean detected(AmdResult result, Instant at) {
        if (amd.isPresent()) {
            return false;
        }
        amd = Optional.of(result);
        answered(at);
        return true;
    }

    /**
     * Whether a person is on the line for an agent: a human or an undecided answer, or a machine the campaign
     * gives to an agent ({@code MachineAction.AGENT}).
     */
    boolean live() {
        return amd.isPresent() && (amd.get() != AmdResult.MACHINE
                || campaign.machine() == CampaignSettings.MachineAction.AGENT);
    }

    /**
     * Whether the call waits for Switchboard to choose its agent: live, no agent yet, neither joined nor given the
     * safe-harbour message.
     */
    boolean waitingForAgent() {
        return live() && !broadcast && agent.isEmpty() && !connected && !safeHarbour;
    }

    /** The glue played the broadcast to a live answer; {@code optedOut} when the callee pressed the opt-out digit. */
    void broadcastPlayed(boolean optedOut, Instant at) {
        this.optedOut = this.optedOut || optedOut;
        answered(at);
    }

    /** Marks a search for an agent as under way; false if one already is. */
    boolean startSeeking() {
        if (seeking) {
            return false;
        }
        seeking = true;
        return true;
    }

    /** The search for an agent ended (with or without one). */
    void stopSeeking() {
        seeking = false;
    }

    /** The agent reserved for this call (before dialling, or at the live answer). */
    Optional<AgentId> agent() {
        return agent;
    }

    void assign(AgentId chosen) {
        agent = Optional.of(chosen);
    }

    /** The agent's join failed: the call waits for another agent. */
    void unassign() {
        agent = Optional.empty();
    }

    /** The customer was joined to the agent; false if not new, or after the safe-harbour message. */
    boolean connect() {
        if (connected || safeHarbour || agent.isEmpty()) {
            return false;
        }
        connected = true;
        return true;
    }

    boolean connected() {
        return connected;
    }

    /** The glue gave the person the safe-harbour message; false if it had already. */
    boolean safeHarbour(Instant at) {
        if (safeHarbour) {
            return false;
        }
        safeHarbour = true;
        answered(at);
        return true;
    }

    /** The glue left the campaign's message on a machine. */
    void messageLeft(Instant at) {
        messageLeft = true;
        answered(at);
    }

    /**
     * How the call ended: connected once joined to an agent (whoever hung up, or a transfer after); abandoned
     * when the person got the safe-harbour message, or was live and hung up before an agent was joined, or
     * answered and hung up before detection decided (counted against the abandon budget rather than risk
     * under-counting it); {@code machine-message} or {@code machine} for a machine the glue dealt with; an
     * unanswered call by the PBX's cause: busy, no answer (a ring timeout, or the dialer's own cancel), else
     * failed. An agentless campaign's call is never abandoned, as nobody waits for an agent: an answer that is not
     * a machine (or hung up before detection decided) is {@code broadcast}, or {@code opted-out} once the glue
     * said the opt-out digit was pressed.
     */
    DialResult result(HangupCause cause) {
        if (broadcast && optedOut) {
            return DialResult.OPTED_OUT;
        }
        if (broadcast && answeredAt.isPresent() && !messageLeft && (amd.isEmpty() || live())) {
            return DialResult.BROADCAST;
        }
        if (connected) {
            return DialResult.CONNECTED;
        }
        if (safeHarbour) {
            return DialResult.ABANDONED;
        }
        if (messageLeft) {
            return DialResult.MACHINE_MESSAGE;
        }
        if (amd.isPresent()) {
            return live() ? DialResult.ABANDONED : DialResult.MACHINE;
        }
        if (answeredAt.isPresent()) {
            return DialResult.ABANDONED;
        }
        return ofUnanswered(cause);
    }

    /** An originate that was never answered, by its cause. */
    static DialResult ofUnanswered(HangupCause cause) {
        return switch (cause) {
            case USER_BUSY -> DialResult.BUSY;
            case NO_ANSWER, NO_USER_RESPONSE, NORMAL_CLEARING, ORIGINATOR_CANCEL -> DialResult.NO_ANSWER;
            default -> DialResult.FAILED;
        };
    }
}
