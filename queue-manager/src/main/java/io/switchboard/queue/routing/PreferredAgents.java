package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.routing.PreferredAgent;
import io.switchboard.queue.selection.PreferredAgentRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Gives a new call its {@link PreferredAgent} when its queue's {@link PreferredAgentRule} asks for the caller's
 * last agent, and remembers who spoke to each caller. The read of {@link LastAgents} is asynchronous and the
 * call's first decision waits for it at most {@link #LOOKUP_BOUND}: an answer that comes later, or a failed
 * read, is dropped and the call is routed without a preference, so a slow or broken store never delays a call
 * by more than the bound and never makes one agent's offer be taken back.
 *
 * <p>Touched only on the router's context, as {@link InboundRouter}.
 */
final class PreferredAgents {

    /** The longest a call's first decision waits for the caller's last agent. */
    static final Duration LOOKUP_BOUND = Duration.ofMillis(150);

    private static final Logger LOG = LoggerFactory.getLogger(PreferredAgents.class);

    private final LastAgents lastAgents;
    private final RoutingTimers timers;
    private final Executor context;

    PreferredAgents(LastAgents lastAgents, RoutingTimers timers, Executor context) {
        this.lastAgents = lastAgents;
        this.timers = timers;
        this.context = context;
    }

    /**
     * Sets the call's preference if {@code rule} asks for the caller's last agent and one is known, then runs
     * {@code then} once: when the answer comes or after {@link #LOOKUP_BOUND}, whichever is first.
     */
    void lookUp(RoutedCall call, PreferredAgentRule rule, Runnable then) {
        Optional<PhoneNumber> caller = call.task.customer();
        if (!rule.lastAgent() || caller.isEmpty()) {
            then.run();
            return;
        }
        boolean[] decided = {false};
        timers.schedule(LOOKUP_BOUND, () -> {
            if (!decided[0]) {
                decided[0] = true;
                LOG.warn("event=last-agent-slow taskId={} callerNumber={} boundMs={}", call.task.id(),
                        caller.get().masked(), LOOKUP_BOUND.toMillis());
                then.run();
            }
        });
        Stages.on(lastAgents.lastAgentOf(caller.get()), context, found -> {
            if (decided[0]) {
                return;
            }
            decided[0] = true;
            found.ifPresent(agent -> {
                call.preferred = Optional.of(new PreferredAgent(agent, call.task.created().plus(rule.timeout())));
                LOG.info("event=task-prefers taskId={} agentId={} until={}", call.task.id(), agent,
                        call.preferred.get().until());
            });
            then.run();
        }, failure -> {
            if (!decided[0]) {
                decided[0] = true;
                then.run();
            }
        });
    }

    /** The call's caller is now speaking to {@code agent}: remembered for their next call, whatever the queue. */
    void spoke(RoutedCall call, AgentId agent) {
        call.task.customer().ifPresent(caller -> lastAgents.spokeWith(caller, agent).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.warn("event=last-agent-not-stored taskId={} agentId={} reason={}", call.task.id(), agent,
                        failure.toString());
            }
        }));
    }
}
