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
 * (or, after a resync, would have sent) {@code AgentSessionStarted}. Each session opens and closes once:
 * by its UserEvents, or, when its channel is gone after a reconnect, by {@link ChannelRegistry#reconcile};
 * a channel that hangs up forgets its session. Thread-safe.
 */
public final class AgentSessions {

    private final Map<String, Session> byUniqueid = new ConcurrentHashMap<>();

    /**
     * The channel is {@code agent}'s session leg {@code leg} ({@code AgentSessionStarted}, or its rebuild).
     *
     * @return true when the channel's session was not open yet, i.e. when it is to be reported
     */
    public boolean open(String uniqueid, AgentId agent, LegId leg) {
        return byUniqueid.putIfAbsent(uniqueid, new Session(agent, leg)) == null;
    }

    /**
     * The channel's session ended ({@code AgentSessionEnded}).
     *
     * @return the session, when it was open, i.e. when its end is to be reported
     */
    public Optional<Session> close(String uniqueid) {
        return Optional.ofNullable(uniqueid).map(byUniqueid::remove);
    }

    /** Whether the channel's session was reported open and not closed. */
    public boolean isOpen(String uniqueid) {
        return uniqueid != null && byUniqueid.containsKey(uniqueid);
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
    public record Session(AgentId agent, LegId leg) {
    }
}
