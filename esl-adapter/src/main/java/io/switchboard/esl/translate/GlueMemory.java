package io.switchboard.esl.translate;

import io.switchboard.core.id.AgentId;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the dialplan glue told about live channels, kept until the channel ends: callers announced
 * ({@code CallOffered} once), the disposition of a caller's failed ring ({@code agent_dial_result}, until
 * the caller is back on hold) and open nailed-up sessions by their leg's uuid.
 */
final class GlueMemory {

    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failedDials = new ConcurrentHashMap<>();
    private final Map<String, AgentId> sessions = new ConcurrentHashMap<>();

    /** True the first time only. */
    boolean announce(String uuid) {
        return announced.add(uuid);
    }

    boolean announced(String uuid) {
        return announced.contains(uuid);
    }

    void dialFailed(String caller, String disposition) {
        failedDials.put(caller, disposition);
    }

    Optional<String> takeFailedDial(String caller) {
        return Optional.ofNullable(failedDials.remove(caller));
    }

    /** True the first time for this leg. */
    boolean openSession(String uuid, AgentId agent) {
        return sessions.putIfAbsent(uuid, agent) == null;
    }

    Optional<AgentId> session(String uuid) {
        return Optional.ofNullable(sessions.get(uuid));
    }

    /** The agent of the session on this leg, once. */
    Optional<AgentId> closeSession(String uuid) {
        return Optional.ofNullable(sessions.remove(uuid));
    }

    Set<String> sessionLegs() {
        return Set.copyOf(sessions.keySet());
    }

    /** The channel ended; its session, if any, is closed by the caller first. */
    void gone(String uuid) {
        announced.remove(uuid);
        failedDials.remove(uuid);
    }
}
