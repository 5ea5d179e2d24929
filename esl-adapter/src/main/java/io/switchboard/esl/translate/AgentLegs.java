package io.switchboard.esl.translate;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent legs call control announced ({@code connectToAgent}) and which leg took each. An expectation
 * waits for the next channel the customer's channel creates (the glue's {@code bridge} in
 * {@code switchboard_connect}); that channel then carries the id Switchboard chose for ringing, answer,
 * bridge and hang-up alike. Call control may write from any thread; the rest runs on the event executor.
 */
final class AgentLegs {

    private final Map<CallId, LegId> expected = new ConcurrentHashMap<>();
    private final Map<CallId, LegId> dialled = new ConcurrentHashMap<>();

    /** The next leg {@code call}'s customer creates is {@code agentLeg}; replaces an unmet expectation. */
    void expect(CallId call, LegId agentLeg) {
        expected.put(call, agentLeg);
    }

    /** The expectation is withdrawn, if it is still this one. */
    void withdraw(CallId call, LegId agentLeg) {
        expected.remove(call, agentLeg);
    }

    /** Whether {@code call} still waits for its agent leg. */
    boolean expects(CallId call) {
        return expected.containsKey(call);
    }

    /** A leg of {@code call} appeared: the id it takes, if one was expected (the expectation is met). */
    Optional<LegId> take(CallId call) {
        LegId agentLeg = expected.remove(call);
        if (agentLeg != null) {
            dialled.put(call, agentLeg);
        }
        return Optional.ofNullable(agentLeg);
    }

    /**
     * The agent leg of {@code call}'s failed ring: the leg that took the expected id, else the expectation
     * itself when FreeSWITCH never created a channel (an unregistered user, {@code error/} endpoints, Quirk 11).
     */
    Optional<LegId> takeFailed(CallId call) {
        LegId took = dialled.remove(call);
        LegId waiting = expected.remove(call);
        return Optional.ofNullable(took != null ? took : waiting);
    }

    /** The ring of {@code call}'s agent ended in a connection: nothing is left to name. */
    void connected(CallId call) {
        dialled.remove(call);
    }

    /** {@code call} ended: forget its expectation and its dialled leg. */
    void callGone(CallId call) {
        expected.remove(call);
        dialled.remove(call);
    }
}
