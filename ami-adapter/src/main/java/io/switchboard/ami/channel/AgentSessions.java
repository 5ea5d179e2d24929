package io.switchboard.ami.channel;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The nailed-up agents' session legs that were reported open, by the Uniqueid of the channel that sent
 * (or, after a resync, would have sent) {@code AgentSessionStarted}. Each session opens and closes once.
 */
final class AgentSessions {

    private final Map<String, Session> byUniqueid = new ConcurrentHashMap<>();

    /** @return true when the channel's session was not open yet */
    boolean open(String uniqueid, AgentId agent, LegId leg) {
        return byUniqueid.putIfAbsent(uniqueid, new Session(agent, leg)) == null;
    }

    /** @return the session, when it was open */
    Optional<Session> close(String uniqueid) {
        return Optional.ofNullable(byUniqueid.remove(uniqueid));
    }

    boolean isOpen(String uniqueid) {
        return byUniqueid.containsKey(uniqueid);
    }

    /** Closes every session whose channel is {@code gone}, in no particular order. */
    List<Session> closeAll(Predicate<String> gone) {
        List<Session> closed = new ArrayList<>();
        byUniqueid.entrySet().removeIf(e -> gone.test(e.getKey()) && closed.add(e.getValue()));
        return closed;
    }

    /**
     * One open session.
     *
     * @param agent the agent whose session it is
     * @param leg   the session leg as reported in {@code AgentSessionOpened}
     */
    record Session(AgentId agent, LegId leg) {
    }
}
