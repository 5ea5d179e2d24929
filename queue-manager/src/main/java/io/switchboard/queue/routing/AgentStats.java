package io.switchboard.queue.routing;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * What the router saw each agent do today, for the strategies that rank by it: when they last finished a task
 * of each queue, how many tasks of each queue they took, and their talk time over all queues. "Today" ends at
 * midnight in {@code zone}: the first look after it starts from nothing. Touched only on the router's context.
 */
final class AgentStats {

    /** One agent's day. */
    record Day(LocalDate date, Map<QueueId, Instant> lastTaskEnd, Map<QueueId, Integer> callsToday,
               Duration talkTime) {

        static Day empty(LocalDate date) {
            return new Day(date, Map.of(), Map.of(), Duration.ZERO);
        }
    }

    private final ZoneId zone;
    private final Map<AgentId, Day> days = new HashMap<>();

    AgentStats(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code agent} took a task of {@code queue} (the caller was connected to them) at {@code at}. */
    void took(AgentId agent, QueueId queue, Instant at) {
        Day day = dayOf(agent, at);
        Map<QueueId, Integer> calls = new HashMap<>(day.callsToday());
        calls.merge(queue, 1, Integer::sum);
        days.put(agent, new Day(day.date(), day.lastTaskEnd(), calls, day.talkTime()));
    }

    /** {@code agent} finished a task of {@code queue} at {@code at}, after talking for {@code talked}. */
    void finished(AgentId agent, QueueId queue, Duration talked, Instant at) {
        Day day = dayOf(agent, at);
        Map<QueueId, Instant> ends = new HashMap<>(day.lastTaskEnd());
        ends.put(queue, at);
        days.put(agent, new Day(day.date(), ends, day.callsToday(), day.talkTime().plus(talked)));
    }

    /** The agent's statistics as of {@code now}: empty after midnight. */
    Day of(AgentId agent, Instant now) {
        return dayOf(agent, now);
    }

    /** The day {@code now} falls in, in the statistics' zone. */
    LocalDate dateOf(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    private Day dayOf(AgentId agent, Instant now) {
        LocalDate today = dateOf(now);
        Day day = days.get(agent);
        return day == null || !day.date().equals(today) ? Day.empty(today) : day;
    }
}
