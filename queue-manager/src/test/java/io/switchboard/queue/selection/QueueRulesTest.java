package io.switchboard.queue.selection;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.SkillRequirement;
import io.switchboard.core.routing.TaskQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.switchboard.queue.selection.Agents.available;
import static io.switchboard.queue.selection.Agents.in;
import static io.switchboard.queue.selection.Agents.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The queue rules as pure decisions: who may join, when waiting callers leave, when they time out. */
class QueueRulesTest {

    private static final TaskQueue SUPPORT = TaskQueue.of(QueueId.of("support"), "support", RoutingStrategy.LINEAR);
    private static final QueueRules JOIN_UNLESS_PAUSED_OR_ABSENT = new QueueRules(
            EnumSet.of(EmptyCondition.PAUSED, EmptyCondition.UNAVAILABLE), Set.of(), Map.of());
    private static final QueueRules LEAVE_WHEN_ALL_PAUSED = new QueueRules(Set.of(),
            EnumSet.of(EmptyCondition.PAUSED), Map.of());

    @Test
    void without_a_join_policy_a_caller_joins_a_queue_with_no_members_at_all() {
        assertThat(QueueRules.NONE.refusal(SUPPORT, 0, List.of())).isEmpty();
    }

    @Test
    void a_caller_finding_only_paused_or_unreachable_members_is_refused_as_joinempty() {
        List<AgentSnapshot> members = List.of(in(AgentState.PAUSED, "ann").serving("support").snapshot(),
                available("bob").serving("support").withoutDevice().snapshot());

        assertThat(JOIN_UNLESS_PAUSED_OR_ABSENT.refusal(SUPPORT, 0, members)).contains(ExitReason.JOINEMPTY);
    }

    @Test
    void a_member_on_a_call_still_counts_unless_in_use_is_listed() {
        List<AgentSnapshot> busy = List.of(in(AgentState.ON_CALL, "ann").serving("support").snapshot());

        assertThat(JOIN_UNLESS_PAUSED_OR_ABSENT.refusal(SUPPORT, 0, busy)).isEmpty();
        assertThat(new QueueRules(EnumSet.of(EmptyCondition.IN_USE), Set.of(), Map.of()).refusal(SUPPORT, 0, busy))
                .contains(ExitReason.JOINEMPTY);
    }

    @Test
    void logged_out_members_and_members_of_other_queues_never_count() {
        List<AgentSnapshot> members = List.of(in(AgentState.LOGGED_OUT, "ann").serving("support").snapshot(),
                available("bob").serving("sales").snapshot());

        assertThat(JOIN_UNLESS_PAUSED_OR_ABSENT.refusal(SUPPORT, 0, members)).contains(ExitReason.JOINEMPTY);
    }

    @Test
    void each_condition_names_the_state_app_queue_names() {
        TaskQueue skilled = new TaskQueue(SUPPORT.id(), "support", RoutingStrategy.LINEAR,
                List.of(SkillRequirement.of("billing", 5)), Duration.ZERO, 0, Duration.ZERO, Duration.ofSeconds(15));
        assertThat(EmptyCondition.RINGING.holds(in(AgentState.RESERVED, "a").snapshot(), SUPPORT)).isTrue();
        assertThat(EmptyCondition.WRAP_UP.holds(in(AgentState.WRAP_UP, "a").snapshot(), SUPPORT)).isTrue();
        assertThat(EmptyCondition.IN_USE.holds(available("a").onTheirOwnCall().snapshot(), SUPPORT)).isTrue();
        assertThat(EmptyCondition.UNAVAILABLE.holds(available("a").withoutDevice().withLineOpen().snapshot(),
                SUPPORT)).isFalse();
        assertThat(EmptyCondition.UNQUALIFIED.holds(available("a", skill("billing", 4)).serving("support")
                .snapshot(), skilled)).isTrue();
        assertThat(EmptyCondition.UNQUALIFIED.holds(available("a", skill("billing", 5)).serving("support")
                .snapshot(), skilled)).isFalse();
    }

    @Test
    void a_caller_arriving_when_max_length_callers_wait_is_refused_as_full_and_one_fewer_lets_them_in() {
        TaskQueue two = new TaskQueue(SUPPORT.id(), "support", RoutingStrategy.LINEAR, List.of(), Duration.ZERO, 2,
                Duration.ZERO, Duration.ofSeconds(15));

        assertThat(QueueRules.NONE.refusal(two, 2, List.of())).contains(ExitReason.FULL);
        assertThat(QueueRules.NONE.refusal(two, 1, List.of())).isEmpty();
    }

    @Test
    void joinempty_is_checked_before_full_as_app_queue_does() {
        TaskQueue one = new TaskQueue(SUPPORT.id(), "support", RoutingStrategy.LINEAR, List.of(), Duration.ZERO, 1,
                Duration.ZERO, Duration.ofSeconds(15));

        assertThat(JOIN_UNLESS_PAUSED_OR_ABSENT.refusal(one, 5, List.of())).contains(ExitReason.JOINEMPTY);
    }

    @Test
    void waiting_callers_leave_when_the_last_member_not_paused_pauses_and_stay_while_one_is_on_a_call() {
        AgentSnapshot paused = in(AgentState.PAUSED, "ann").serving("support").snapshot();
        AgentSnapshot talking = in(AgentState.ON_CALL, "bob").serving("support").snapshot();

        assertThat(LEAVE_WHEN_ALL_PAUSED.mustLeave(SUPPORT, List.of(paused))).isTrue();
        assertThat(LEAVE_WHEN_ALL_PAUSED.mustLeave(SUPPORT, List.of(paused, talking))).isFalse();
        assertThat(QueueRules.NONE.mustLeave(SUPPORT, List.of())).as("no leave policy").isFalse();
    }

    @Test
    void a_caller_times_out_max_wait_after_entering_and_never_without_a_max_wait() {
        TaskQueue minute = new TaskQueue(SUPPORT.id(), "support", RoutingStrategy.LINEAR, List.of(), Duration.ZERO,
                0, Duration.ofSeconds(60), Duration.ofSeconds(15));

        assertThat(QueueRules.deadline(minute, FakeClock.START)).contains(FakeClock.START.plusSeconds(60));
        assertThat(QueueRules.deadline(SUPPORT, FakeClock.START)).isEmpty();
    }

    @Test
    void every_reason_hangs_up_unless_an_exit_is_set() {
        QueueRules rules = QueueRules.NONE.withExit(ExitReason.TIMEOUT, new QueueExit.Overflow(QueueId.of("sales")))
                .withExit(ExitReason.LEAVEEMPTY, new QueueExit.Extension("voicemail", "8001"));

        assertThat(rules.exitFor(ExitReason.TIMEOUT)).isEqualTo(new QueueExit.Overflow(QueueId.of("sales")));
        assertThat(rules.exitFor(ExitReason.LEAVEEMPTY)).isEqualTo(new QueueExit.Extension("voicemail", "8001"));
        assertThat(rules.exitFor(ExitReason.FULL)).isEqualTo(QueueExit.HANG_UP);
    }

    @Test
    void a_queue_may_not_overflow_to_itself_and_an_extension_must_be_one_the_glue_can_reach() {
        QueueRules toItself = QueueRules.NONE.withExit(ExitReason.FULL, new QueueExit.Overflow(SUPPORT.id()));

        assertThatThrownBy(() -> QueueSetup.of(SUPPORT).withRules(toItself)).hasMessageContaining("itself");
        assertThatThrownBy(() -> new QueueExit.Extension("voicemail", "80 01")).hasMessageContaining("extension");
        assertThatThrownBy(() -> new QueueExit.Extension("", "8001")).hasMessageContaining("context");
    }
}
