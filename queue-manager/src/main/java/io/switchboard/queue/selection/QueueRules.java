package io.switchboard.queue.selection;

import io.switchboard.core.Require;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.routing.TaskQueue;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a queue applies to its callers, beside {@link TaskQueue#maxLength()} and {@link TaskQueue#maxWait()}:
 * when a caller may not join, when a waiting caller leaves because no member is left, and where a caller goes
 * for each {@link ExitReason}. The decisions are pure functions of the queue, its members' snapshots and the time.
 *
 * @param joinWhenEmpty  the conditions under which a member does not count on arrival; empty: callers always join
 *                       (app_queue's {@code joinempty=no}). A caller finding no counting member is refused
 *                       ({@link ExitReason#JOINEMPTY})
 * @param leaveWhenEmpty the conditions under which a member does not count while callers wait; empty: callers
 *                       never leave for it. When the last counting member stops counting, every caller waiting
 *                       on hold leaves ({@link ExitReason#LEAVEEMPTY})
 * @param exits          where the caller goes, per reason; a reason not listed hangs up
 */
public record QueueRules(Set<EmptyCondition> joinWhenEmpty, Set<EmptyCondition> leaveWhenEmpty,
                         Map<ExitReason, QueueExit> exits) {

    /** No rules: every caller joins and waits as long as the queue's {@code maxWait}; every exit hangs up. */
    public static final QueueRules NONE = new QueueRules(Set.of(), Set.of(), Map.of());

    public QueueRules {
        joinWhenEmpty = immutable(Require.nonNull(joinWhenEmpty, "joinWhenEmpty"));
        leaveWhenEmpty = immutable(Require.nonNull(leaveWhenEmpty, "leaveWhenEmpty"));
        exits = Map.copyOf(Require.nonNull(exits, "exits"));
    }

    /** Where a caller goes who leaves for {@code reason}. */
    public QueueExit exitFor(ExitReason reason) {
        return exits.getOrDefault(reason, QueueExit.HANG_UP);
    }

    /** These rules with {@code exit} for {@code reason}. */
    public QueueRules withExit(ExitReason reason, QueueExit exit) {
        Map<ExitReason, QueueExit> more = new EnumMap<>(ExitReason.class);
        more.putAll(exits);
        more.put(reason, exit);
        return new QueueRules(joinWhenEmpty, leaveWhenEmpty, more);
    }

    /**
     * Whether a new caller of {@code queue} is turned away, and why: {@link ExitReason#JOINEMPTY} when the join
     * policy finds no counting member, else {@link ExitReason#FULL} when {@code waiting} callers already fill the
     * queue; app_queue's {@code join_queue} checks in that order too.
     */
    public Optional<ExitReason> refusal(TaskQueue queue, int waiting, Collection<AgentSnapshot> members) {
        if (!joinWhenEmpty.isEmpty() && isEmpty(joinWhenEmpty, queue, members)) {
            return Optional.of(ExitReason.JOINEMPTY);
        }
        return queue.isFull(waiting) ? Optional.of(ExitReason.FULL) : Optional.empty();
    }

    /** Whether the callers waiting in {@code queue} must leave now ({@link ExitReason#LEAVEEMPTY}). */
    public boolean mustLeave(TaskQueue queue, Collection<AgentSnapshot> members) {
        return !leaveWhenEmpty.isEmpty() && isEmpty(leaveWhenEmpty, queue, members);
    }

    /** When a caller who entered {@code queue} at {@code entered} times out; empty when the queue has no max wait. */
    public static Optional<Instant> deadline(TaskQueue queue, Instant entered) {
        return queue.maxWait().isZero() ? Optional.empty() : Optional.of(entered.plus(queue.maxWait()));
    }

    /** Whether no member of {@code queue} counts: every one is logged out or in one of {@code conditions}. */
    static boolean isEmpty(Set<EmptyCondition> conditions, TaskQueue queue, Collection<AgentSnapshot> members) {
        return members.stream().filter(member -> member.agent().isMemberOf(queue.id()))
                .noneMatch(member -> member.state() != AgentState.LOGGED_OUT
                        && conditions.stream().noneMatch(condition -> condition.holds(member, queue)));
    }

    private static Set<EmptyCondition> immutable(Set<EmptyCondition> conditions) {
        return conditions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(conditions));
    }
}
