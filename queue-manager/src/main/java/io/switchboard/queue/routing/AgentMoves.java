package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.lifecycle.Transition;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.StatusUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The router's changes to agents' stored statuses: read, check the lifecycle, compare-and-set, re-read on a
 * conflict. Moves of one agent run one after another, so "on call" is stored before "wrap-up" even when the
 * events come close together. Touched only on the router's context.
 */
final class AgentMoves {

    private static final Logger LOG = LoggerFactory.getLogger(AgentMoves.class);
    private static final int CONFLICT_RETRIES = 3;

    private final AgentStateStore states;
    private final InstantSource clock;
    private final Executor context;
    private final Map<AgentId, CompletableFuture<Void>> inFlight = new HashMap<>();

    AgentMoves(AgentStateStore states, InstantSource clock, Executor context) {
        this.states = states;
        this.clock = clock;
        this.context = context;
    }

    /** Moves {@code agent} to {@code target}, then runs {@code then} (also when the move was refused or failed). */
    void move(AgentId agent, AgentState target, Runnable then) {
        CompletableFuture<Void> previous = inFlight.getOrDefault(agent, CompletableFuture.completedFuture(null));
        CompletableFuture<Void> mine = new CompletableFuture<>();
        inFlight.put(agent, mine);
        previous.whenCompleteAsync((ignored, failure) -> attempt(agent, target, CONFLICT_RETRIES, () -> {
            inFlight.remove(agent, mine);
            mine.complete(null);
            then.run();
        }), context);
    }

    private void attempt(AgentId agent, AgentState target, int attemptsLeft, Runnable done) {
        Stages.on(states.read(agent), context, stored -> {
            AgentStatus current = stored.orElseGet(() -> AgentStatus.initial(clock.instant()));
            if (current.state() == target) {
                done.run();
                return;
            }
            Transition<AgentStatus> move = current.moveTo(target, clock.instant());
            if (move instanceof Transition.Illegal<AgentStatus> illegal) {
                LOG.warn("event=agent-move-refused agentId={} reason=\"{}\"", agent, illegal.message());
                done.run();
                return;
            }
            Stages.on(states.compareAndSet(agent, current.version(), move.orElseThrow()), context, update -> {
                if (update instanceof StatusUpdate.Conflict && attemptsLeft > 1) {
                    attempt(agent, target, attemptsLeft - 1, done);
                } else {
                    LOG.debug("event=agent-moved agentId={} state={}", agent, target);
                    done.run();
                }
            }, failure -> done.run());
        }, failure -> done.run());
    }
}
