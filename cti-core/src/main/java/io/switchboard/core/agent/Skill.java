package io.switchboard.core.agent;

import io.switchboard.core.Require;

/**
 * A skill an agent has, and how good the agent is at it.
 *
 * @param name        the skill's name as routing rules use it, e.g. {@code billing}; never blank
 * @param proficiency 1 (novice) to 10 (expert)
 */
public record Skill(String name, int proficiency) {

    /** The lowest proficiency an agent can have in a skill they have at all. */
    public static final int MIN_PROFICIENCY = 1;
    /** The highest proficiency. */
    public static final int MAX_PROFICIENCY = 10;

    public Skill {
        Require.nonBlank(name, "skill name");
        Require.between(proficiency, MIN_PROFICIENCY, MAX_PROFICIENCY, "proficiency");
    }

    /** Shorthand for {@code new Skill(name, proficiency)}. */
    public static Skill of(String name, int proficiency) {
        return new Skill(name, proficiency);
    }
}
