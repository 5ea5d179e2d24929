package io.switchboard.core.routing;

import io.switchboard.core.Require;
import io.switchboard.core.agent.Agent;
import io.switchboard.core.id.AgentId;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a queue's members a {@link WorkflowStep} may offer a task to: those with every listed skill at
 * its minimum level and, when {@code agents} is not empty, only the named ones. The queue's own
 * {@linkplain TaskQueue#requiredSkills() required skills} apply on top of the target.
 *
 * @param minimumSkills skills the agent needs at the given level or better; at most one per skill
 * @param agents        the only agents the step may offer to; empty means any member
 */
public record AgentTarget(List<SkillRequirement> minimumSkills, Set<AgentId> agents) {

    /** Any member of the queue. */
    public static final AgentTarget ANY_MEMBER = new AgentTarget(List.of(), Set.of());

    public AgentTarget {
        minimumSkills = List.copyOf(Require.nonNull(minimumSkills, "minimumSkills"));
        agents = Set.copyOf(Require.nonNull(agents, "agents"));
        Set<String> seen = new HashSet<>();
        for (SkillRequirement requirement : minimumSkills) {
            if (!seen.add(requirement.skill())) {
                throw new IllegalArgumentException("minimumSkills must not name '" + requirement.skill() + "' twice");
            }
        }
    }

    /** Members with every one of {@code requirements}. */
    public static AgentTarget skills(SkillRequirement... requirements) {
        return new AgentTarget(List.of(requirements), Set.of());
    }

    /** Only the named agents. */
    public static AgentTarget agents(AgentId... named) {
        return new AgentTarget(List.of(), Set.of(named));
    }

    /** Whether {@code agent} is in this target (membership of the queue is checked elsewhere). */
    public boolean includes(Agent agent) {
        if (!agents.isEmpty() && !agents.contains(agent.id())) {
            return false;
        }
        for (SkillRequirement requirement : minimumSkills) {
            if (!requirement.isMetBy(agent)) {
                return false;
            }
        }
        return true;
    }
}
