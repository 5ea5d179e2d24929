package io.switchboard.core.agent;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.switchboard.core.fixtures.Agents.agent;
import static io.switchboard.core.fixtures.Agents.memberOf;
import static io.switchboard.core.fixtures.Agents.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentTest {

    @ParameterizedTest(name = "proficiency {0} is rejected")
    @ValueSource(ints = {0, 11, -1, 100})
    void a_skill_rejects_a_proficiency_outside_1_to_10_naming_proficiency(int proficiency) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> skill("billing", proficiency))
                .withMessage("proficiency must be between 1 and 10, was " + proficiency);
    }

    @ParameterizedTest(name = "proficiency {0} is accepted")
    @ValueSource(ints = {1, 5, 10})
    void a_skill_accepts_a_proficiency_from_1_to_10(int proficiency) {
        assertThat(skill("billing", proficiency).proficiency()).isEqualTo(proficiency);
    }

    @Test
    void a_skill_needs_a_name() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> skill(" ", 5))
                .withMessageContaining("skill name");
    }

    @Test
    void an_agent_knows_its_proficiency_in_each_skill() {
        Agent a1 = agent("a1", skill("billing", 7), skill("french", 3));

        assertThat(a1.proficiencyIn("billing")).hasValue(7);
        assertThat(a1.proficiencyIn("sales")).isEmpty();
        assertThat(a1.hasSkill("billing", 7)).isTrue();
        assertThat(a1.hasSkill("billing", 8)).isFalse();
        assertThat(a1.hasSkill("sales", 1)).isFalse();
    }

    @Test
    void an_agent_cannot_list_the_same_skill_twice() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> agent("a1", skill("billing", 7), skill("billing", 3)))
                .withMessageContaining("skills")
                .withMessageContaining("billing");
    }

    @Test
    void an_agent_knows_the_queues_it_serves_and_its_penalty_there() {
        Agent a1 = memberOf("a1", List.of("billing", "sales"));

        assertThat(a1.isMemberOf(QueueId.of("billing"))).isTrue();
        assertThat(a1.isMemberOf(QueueId.of("support"))).isFalse();
        assertThat(a1.membershipOf(QueueId.of("sales"))).map(QueueMembership::penalty).hasValue(0);
    }

    @Test
    void a_queue_membership_rejects_a_negative_penalty() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QueueMembership(QueueId.of("billing"), -1))
                .withMessageContaining("penalty");
    }

    @Test
    void capacity_defaults_to_zero_for_channels_not_listed() {
        Agent a1 = agent("a1");

        assertThat(a1.capacityFor(Channel.VOICE)).isEqualTo(1);
        assertThat(a1.capacityFor(Channel.CHAT)).isZero();
    }

    @Test
    void capacity_must_not_be_negative() {
        Map<Channel, Integer> capacity = Map.of(Channel.CHAT, -1);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Agent(AgentId.of("a1"), "Ann", List.of(), List.of(), capacity, Optional.empty()))
                .withMessageContaining("capacity of CHAT");
    }

    @Test
    void an_agent_needs_a_display_name_and_a_non_blank_device_when_it_has_one() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Agent(AgentId.of("a1"), "", List.of(), List.of(), Agent.VOICE_ONLY, Optional.empty()))
                .withMessageContaining("displayName");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Agent(AgentId.of("a1"), "Ann", List.of(), List.of(), Agent.VOICE_ONLY, Optional.of(" ")))
                .withMessageContaining("device");
    }

    @Test
    void an_agent_keeps_its_own_copies_of_the_collections_it_was_given() {
        List<Skill> skills = new ArrayList<>(List.of(skill("billing", 7)));
        Map<Channel, Integer> capacity = new EnumMap<>(Map.of(Channel.VOICE, 1));
        Agent a1 = new Agent(AgentId.of("a1"), "Ann", skills, List.of(), capacity, Optional.empty());

        skills.add(skill("sales", 2));
        capacity.put(Channel.CHAT, 3);

        assertThat(a1.skills()).hasSize(1);
        assertThat(a1.capacityFor(Channel.CHAT)).isZero();
        assertThatThrownBy(() -> a1.skills().add(skill("x", 1))).isInstanceOf(UnsupportedOperationException.class);
    }
}
