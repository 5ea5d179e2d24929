package io.switchboard.queue.routing;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.PbxEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Agents' presence as the PBX reports it, applied to their routing states:
 * <ul>
 *   <li>{@code AgentLoggedIn} ({@code *70}/{@code *71}): a logged-out agent becomes available; an agent
 *       already logged in (paused, on a call) keeps the state.</li>
 *   <li>{@code AgentLoggedOut} ({@code *72}): logged out, at once when idle, otherwise after the call in
 *       progress and its wrap-up.</li>
 *   <li>{@code AgentSessionOpened}: the agent has an open line on that PBX (nailed-up) and, if logged out,
 *       becomes available: opening the line is the login of a nailed-up agent.</li>
 *   <li>{@code AgentSessionClosed}: the line is gone, so the agent cannot be joined to calls any more and is
 *       logged out like {@code *72} (after the call in progress and its wrap-up). An agent who wants to go on
 *       ring-on-demand logs in again with {@code *71} or the API.</li>
 * </ul>
 * Agent ids the directory does not know are logged and skipped. Runs on the routing context.
 */
final class AgentPresence implements PbxEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(AgentPresence.class);

    private final AgentDirectory agents;
    private final AgentLines lines;
    private final AgentMoves moves;
    private final Executor context;
    private final Consumer<AgentId> changed;

    /**
     * @param changed told the agent after every change this class made (state or line), so the router reads them again
     */
    AgentPresence(AgentDirectory agents, AgentLines lines, AgentMoves moves, Executor context, Consumer<AgentId> changed) {
        this.agents = agents;
        this.lines = lines;
        this.moves = moves;
        this.context = context;
        this.changed = changed;
    }

    @Override
    public void onEvent(PbxEvent event) {
        if (event instanceof PbxEvent.AgentLoggedIn in) {
            known(in.agent(), "login", () -> {
                LOG.info("event=agent-login agentId={} device={} nailed={}", in.agent(), in.device(), in.nailed());
                moves.logIn(in.agent(), () -> changed.accept(in.agent()));
            });
        } else if (event instanceof PbxEvent.AgentLoggedOut out) {
            known(out.agent(), "logout", () -> {
                LOG.info("event=agent-logout agentId={} device={}", out.agent(), out.device());
                moves.logOutAfterWork(out.agent(), () -> changed.accept(out.agent()));
            });
        } else if (event instanceof PbxEvent.AgentSessionOpened opened) {
            known(opened.agent(), "session-opened", () -> {
                LOG.info("event=agent-line-opened agentId={} pbx={} legId={}", opened.agent(), opened.pbx(),
                        opened.leg());
                lines.opened(opened.agent(), new AgentLines.Line(opened.pbx(), opened.leg()));
                moves.logIn(opened.agent(), () -> changed.accept(opened.agent()));
            });
        } else if (event instanceof PbxEvent.AgentSessionClosed closed) {
            if (lines.closed(closed.agent(), closed.leg())) {
                LOG.info("event=agent-line-closed agentId={} pbx={} legId={}", closed.agent(), closed.pbx(),
                        closed.leg());
                moves.logOutAfterWork(closed.agent(), () -> changed.accept(closed.agent()));
            }
        }
    }

    private void known(AgentId agent, String what, Runnable then) {
        Stages.on(agents.find(agent), context, found -> {
            if (found.isPresent()) {
                then.run();
            } else {
                LOG.warn("event=unknown-agent-skipped what={} agentId={}", what, masked(agent));
            }
        }, failure -> LOG.warn("event=agent-lookup-failed what={} agentId={}", what, masked(agent)));
    }

    /** Feature codes fall back to the caller number as agent id: an id that looks like a number is masked. */
    static String masked(AgentId agent) {
        String id = agent.value();
        long digits = id.chars().filter(Character::isDigit).count();
        if (digits < 7) {
            return id;
        }
        return "*".repeat(id.length() - 3) + id.substring(id.length() - 3);
    }
}
