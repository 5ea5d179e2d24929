package io.switchboard.queue.routing;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which agents are nailed up: they have an open line (a session leg answered and waiting) on a PBX, so calls
 * are joined to them without ringing. Kept on the routing context from {@code AgentSessionOpened} and
 * {@code AgentSessionClosed}; a node sees only the lines of the PBXs attached to it.
 */
public final class AgentLines {

    /** An agent's open line: the PBX it is on and the session leg the agent waits on. */
    public record Line(PbxId pbx, LegId leg) {
    }

    private final Map<AgentId, Line> lines = new HashMap<>();

    /** The agent's open line, empty when the agent is rung for each call (ring-on-demand). */
    public Optional<Line> lineOf(AgentId agent) {
        return Optional.ofNullable(lines.get(agent));
    }

    /** The agents whose line is open on {@code pbx} now, a copy. */
    Set<AgentId> openOn(PbxId pbx) {
        Set<AgentId> open = new HashSet<>();
        lines.forEach((agent, line) -> {
            if (line.pbx().equals(pbx)) {
                open.add(agent);
            }
        });
        return open;
    }

    void opened(AgentId agent, Line line) {
        lines.put(agent, line);
    }

    /** Forgets the line when it is still {@code leg} (a newer session replaced an older one otherwise). */
    boolean closed(AgentId agent, LegId leg) {
        Line line = lines.get(agent);
        if (line == null || !line.leg().equals(leg)) {
            return false;
        }
        lines.remove(agent);
        return true;
    }
}
