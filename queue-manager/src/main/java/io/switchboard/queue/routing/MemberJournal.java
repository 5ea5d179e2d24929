package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.port.AgentDirectory;

import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Journals the membership step ({@link MemberSteps}) of each stored status change: the agent's queues come
 * from the router's book, or from the directory for an agent the router has not met yet. Touched only on the
 * router's context.
 */
final class MemberJournal {

    private final AgentDirectory agents;
    private final AgentBook book;
    private final InboundCalls calls;
    private final Executor context;

    MemberJournal(AgentDirectory agents, AgentBook book, InboundCalls calls, Executor context) {
        this.agents = agents;
        this.book = book;
        this.calls = calls;
        this.context = context;
    }

    /** {@code agent}'s status {@code now}, which replaced {@code before}, is stored. */
    void stored(AgentId agent, AgentStatus before, AgentStatus now) {
        Optional<Agent> known = book.entry(agent);
        if (known.isPresent()) {
            MemberSteps.between(known.get(), before, now).ifPresent(calls::write);
        } else if (MemberSteps.isStep(before, now)) {
            Stages.on(agents.find(agent), context, found -> found
                    .flatMap(entry -> MemberSteps.between(entry, before, now)).ifPresent(calls::write), failure -> { });
        }
    }
}
