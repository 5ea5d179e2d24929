package io.switchboard.esl.control;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

import java.util.Optional;

/**
 * What {@link EslCallControl} must know beyond a call's own id: which leg a nailed-up agent waits on, and
 * which agent leg talks to a call's customer. The customer's channel needs no lookup: a call id is
 * {@code <pbx>/<Unique-ID of the customer's channel>}. {@link PublishedLegs} answers from the events the
 * connection publishes ({@code AgentSessionOpened}, {@code CallConnected}) and forwards {@link #expectAgentLeg}
 * / {@link #withdrawAgentLeg} to {@code io.switchboard.esl.translate.EslChannels}.
 */
public interface CallLegs {

    /** The leg a nailed-up agent's open line is on (opened by Switchboard or by {@code *70}); empty if none. */
    Optional<LegId> sessionLegOf(AgentId agent);

    /** The agent's leg bridged to the call's customer (the eavesdrop target, the one to hold); empty if none. */
    Optional<LegId> agentLegOf(CallId call);

    /**
     * The customer of {@code call} is about to ring an agent from {@code switchboard_connect}: the channel that
     * call's {@code bridge} creates is to be reported as {@code agentLeg}.
     */
    void expectAgentLeg(CallId call, LegId agentLeg);

    /** FreeSWITCH refused the transfer that {@link #expectAgentLeg} announced: no such channel will come. */
    void withdrawAgentLeg(CallId call, LegId agentLeg);

    /**
     * The Unique-ID of the live channel that carries {@code leg}: an agent leg rung from {@code switchboard_connect}
     * has the id Switchboard gave it ({@code <call>-agent-1}), not its channel's uuid. Empty when unknown; then
     * the leg id itself is read as {@code <pbx>/<uuid>}.
     */
    default Optional<String> uuidOf(LegId leg) {
        return Optional.empty();
    }
}
