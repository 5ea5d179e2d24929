package io.switchboard.queue.selection;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.switchboard.core.routing.RoutingStrategy.FEWEST_CALLS;
import static io.switchboard.core.routing.RoutingStrategy.LINEAR;
import static io.switchboard.core.routing.RoutingStrategy.RING_ALL;
import static io.switchboard.queue.selection.Agents.available;
import static io.switchboard.queue.selection.SelectionWorld.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgentPoolTest {

    private static final QueueId SALES = QueueId.of("sales");
    private static final QueueId SUPPORT = QueueId.of("support");

    private final AgentPool pool = new AgentPool(List.of(QueueSetup.of(queue("sales", FEWEST_CALLS)),
            QueueSetup.of(queue("support", RING_ALL))));

    @Test
    void an_available_agent_counts_in_every_queue_they_serve() {
        pool.put(available("a1").serving("sales", "support").snapshot());

        assertThat(pool.offerableCount(SALES)).isEqualTo(1);
        assertThat(pool.offerableCount(SUPPORT)).isEqualTo(1);
    }

    @Test
    void an_agent_who_takes_a_call_leaves_every_queue_but_stays_known() {
        pool.put(available("a1").serving("sales", "support").snapshot());
        pool.put(Agents.in(AgentState.ON_CALL, "a1").serving("sales", "support").snapshot());

        assertThat(pool.offerableCount(SALES)).isZero();
        assertThat(pool.offerableCount(SUPPORT)).isZero();
        assertThat(pool.agent(AgentId.of("a1"))).get().extracting(AgentSnapshot::state).isEqualTo(AgentState.ON_CALL);
    }

    @Test
    void a_new_figure_moves_the_agent_to_their_new_place_in_the_queue() {
        pool.put(available("a1").serving("sales").tookToday("sales", 1).snapshot());
        pool.put(available("a2").serving("sales").tookToday("sales", 2).snapshot());
        pool.put(available("a1").serving("sales").tookToday("sales", 3).snapshot());

        assertThat(pool.offerableIn(SALES)).extracting(r -> r.snapshot().id().value()).containsExactly("a2", "a1");
    }

    @Test
    void an_agent_who_leaves_a_queue_is_no_longer_in_it() {
        pool.put(available("a1").serving("sales", "support").snapshot());
        pool.put(available("a1").serving("support").snapshot());

        assertThat(pool.offerableCount(SALES)).isZero();
        assertThat(pool.offerableCount(SUPPORT)).isEqualTo(1);
    }

    @Test
    void a_removed_agent_is_forgotten() {
        pool.put(available("a1").serving("sales").snapshot());
        pool.remove(AgentId.of("a1"));

        assertThat(pool.agent(AgentId.of("a1"))).isEmpty();
        assertThat(pool.offerableCount(SALES)).isZero();
    }

    @Test
    void a_membership_of_a_queue_the_pool_does_not_know_is_ignored() {
        pool.put(available("a1").serving("sales", "elsewhere").snapshot());

        assertThat(pool.offerableCount(SALES)).isEqualTo(1);
        assertThat(pool.offerableCount(QueueId.of("elsewhere"))).isZero();
    }

    @Test
    void asking_for_an_unknown_queue_is_a_bug() {
        assertThatIllegalArgumentException().isThrownBy(() -> pool.setup(QueueId.of("elsewhere")))
                .withMessageContaining("elsewhere");
    }

    @Test
    void a_queue_is_set_up_once() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AgentPool(List.of(QueueSetup.of(queue("sales", RING_ALL)),
                        QueueSetup.of(queue("sales", FEWEST_CALLS)))))
                .withMessageContaining("sales");
    }

    @Test
    void a_queue_added_later_ranks_the_agents_already_known_who_serve_it() {
        pool.put(available("a1").serving("sales", "billing").snapshot());
        pool.put(available("a2").serving("sales").snapshot());

        pool.setQueue(QueueSetup.of(queue("billing", FEWEST_CALLS)));

        assertThat(pool.offerableIn(QueueId.of("billing"))).extracting(r -> r.snapshot().id().value()).containsExactly("a1");
        assertThat(pool.offerableCount(SALES)).isEqualTo(2);
    }

    @Test
    void a_changed_setup_reorders_only_its_queue_by_the_new_member_order() {
        pool.setQueue(QueueSetup.of(queue("sales", LINEAR)).withMemberOrder(List.of(AgentId.of("a1"), AgentId.of("a2"))));
        pool.put(available("a1").serving("sales", "support").snapshot());
        pool.put(available("a2").serving("sales", "support").snapshot());

        pool.setQueue(QueueSetup.of(queue("sales", LINEAR)).withMemberOrder(List.of(AgentId.of("a2"), AgentId.of("a1"))));

        assertThat(pool.offerableIn(SALES)).extracting(r -> r.snapshot().id().value()).containsExactly("a2", "a1");
        assertThat(pool.offerableCount(SUPPORT)).isEqualTo(2);
        assertThat(pool.setup(SALES).memberOrder()).containsExactly(AgentId.of("a2"), AgentId.of("a1"));
    }

    @Test
    void an_agent_who_leaves_after_a_setup_change_leaves_the_changed_queue_too() {
        pool.put(available("a1").serving("sales").snapshot());
        pool.setQueue(QueueSetup.of(queue("sales", RING_ALL)));

        pool.put(available("a1").serving("support").snapshot());

        assertThat(pool.offerableCount(SALES)).isZero();
    }
    @Test
    void a_setup_change_ranks_the_queues_members_as_they_are_now_and_no_one_who_left_it() {
        pool.setQueue(QueueSetup.of(queue("sales", RING_ALL)));
        pool.setQueue(QueueSetup.of(queue("support", RING_ALL)));
        pool.put(available("a1").serving("sales").snapshot());
        pool.put(available("a2").serving("sales").snapshot());
        pool.put(available("a3").serving("support").snapshot());
        pool.put(available("a1").serving("support").snapshot());
        pool.remove(AgentId.of("a2"));
        pool.put(available("a3").serving("sales", "support").snapshot());

        pool.setQueue(QueueSetup.of(queue("sales", LINEAR)).withMemberOrder(List.of(AgentId.of("a3"))));

        assertThat(pool.offerableIn(SALES)).extracting(r -> r.snapshot().id().value()).containsExactly("a3");
        assertThat(pool.offerableIn(SUPPORT)).extracting(r -> r.snapshot().id().value())
                .containsExactlyInAnyOrder("a1", "a3");
    }

    @Test
    void a_removed_member_is_not_ranked_by_a_setup_change_and_is_once_put_again() {
        pool.setQueue(QueueSetup.of(queue("sales", RING_ALL)));
        pool.put(available("a1").serving("sales").snapshot());
        pool.remove(AgentId.of("a1"));
        pool.remove(AgentId.of("a1"));

        pool.setQueue(QueueSetup.of(queue("sales", LINEAR)));
        assertThat(pool.offerableCount(SALES)).isZero();

        pool.put(available("a1").serving("sales").snapshot());
        assertThat(pool.offerableCount(SALES)).isEqualTo(1);
    }
}
