package io.switchboard.queue.selection;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.AgentId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.switchboard.core.routing.RoutingStrategy.FEWEST_CALLS;
import static io.switchboard.core.routing.RoutingStrategy.LEAST_RECENT;
import static io.switchboard.core.routing.RoutingStrategy.LEAST_TALK_TIME;
import static io.switchboard.core.routing.RoutingStrategy.LINEAR;
import static io.switchboard.core.routing.RoutingStrategy.LONGEST_IDLE;
import static io.switchboard.core.routing.RoutingStrategy.RANDOM;
import static io.switchboard.core.routing.RoutingStrategy.RING_ALL;
import static io.switchboard.core.routing.RoutingStrategy.RING_PROGRESSIVELY;
import static io.switchboard.core.routing.RoutingStrategy.ROUND_ROBIN_MEMORY;
import static io.switchboard.core.routing.RoutingStrategy.WEIGHTED_RANDOM;
import static io.switchboard.queue.selection.Agents.available;
import static io.switchboard.queue.selection.FakeClock.START;
import static io.switchboard.queue.selection.SelectionWorld.offerOf;
import static io.switchboard.queue.selection.SelectionWorld.queue;
import static org.assertj.core.api.Assertions.assertThat;

class StrategyTest {

    private final SelectionWorld world = new SelectionWorld();

    @Test
    void ring_all_rings_every_available_member_of_the_lowest_penalty_at_once() {
        world.with(queue("sales", RING_ALL))
                .with(available("a1").serving("sales"), available("a2").serving("sales"),
                        available("a0-backup").serving("sales", 1));

        Selection.Offer offer = offerOf(world.agentFor(world.call("t1", "sales")));

        assertThat(offer.agents()).extracting(AgentId::value).containsExactly("a1", "a2");
        assertThat(offer.stagger()).isZero();
    }

    @Test
    void longest_idle_offers_the_agent_free_the_longest_over_all_queues() {
        world.with(queue("sales", LONGEST_IDLE))
                .with(available("recent").serving("sales").idleSince(START.minusSeconds(10)),
                        available("bored").serving("sales").idleSince(START.minusSeconds(300)));

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("bored");
    }

    @Test
    void least_recent_offers_who_finished_a_task_of_this_queue_longest_ago_and_a_newcomer_first() {
        world.with(queue("sales", LEAST_RECENT))
                .with(available("a1").serving("sales").lastEndedTaskOf("sales", START.minusSeconds(60)),
                        available("a2").serving("sales").lastEndedTaskOf("sales", START.minusSeconds(600)));
        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("a2");

        world.with(available("newcomer").serving("sales"));
        assertThat(world.offeredFor(world.call("t2", "sales"))).containsExactly("newcomer");
    }

    @Test
    void fewest_calls_counts_only_this_queues_calls_today() {
        world.with(queue("sales", FEWEST_CALLS))
                .with(available("a1").serving("sales").tookToday("sales", 5).tookToday("support", 0),
                        available("a2").serving("sales").tookToday("sales", 2).tookToday("support", 40));

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("a2");
    }

    @Test
    void least_talk_time_offers_who_talked_least_today() {
        world.with(queue("sales", LEAST_TALK_TIME))
                .with(available("chatty").serving("sales").talkedToday(Duration.ofMinutes(90)),
                        available("quiet").serving("sales").talkedToday(Duration.ofMinutes(20)));

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("quiet");
    }

    @Test
    void linear_always_starts_from_the_first_member_in_configured_order() {
        world.with(QueueSetup.of(queue("sales", LINEAR)).withMemberOrder(ids("c", "a", "b")))
                .with(available("a").serving("sales"), available("b").serving("sales"), available("c").serving("sales"));

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("c");
        assertThat(world.offeredFor(world.call("t2", "sales"))).containsExactly("c");
    }

    @Test
    void round_robin_starts_after_the_agent_offered_last_and_wraps_round() {
        world.with(QueueSetup.of(queue("sales", ROUND_ROBIN_MEMORY)).withMemberOrder(ids("c", "a", "b")))
                .with(available("a").serving("sales"), available("b").serving("sales"), available("c").serving("sales"));

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("c");
        assertThat(world.offeredFor(world.call("t2", "sales"))).containsExactly("a");
        assertThat(world.offeredFor(world.call("t3", "sales"))).containsExactly("b");
        assertThat(world.offeredFor(world.call("t4", "sales"))).containsExactly("c");
    }

    @Test
    void round_robin_skips_a_busy_agent_and_remembers_who_it_offered_to() {
        world.with(QueueSetup.of(queue("sales", ROUND_ROBIN_MEMORY)).withMemberOrder(ids("a", "b", "c")))
                .with(available("a").serving("sales"), Agents.in(AgentState.ON_CALL, "b").serving("sales"),
                        available("c").serving("sales"));

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("a");
        Selection.Offer second = offerOf(world.agentFor(world.call("t2", "sales")));

        assertThat(second.agents()).containsExactly(AgentId.of("c"));
        assertThat(second.memory().lastOfferedIn(second.queue())).contains(AgentId.of("c"));
    }

    @Test
    void random_draws_uniformly_among_the_lowest_penalty() {
        world.with(queue("sales", RANDOM))
                .with(available("a1").serving("sales"), available("a2").serving("sales"),
                        available("a0-backup").serving("sales", 3));
        world.random.willDrawInt(1);

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("a2");
    }

    @Test
    void weighted_random_makes_a_lower_penalty_more_likely_but_not_certain() {
        world.with(queue("sales", WEIGHTED_RANDOM))
                .with(available("main").serving("sales", 0), available("backup").serving("sales", 1));
        // weights 1 and 1/2: main owns [0, 2/3) of the draw, backup [2/3, 1)
        world.random.willDrawDouble(0.6);
        world.random.willDrawDouble(0.7);

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("main");
        assertThat(world.offeredFor(world.call("t2", "sales"))).containsExactly("backup");
    }

    @Test
    void ring_progressively_lists_members_in_order_one_interval_apart() {
        world.with(QueueSetup.of(queue("sales", RING_PROGRESSIVELY)).withMemberOrder(ids("b", "a"))
                        .withRingInterval(Duration.ofSeconds(5)))
                .with(available("a").serving("sales"), available("b").serving("sales"),
                        available("backup").serving("sales", 1));

        Selection.Offer offer = offerOf(world.agentFor(world.call("t1", "sales")));

        assertThat(offer.agents()).extracting(AgentId::value).containsExactly("b", "a", "backup");
        assertThat(offer.stagger()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_lower_penalty_wins_over_a_better_metric() {
        world.with(queue("sales", LONGEST_IDLE))
                .with(available("overflow").serving("sales", 2).idleSince(START.minusSeconds(3600)),
                        available("core").serving("sales", 0).idleSince(START.minusSeconds(5)));

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("core");
    }

    @Test
    void a_higher_penalty_is_offered_when_every_lower_one_is_busy() {
        world.with(queue("sales", RING_ALL))
                .with(Agents.in(AgentState.ON_CALL, "core").serving("sales", 0),
                        available("overflow").serving("sales", 2));

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("overflow");
    }

    @Test
    void equal_agents_are_told_apart_by_id_so_a_snapshot_always_gives_the_same_answer() {
        world.with(queue("sales", FEWEST_CALLS))
                .with(available("b").serving("sales"), available("a").serving("sales"));

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("a");
    }

    private static List<AgentId> ids(String... ids) {
        return java.util.Arrays.stream(ids).map(AgentId::of).toList();
    }
}
