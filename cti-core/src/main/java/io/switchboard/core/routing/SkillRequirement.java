package io.switchboard.core.routing;

import io.switchboard.core.Require;
import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.Skill;

/**
 * A skill a queue's tasks need, and the lowest proficiency that will do.
 *
 * @param skill        the skill's name; never blank
 * @param minimumLevel 1 to 10
 */
public record SkillRequirement(String skill, int minimumLevel) {

    public SkillRequirement {
        Require.nonBlank(skill, "skill");
        Require.between(minimumLevel, Skill.MIN_PROFICIENCY, Skill.MAX_PROFICIENCY, "minimumLevel");
    }

    /** Shorthand for {@code new SkillRequirement(skill, minimumLevel)}. */
    public static SkillRequirement of(String skill, int minimumLevel) {
        return new SkillRequirement(skill, minimumLevel);
    }

    /** Whether {@code agent} has the skill at the minimum level or better. */
    public boolean isMetBy(Agent agent) {
        return agent.hasSkill(skill, minimumLevel);
    }
}
