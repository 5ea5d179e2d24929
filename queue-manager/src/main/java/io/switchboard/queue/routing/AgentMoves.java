package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.lifecycle.Transition;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.StatusUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The router's changes to agents' stored statuses: read, check the lifecycle, compare-and-set, re-read on a
 * conflict. Moves of one agent run one after another, so "on call" is stored before "wrap-up" even when the
 * events come close together. Touched only on the router's context.
 *
 * <p>A logout asked for while the agent works ({@link #logOutAfterWork}) is kept until the work is done: the
 * agent's next move to available (or an auto-pause) becomes a move to logged out, so wrap-up is never skipped.
 */
final class AgentMoves {

    private static final Logger LOG = LoggerFactory.getLogger(AgentMoves.class);
    private static final int CONFLICT_RETRIES = 3;
    private static final Set<AgentState> WORKING = EnumSet.of(AgentState.RESERVED, AgentState.ON_CALL,
            AgentState.WRAP_UP);

    private final AgentStateStore states;
    private final InstantSource clock;
    private final Executor context;
    private final Map<AgentId, CompletableFuture<Void>> inFlight = new HashMap<>();
    private final Set<AgentId> leaving = new HashSet<>();
    private Stored storedListener = (agent, before, now) -> { };

    /** Hears each status this class stores, with the one it replaced. */
    @FunctionalInterface
    interface Stored {

        /** {@code agent} moved from {@code before} to {@code now}, which is stored. */
        void stored(AgentId agent, AgentStatus before, AgentStatus now);
    }

    AgentMoves(AgentStateStore states, InstantSource clock, Executor context) {
        this.states = states;
        this.clock = clock;
        this.context = context;
    }

    /** Tells {@code listener} every status this class stores, before the move's own continuation runs. */
    void onStored(Stored listener) {
        this.storedListener = listener;
    }

    /** Moves {@code agent} to {@code target}, then runs {@code then} (also when the move was refused or failed). */
    void move(AgentId agent, AgentState target, Runnable then) {
        moveBy(agent, current -> Optional.of(target), Optional.empty(), then);
    }

    /** Pauses {@code agent} with {@code reason} (e.g. {@link ReasonCode#NO_ANSWER}), then runs {@code then}. */
    void pause(AgentId agent, ReasonCode reason, Runnable then) {
        moveBy(agent, current -> Optional.of(AgentState.PAUSED), Optional.of(reason), then);
    }

    /**
     * Logs {@code agent} out now when idle (available, paused), or once the call in progress and its wrap-up
     * are over.
     */
    void logOutAfterWork(AgentId agent, Runnable then) {
        moveBy(agent, current -> {
            if (WORKING.contains(current.state())) {
                leaving.add(agent);
                LOG.info("event=agent-logout-deferred agentId={} state={}", agent, current.state());
                return Optional.empty();
            }
            return Optional.of(AgentState.LOGGED_OUT);
        }, Optional.empty(), then);
    }

    /** Moves a logged-out agent to available (a login); an agent already logged in keeps its state. */
    void logIn(AgentId agent, Runnable then) {
        leaving.remove(agent);
        moveBy(agent, current -> current.state() == AgentState.LOGGED_OUT
                ? Optional.of(AgentState.AVAILABLE) : Optional.empty(), Optional.empty(), then);
    }

    /** Whether a logout waits for the end of the agent's work. */
    boolean isLeaving(AgentId agent) {
        return leaving.contains(agent);
    }

    private void moveBy(AgentId agent, Function<AgentStatus, Optional<AgentState>> decide, Optional<ReasonCode> why,
                        Runnable then) {
        CompletableFuture<Void> previous = inFlight.getOrDefault(agent, CompletableFuture.completedFuture(null));
        CompletableFuture<Void> mine = new CompletableFuture<>();
        inFlight.put(agent, mine);
        previous.whenCompleteAsync((ignored, failure) -> attempt(agent, decide, why, CONFLICT_RETRIES, () -> {
            inFlight.remove(agent, mine);
            mine.complete(null);
            then.run();
        }), context);
    }

    private void attempt(AgentId agent, Function<AgentStatus, Optional<AgentState>> decide, Optional<ReasonCode> why,
                         int attemptsLeft, Runnable done) {
        Stages.on(states.read(agent), context, stored -> {
            AgentStatus current = stored.orElseGet(() -> AgentStatus.initial(clock.instant()));
            Optional<AgentState> wanted = decide.apply(current);
            if (wanted.isEmpty()) {
                done.run();
                return;
            }
            AgentState target = wanted.get();
            boolean logsOut = (target == AgentState.AVAILABLE || target == AgentState.PAUSED)
                    && leaving.contains(agent);
            if (logsOut) {
                target = AgentState.LOGGED_OUT;
            }
            if (current.state() == target) {
                done.run();
                return;
            }
            Transition<AgentStatus> move = current.moveTo(target, logsOut ? Optional.empty() : why, clock.instant());
            if (move instanceof Transition.Illegal<AgentStatus> illegal) {
                LOG.warn("event=agent-move-refused agentId={} reason=\"{}\"", agent, illegal.message());
                done.run();
                return;
            }
            AgentState moved = target;
            Stages.on(states.compareAndSet(agent, current.version(), move.orElseThrow()), context, update -> {
                if (update instanceof StatusUpdate.Conflict && attemptsLeft > 1) {
                    attempt(agent, decide, why, attemptsLeft - 1, done);
                } else {
                    if (logsOut && update instanceof StatusUpdate.Stored) {
                        leaving.remove(agent);
                        LOG.info("event=agent-logged-out-after-work agentId={}", agent);
                    }
                    if (update instanceof StatusUpdate.Stored now) {
                        storedListener.stored(agent, current, now.status());
                    }
                    LOG.debug("event=agent-moved agentId={} state={}", agent, moved);
                    done.run();
                }
            }, failure -> done.run());
        }, failure -> done.run());
    }
}
