package io.switchboard.queue.kpi;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One agent's buckets and the call they are still handling. A call's handle time is its talk plus the wrap-up
 * that follows it, so it is known only when the agent leaves wrap-up (or, without wrap-up, leaves the call).
 */
final class AgentTally {

    /** A call whose handling ended: the queue it came from, its talk plus wrap-up, and when it ended. */
    record Handled(QueueId queue, Duration handleTime, Instant at) {
    }

    private record Talk(QueueId queue, Duration talked) {
    }

    private final AgentId agent;
    private final Buckets buckets;
    private AgentStatus status;
    private Talk unfinished;

    AgentTally(AgentId agent, ZoneId zone) {
        this.agent = agent;
        this.buckets = new Buckets(zone);
    }

    /** The agent's status moved to {@code next}; the time spent in the previous one is counted now. */
    Optional<Handled> moved(AgentStatus next) {
        AgentStatus previous = status;
        if (previous != null && next.version() <= previous.version()) {
            return Optional.empty();
        }
        status = next;
        if (previous == null) {
            return Optional.empty();
        }
        credit(buckets, previous.state(), previous.since(), next.since());
        boolean leftWrapUp = previous.state() == AgentState.WRAP_UP && next.state() != AgentState.WRAP_UP;
        boolean leftCallWithoutWrapUp = previous.state() == AgentState.ON_CALL && !isHandling(next.state());
        if (unfinished != null && (leftWrapUp || leftCallWithoutWrapUp)) {
            Duration wrap = leftWrapUp ? Duration.between(previous.since(), next.since()) : Duration.ZERO;
            return Optional.of(handled(unfinished.queue(), unfinished.talked().plus(wrap), next.since()));
        }
        return Optional.empty();
    }

    void answered(Instant at) {
        buckets.add(at, c -> c.answered++);
    }

    /** A conversation ended; its handling ends with the wrap-up, or now when the agent is already past it. */
    Optional<Handled> talked(QueueId queue, Duration talked, Instant at) {
        if (status != null && isHandling(status.state())) {
            unfinished = new Talk(queue, talked);
            return Optional.empty();
        }
        return Optional.of(handled(queue, talked, at));
    }

    AgentKpis snapshot(Instant now) {
        Map<KpiWindow, AgentFigures> windows = new EnumMap<>(KpiWindow.class);
        AgentState state = status == null ? AgentState.LOGGED_OUT : status.state();
        for (KpiWindow window : KpiWindow.values()) {
            Counts counts = buckets.sum(window, now);
            if (status != null) {
                Instant start = window.start(now, buckets.zone());
                Instant from = status.since().isBefore(start) ? start : status.since();
                creditTo(counts, state, Duration.between(from, now).toMillis());
            }
            windows.put(window, AgentFigures.of(counts));
        }
        return new AgentKpis(agent, now, state, windows);
    }

    private Handled handled(QueueId queue, Duration handleTime, Instant at) {
        unfinished = null;
        buckets.add(at, c -> {
            c.handled++;
            c.handleMillis += handleTime.toMillis();
        });
        return new Handled(queue, handleTime, at);
    }

    private static void credit(Buckets buckets, AgentState state, Instant from, Instant to) {
        buckets.addTime(from, to, (c, millis) -> creditTo(c, state, millis));
    }

    private static void creditTo(Counts c, AgentState state, long millis) {
        if (millis <= 0) {
            return;
        }
        if (isHandling(state)) {
            c.handlingMillis += millis;
        }
        if (state == AgentState.AVAILABLE || state == AgentState.RESERVED) {
            c.readyMillis += millis;
        }
        if (state.isLoggedIn()) {
            c.loggedInMillis += millis;
        }
    }

    private static boolean isHandling(AgentState state) {
        return state == AgentState.ON_CALL || state == AgentState.WRAP_UP;
    }
}
