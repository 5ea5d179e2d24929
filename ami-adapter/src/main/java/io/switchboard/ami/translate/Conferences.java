package io.switchboard.ami.translate;

import io.switchboard.ami.channel.AgentSessions;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nailed-up agents' conferences: {@code switchboard-agent-<agent id>} in the shipped glue, {@code agent-<id>}
 * in the recordings (08, 10c). The agent's leg is the channel whose session is open ({@code AgentSessionStarted},
 * or its rebuild after a reconnect), else the first to join, because the agent waits there alone before any
 * customer is joined.
 */
final class Conferences {

    private final Map<String, String> agentByConference = new ConcurrentHashMap<>();
    private final AgentSessions sessions;

    /** Agents' legs are those {@code sessions} knows as open, which a reconnect keeps current. */
    Conferences(AgentSessions sessions) {
        this.sessions = sessions;
    }

    /** Whether the conference is one of an agent's. */
    static boolean isAgentConference(String conference) {
        return conference != null && (conference.startsWith("switchboard-agent-") || conference.startsWith("agent-"));
    }

    /**
     * The channel sent {@code AgentSessionStarted} (or a resync rebuilt it): it is the agent's session leg, and
     * the agent of {@code switchboard-agent-<agent>} even when its own ConfbridgeJoin was missed.
     */
    void sessionStarted(String uniqueid, String agent) {
        agentByConference.put("switchboard-agent-" + agent, uniqueid);
    }

    /**
     * A channel joined an agent's conference.
     *
     * @return the Uniqueid of the agent's channel in it when the joiner is a customer; empty when the joiner is
     *         the agent
     */
    Optional<String> joined(String conference, String uniqueid) {
        if (sessions.isOpen(uniqueid)) {
            agentByConference.put(conference, uniqueid);
            return Optional.empty();
        }
        String agent = agentByConference.putIfAbsent(conference, uniqueid);
        return agent == null || agent.equals(uniqueid) ? Optional.empty() : Optional.of(agent);
    }

    /** A channel left a conference; when it was the agent, the conference has none until the next joins. */
    void left(String conference, String uniqueid) {
        agentByConference.remove(conference, uniqueid);
    }

    /** The conference ended. */
    void ended(String conference) {
        agentByConference.remove(conference);
    }

    /** The channel hung up. */
    void gone(String uniqueid) {
        agentByConference.values().remove(uniqueid);
    }
}
