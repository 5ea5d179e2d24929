package io.switchboard.queue.selection;

import io.switchboard.core.Require;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.Workflow;
import io.switchboard.core.routing.WorkflowStep;
import io.switchboard.queue.waiting.CallerAnnouncements;
import io.switchboard.queue.waiting.QueuedCallback;

import java.time.Duration;
import java.util.List;

/**
 * What selection needs to know about one queue besides its {@link TaskQueue}.
 *
 * @param queue        the queue, with its strategy and required skills
 * @param workflow     the steps a task of this queue goes through while it waits
 * @param memberOrder  the configured member order for {@code LINEAR}, {@code ROUND_ROBIN_MEMORY} and
 *                     {@code RING_PROGRESSIVELY}; members not listed come after, by id
 * @param ringInterval how long {@code RING_PROGRESSIVELY} waits before ringing one more agent; positive
 * @param announcements what waiting callers are told (position, estimated wait) and how often
 * @param rules        join/leave-when-empty and where callers go when they leave ({@link QueueRules}); an
 *                     overflow never names this queue itself
 * @param callback     whether and when waiting callers may press a key to be called back keeping their place
 * @param preferredAgent whom a caller is first offered to (their last agent) and for how long
 * @param emptyGrace   how long the queue must stay empty under its leave policy before its callers leave
 * @param agentScope   whether its callers go only to agents on their own PBX or also through trunks to agents on
 *                     other PBXs
 */
public record QueueSetup(TaskQueue queue, Workflow workflow, List<AgentId> memberOrder, Duration ringInterval,
                         CallerAnnouncements announcements, QueueRules rules,
                         QueuedCallback callback, PreferredAgentRule preferredAgent, EmptyQueueGrace emptyGrace,
                         AgentScope agentScope) {

    /** mod_callcenter's default {@code ring-progressively-delay}. */
    public static final Duration DEFAULT_RING_INTERVAL = Duration.ofSeconds(10);

    public QueueSetup {
        Require.nonNull(queue, "queue");
        Require.nonNull(workflow, "workflow");
        memberOrder = List.copyOf(Require.nonNull(memberOrder, "memberOrder"));
        Require.positive(ringInterval, "ringInterval");
        Require.nonNull(announcements, "announcements");
        Require.nonNull(rules, "rules");
        Require.nonNull(callback, "callback");
        Require.nonNull(preferredAgent, "preferredAgent");
        Require.nonNull(emptyGrace, "emptyGrace");
        Require.nonNull(agentScope, "agentScope");
        for (QueueExit exit : rules.exits().values()) {
            if (exit instanceof QueueExit.Overflow overflow && overflow.queue().equals(queue.id())) {
                throw new IllegalArgumentException("rules must not overflow queue '" + queue.id() + "' to itself");
            }
        }
    }

    /**
     * A setup without announcements ({@link CallerAnnouncements#OFF}), queue rules ({@link QueueRules#NONE}) or
     * callback ({@link QueuedCallback#OFF}).
     */
    public QueueSetup(TaskQueue queue, Workflow workflow, List<AgentId> memberOrder, Duration ringInterval) {
        this(queue, workflow, memberOrder, ringInterval, CallerAnnouncements.OFF, QueueRules.NONE,
                QueuedCallback.OFF, PreferredAgentRule.OFF, EmptyQueueGrace.NONE, AgentScope.LOCAL);
    }

    /** A queue whose tasks wait for any member for ever, members ordered by id. */
    public static QueueSetup of(TaskQueue queue) {
        Workflow anyMember = new Workflow(queue.name(), List.of(new WorkflowStep(queue.id(), 0, Duration.ZERO)));
        return new QueueSetup(queue, anyMember, List.of(), DEFAULT_RING_INTERVAL);
    }

    /** This setup with another workflow. */
    public QueueSetup withWorkflow(Workflow newWorkflow) {
        return new QueueSetup(queue, newWorkflow, memberOrder, ringInterval, announcements,
                rules, callback, preferredAgent, emptyGrace, agentScope);
    }

    /** This setup with a configured member order. */
    public QueueSetup withMemberOrder(List<AgentId> order) {
        return new QueueSetup(queue, workflow, order, ringInterval, announcements, rules, callback, preferredAgent,
                emptyGrace, agentScope);
    }

    /** This setup with another ring-progressively interval. */
    public QueueSetup withRingInterval(Duration interval) {
        return new QueueSetup(queue, workflow, memberOrder, interval, announcements, rules, callback, preferredAgent,
                emptyGrace, agentScope);
    }

    /** This setup with other announcements to waiting callers. */
    public QueueSetup withAnnouncements(CallerAnnouncements newAnnouncements) {
        return new QueueSetup(queue, workflow, memberOrder, ringInterval, newAnnouncements,
                rules, callback, preferredAgent, emptyGrace, agentScope);
    }

    /** This setup with other queue rules. */
    public QueueSetup withRules(QueueRules newRules) {
        return new QueueSetup(queue, workflow, memberOrder, ringInterval, announcements,
                newRules, callback, preferredAgent, emptyGrace, agentScope);
    }

    /** This setup with other callback settings for waiting callers. */
    public QueueSetup withCallback(QueuedCallback newCallback) {
        return new QueueSetup(queue, workflow, memberOrder, ringInterval, announcements,
                rules, newCallback, preferredAgent, emptyGrace, agentScope);
    }

    /** This setup with another preferred-agent rule. */
    public QueueSetup withPreferredAgent(PreferredAgentRule rule) {
        return new QueueSetup(queue, workflow, memberOrder, ringInterval, announcements, rules, callback, rule,
                emptyGrace, agentScope);
    }

    /** This setup with another scope for the agents its callers may be offered to. */
    public QueueSetup withAgentScope(AgentScope scope) {
        return new QueueSetup(queue, workflow, memberOrder, ringInterval, announcements, rules, callback,
                preferredAgent, emptyGrace, scope);
    }

    /** This setup with another grace before callers leave an empty queue. */
    public QueueSetup withEmptyGrace(EmptyQueueGrace grace) {
        return new QueueSetup(queue, workflow, memberOrder, ringInterval, announcements, rules, callback,
                preferredAgent, grace, agentScope);
    }
}
