package io.switchboard.ami.channel;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The agent legs call control announced ({@code connectToAgent}) and the legs that took on those ids.
 * An expectation waits for the next channel the customer dials; the channel's leg then carries the id
 * Switchboard gave, for ringing, answer, end and connection alike.
 */
final class AgentLegs {

    private final Map<CallId, LegId> expected = new ConcurrentHashMap<>();
    private final Map<String, LegId> named = new ConcurrentHashMap<>();
    private final Map<String, CallId> ringCalls = new ConcurrentHashMap<>();

    /** The next leg {@code call}'s customer dials is {@code agentLeg}; replaces an unmet expectation. */
    void expect(CallId call, LegId agentLeg) {
        expected.put(call, agentLeg);
    }

    /** The expectation is withdrawn, if it is still this one. */
    void withdraw(CallId call, LegId agentLeg) {
        expected.remove(call, agentLeg);
    }

    /** {@code call}'s customer dialled the leg named after {@code leg}: it takes the expected id, if any. */
    Optional<LegId> dialled(CallId call, String leg) {
        LegId agentLeg = expected.remove(call);
        if (agentLeg != null) {
            named.put(leg, agentLeg);
        }
        return Optional.ofNullable(agentLeg);
    }

    /**
     * Call control originates a ring leg for {@code call} ({@code ringAgentLeg}) with Uniqueid {@code uniqueid}:
     * the channel belongs to that call and carries {@code agentLeg}.
     */
    void ring(String uniqueid, CallId call, LegId agentLeg) {
        named.put(uniqueid, agentLeg);
        ringCalls.put(uniqueid, call);
    }

    /** The call a ring leg with this Uniqueid was originated for, if it is one. */
    Optional<CallId> ringCallOf(String uniqueid) {
        return Optional.ofNullable(ringCalls.get(uniqueid));
    }

    /** The id Switchboard gave the leg named after {@code leg}, if it gave one. */
    Optional<LegId> nameOf(String leg) {
        return Optional.ofNullable(named.get(leg));
    }

    /** The leg (its Uniqueid name) that carries {@code agentLeg}. */
    Optional<String> legNamed(LegId agentLeg) {
        return named.entrySet().stream().filter(e -> e.getValue().equals(agentLeg)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** Whether {@code call} still waits for its agent leg. */
    boolean expects(CallId call) {
        return expected.containsKey(call);
    }

    /** Drops the expectations of calls that have no channel any more. */
    void dropExpectationsOf(Predicate<CallId> gone) {
        expected.keySet().removeIf(gone);
    }

    /** Forgets the id of a leg whose channels are all gone. */
    void legGone(String leg) {
        named.remove(leg);
        ringCalls.remove(leg);
    }

    /** Forgets the ids of legs whose channels are all gone. */
    void legsGone(Predicate<String> gone) {
        named.keySet().removeIf(gone);
        ringCalls.keySet().removeIf(gone);
    }

    /** Forgets everything (the PBX restarted). */
    void clear() {
        expected.clear();
        named.clear();
        ringCalls.clear();
    }
}
