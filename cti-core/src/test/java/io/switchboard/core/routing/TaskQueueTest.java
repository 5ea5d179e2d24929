package io.switchboard.core.routing;

import io.switchboard.core.id.QueueId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.switchboard.core.fixtures.Agents.agent;
import static io.switchboard.core.fixtures.Agents.memberOf;
import static io.switchboard.core.fixtures.Agents.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaskQueueTest {

    private static final QueueId BILLING = QueueId.of("billing");

    private final TaskQueue billing = new TaskQueue(BILLING, "Billing", RoutingStrategy.LONGEST_IDLE,
            List.of(SkillRequirement.of("billing", 5)), Duration.ofSeconds(30), 20,
            Duration.ofMinutes(10), Duration.ofSeconds(15));

    @Test
    void a_member_with_every_required_skill_at_the_minimum_level_qualifies() {
        assertThat(billing.isQualified(memberOf("a1", List.of("billing"), skill("billing", 5)))).isTrue();
        assertThat(billing.isQualified(memberOf("a2", List.of("billing"), skill("billing", 4)))).isFalse();
        assertThat(billing.isQualified(agent("a3", skill("billing", 9)))).as("not a member").isFalse();
    }

    @Test
    void a_queue_is_full_at_its_max_length_unless_unlimited() {
        assertThat(billing.isFull(19)).isFalse();
        assertThat(billing.isFull(20)).isTrue();
        assertThat(TaskQueue.of(BILLING, "Billing", RoutingStrategy.RING_ALL).isFull(10_000)).isFalse();
    }

    @Test
    void a_task_has_waited_too_long_after_the_max_wait_unless_unlimited() {
        assertThat(billing.hasWaitedTooLong(Duration.ofMinutes(10))).isFalse();
        assertThat(billing.hasWaitedTooLong(Duration.ofMinutes(10).plusMillis(1))).isTrue();
        assertThat(TaskQueue.of(BILLING, "Billing", RoutingStrategy.RING_ALL).hasWaitedTooLong(Duration.ofDays(1)))
                .isFalse();
    }

    @Test
    void a_queue_rejects_invalid_settings_naming_the_field() {
        assertThatIllegalArgumentException().isThrownBy(() -> queue(Duration.ofSeconds(-1), 0, Duration.ZERO,
                Duration.ofSeconds(15))).withMessageContaining("wrapUp");
        assertThatIllegalArgumentException().isThrownBy(() -> queue(Duration.ZERO, -1, Duration.ZERO,
                Duration.ofSeconds(15))).withMessageContaining("maxLength");
        assertThatIllegalArgumentException().isThrownBy(() -> queue(Duration.ZERO, 0, Duration.ofSeconds(-1),
                Duration.ofSeconds(15))).withMessageContaining("maxWait");
        assertThatIllegalArgumentException().isThrownBy(() -> queue(Duration.ZERO, 0, Duration.ZERO,
                Duration.ZERO)).withMessageContaining("reservationTimeout");
    }

    @Test
    void a_queue_needs_a_name_and_distinct_skill_requirements_within_1_to_10() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TaskQueue.of(BILLING, " ", RoutingStrategy.RANDOM))
                .withMessageContaining("name");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SkillRequirement.of("billing", 11))
                .withMessageContaining("minimumLevel");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TaskQueue(BILLING, "Billing", RoutingStrategy.RANDOM,
                        List.of(SkillRequirement.of("billing", 2), SkillRequirement.of("billing", 3)),
                        Duration.ZERO, 0, Duration.ZERO, Duration.ofSeconds(15)))
                .withMessageContaining("requiredSkills");
    }

    @Test
    void every_app_queue_and_mod_callcenter_strategy_has_a_name() {
        assertThat(RoutingStrategy.values()).extracting(Enum::name).containsExactly(
                "RING_ALL", "LONGEST_IDLE", "LEAST_RECENT", "FEWEST_CALLS", "LEAST_TALK_TIME",
                "ROUND_ROBIN_MEMORY", "LINEAR", "RANDOM", "WEIGHTED_RANDOM", "RING_PROGRESSIVELY");
    }

    private static TaskQueue queue(Duration wrapUp, int maxLength, Duration maxWait, Duration reservationTimeout) {
        return new TaskQueue(BILLING, "Billing", RoutingStrategy.LINEAR, List.of(),
                wrapUp, maxLength, maxWait, reservationTimeout);
    }
}
