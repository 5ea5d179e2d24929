package io.switchboard.core.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.Skill;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgentTargetTest {

    private static Agent agent(String id, Skill... skills) {
        return new Agent(AgentId.of(id), "Agent " + id, List.of(skills), List.of(), Agent.VOICE_ONLY, Optional.empty());
    }

    @Test
    void a_skill_target_takes_agents_at_the_minimum_level_or_better() {
        AgentTarget experts = AgentTarget.skills(SkillRequirement.of("billing", 7));

        assertThat(experts.includes(agent("a1", Skill.of("billing", 7)))).isTrue();
        assertThat(experts.includes(agent("a2", Skill.of("billing", 6)))).isFalse();
        assertThat(experts.includes(agent("a3"))).isFalse();
    }

    @Test
    void a_named_target_takes_only_the_named_agents() {
        AgentTarget team = AgentTarget.agents(AgentId.of("a1"));

        assertThat(team.includes(agent("a1"))).isTrue();
        assertThat(team.includes(agent("a2"))).isFalse();
        assertThat(AgentTarget.ANY_MEMBER.includes(agent("a2"))).isTrue();
    }

    @Test
    void a_target_names_each_skill_once() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AgentTarget.skills(SkillRequirement.of("billing", 3), SkillRequirement.of("billing", 5)))
                .withMessageContaining("billing");
    }

    @Test
    void a_step_made_the_old_way_is_open_to_any_member_and_never_skipped() {
        WorkflowStep step = new WorkflowStep(QueueId.of("billing"), 0, Duration.ofSeconds(30));

        assertThat(step.target()).isEqualTo(AgentTarget.ANY_MEMBER);
        assertThat(step.skipWhenNoneAvailable()).isFalse();
        assertThat(step.skippedWhenNoneAvailable().skipWhenNoneAvailable()).isTrue();
    }

    @Test
    void a_preference_lapses_at_its_deadline() {
        Instant noon = Instant.parse("2026-01-01T12:00:00Z");
        PreferredAgent preferred = new PreferredAgent(AgentId.of("a1"), noon);

        assertThat(preferred.holdsAt(noon.minusSeconds(1))).isTrue();
        assertThat(preferred.holdsAt(noon)).isFalse();
    }
}
