package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.AgentTarget;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.Workflow;
import io.switchboard.core.routing.WorkflowStep;
import io.switchboard.queue.selection.QueueSetup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The router asks the selector: the queue's strategy, fairness over queues, workflow steps, today's statistics. */
class InboundSelectionTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private static final Optional<String> VIP = Optional.of("vip");

    private final RoutingWorld world = new RoutingWorld();

    @Test
    void a_fewest_calls_queue_offers_the_agent_who_took_fewest_of_its_calls_today_even_if_another_was_idle_longer() {
        world.queue("support", RoutingStrategy.FEWEST_CALLS)
                .available("a1", "support", Duration.ofMinutes(9))
                .available("a2", "support", Duration.ofMinutes(1));
        takesACall("c1");
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1");
        world.clock.advance(Duration.ofMinutes(5));
        world.agentBecomesAvailable("a2");

        world.callArrives("c2", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2");
    }

    @Test
    void a_least_talk_time_queue_offers_the_agent_who_talked_least_today_even_if_another_was_idle_longer() {
        world.queue("support", RoutingStrategy.LEAST_TALK_TIME)
                .available("a1", "support", Duration.ofMinutes(9))
                .available("a2", "support", Duration.ofMinutes(1));
        takesACall("c1", Duration.ofMinutes(4));
        takesACall("c2", Duration.ofMinutes(1));
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2");

        world.callArrives("c3", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2", "SIP/a2");
    }

    @Test
    void a_least_recent_queue_offers_the_agent_who_finished_none_of_its_calls_today_before_one_who_did() {
        world.queue("support", RoutingStrategy.LEAST_RECENT).queue("sales", RoutingStrategy.LONGEST_IDLE)
                .availableIn("a1", Duration.ofMinutes(9), "support", "sales")
                .availableIn("a2", Duration.ofMinutes(1), "support", "sales");
        takesACall("c1");
        world.clock.advance(Duration.ofMinutes(1));
        world.callArrives("c2", Optional.of("sales"));
        world.agentAnswers(world.pbx.lastRing().agentLeg());
        world.callerHangsUp("c2");
        world.timersFire();
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2");

        world.callArrives("c3", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2", "SIP/a2");
    }

    @Test
    void a_round_robin_queue_offers_the_next_agent_after_the_one_it_offered_last() {
        world.queue("support", RoutingStrategy.ROUND_ROBIN_MEMORY)
                .available("a1", "support", Duration.ofMinutes(5))
                .available("a2", "support", Duration.ofMinutes(1))
                .available("a3", "support", Duration.ofMinutes(9));
        takesACall("c1");

        world.callArrives("c2", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2");
    }

    @Test
    void a_ring_all_queue_rings_only_the_first_agent_of_the_offer_until_a_task_can_hold_several_reservations() {
        world.queue("support", RoutingStrategy.RING_ALL)
                .available("a1", "support", Duration.ofMinutes(1))
                .available("a2", "support", Duration.ofMinutes(9));

        world.callArrives("c1", SUPPORT);
        assertThat(world.pbx.devicesRung()).as("see docs/routing.md, not done yet").containsExactly("SIP/a1");

        world.agentPhoneIsNotAnswered(world.pbx.lastRing().agentLeg());
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2");
    }

    @Test
    void a_free_agent_takes_the_caller_of_the_higher_priority_queue_over_one_who_waited_longer_elsewhere() {
        world.queue("support", RoutingStrategy.LONGEST_IDLE)
                .queue(withSteps("vip", new WorkflowStep(QueueId.of("vip"), 5, Duration.ZERO)))
                .availableIn("a1", Duration.ofMinutes(1), "support", "vip");
        world.states.put("a1", AgentState.PAUSED, world.clock.instant());
        world.callArrives("c1", SUPPORT);
        world.clock.advance(Duration.ofSeconds(30));
        world.callArrives("c2", VIP);

        world.agentBecomesAvailable("a1");

        assertThat(world.pbx.rings).singleElement().satisfies(ring -> assertThat(ring.call().value()).isEqualTo("c2"));
    }

    @Test
    void at_equal_priority_a_free_agent_takes_the_caller_who_waited_longest_over_all_their_queues() {
        world.queue("support", RoutingStrategy.LONGEST_IDLE).queue("vip", RoutingStrategy.LONGEST_IDLE)
                .availableIn("a1", Duration.ofMinutes(1), "support", "vip");
        world.states.put("a1", AgentState.PAUSED, world.clock.instant());
        world.callArrives("c1", VIP);
        world.clock.advance(Duration.ofSeconds(30));
        world.callArrives("c2", SUPPORT);

        world.agentBecomesAvailable("a1");

        assertThat(world.pbx.rings).singleElement().satisfies(ring -> assertThat(ring.call().value()).isEqualTo("c1"));
    }

    @Test
    void a_caller_deciding_while_the_router_still_reads_a_freed_agent_does_not_overtake_an_older_caller_of_theirs() {
        world.queue("support", RoutingStrategy.LONGEST_IDLE).queue("vip", RoutingStrategy.LONGEST_IDLE)
                .availableIn("a1", Duration.ofMinutes(1), "support", "vip");
        world.states.put("a1", AgentState.PAUSED, world.clock.instant());
        world.callArrives("c1", VIP);
        world.clock.advance(Duration.ofSeconds(30));
        world.directory.holdFinds();
        world.agentApiStores("a1", AgentState.AVAILABLE);

        world.callArrives("c2", SUPPORT);
        world.directory.answerFinds();

        assertThat(world.pbx.rings).singleElement().satisfies(ring -> assertThat(ring.call().value()).isEqualTo("c1"));
    }

    @Test
    void a_caller_waits_for_the_expert_while_the_first_step_lasts_then_goes_to_any_member_when_its_timer_fires() {
        world.queue(withSteps("support",
                        new WorkflowStep(QueueId.of("support"), 0, Duration.ofSeconds(30))
                                .targeting(AgentTarget.agents(AgentId.of("expert"))),
                        new WorkflowStep(QueueId.of("support"), 0, Duration.ZERO)))
                .paused("expert", "support")
                .available("a2", "support", Duration.ofMinutes(1));

        world.callArrives("c1", SUPPORT);
        assertThat(world.pbx.rings).isEmpty();
        assertThat(world.timerDelays).containsExactly(Duration.ofSeconds(30));

        world.clock.advance(Duration.ofSeconds(30));
        world.timersFire();

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a2");
    }

    @Test
    void the_calls_of_today_start_again_from_none_at_midnight_utc() {
        world.clock.advance(Duration.ofHours(14).plusMinutes(50));
        world.queue("support", RoutingStrategy.FEWEST_CALLS)
                .available("a1", "support", Duration.ofMinutes(9))
                .available("a2", "support", Duration.ofMinutes(1));
        takesACall("c1");
        world.clock.advance(Duration.ofMinutes(20));
        assertThat(world.clock.instant()).isEqualTo(Instant.parse("2026-11-25T00:10:03Z"));

        world.callArrives("c2", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a1");
    }

    @Test
    void a_caller_who_waited_past_midnight_is_offered_by_the_calls_of_the_new_day() {
        world.clock.advance(Duration.ofHours(14).plusMinutes(50));
        world.queue("support", RoutingStrategy.FEWEST_CALLS)
                .paused("expert", "support")
                .available("a1", "support", Duration.ofMinutes(9))
                .available("a2", "support", Duration.ofMinutes(1));
        takesACall("c1");
        world.queue(withSteps("support", RoutingStrategy.FEWEST_CALLS,
                new WorkflowStep(QueueId.of("support"), 0, Duration.ofSeconds(60))
                        .targeting(AgentTarget.agents(AgentId.of("expert"))),
                new WorkflowStep(QueueId.of("support"), 0, Duration.ZERO)));
        world.clock.advance(Duration.ofMinutes(9).plusSeconds(30));
        world.callArrives("c2", SUPPORT);
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1");

        world.clock.advance(Duration.ofSeconds(60));
        world.timersFire();

        assertThat(world.clock.instant()).isAfter(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(world.pbx.devicesRung()).as("a1's call was yesterday's").containsExactly("SIP/a1", "SIP/a1");
    }

    @Test
    void the_day_of_the_statistics_ends_at_midnight_of_the_configured_zone() {
        RoutingWorld berlin = new RoutingWorld(new InboundRules(3, ZoneId.of("Europe/Berlin")));
        RoutingWorld utc = new RoutingWorld(new InboundRules(3, ZoneId.of("UTC")));
        for (RoutingWorld w : List.of(berlin, utc)) {
            w.clock.advance(Duration.ofHours(13).plusMinutes(50));
            w.queue("support", RoutingStrategy.FEWEST_CALLS)
                    .available("a1", "support", Duration.ofMinutes(9))
                    .available("a2", "support", Duration.ofMinutes(1));
            takesACall(w, "c1");
            w.clock.advance(Duration.ofMinutes(20));
            w.callArrives("c2", SUPPORT);
        }

        assertThat(berlin.pbx.devicesRung()).as("00:10 in Berlin: a new day").containsExactly("SIP/a1", "SIP/a1");
        assertThat(utc.pbx.devicesRung()).as("23:10 UTC: the same day").containsExactly("SIP/a1", "SIP/a2");
    }

    private void takesACall(String call) {
        takesACall(world, call);
    }

    private void takesACall(String call, Duration talking) {
        world.callArrives(call, SUPPORT);
        world.agentAnswers(world.pbx.lastRing().agentLeg());
        world.clock.advance(talking);
        world.callerHangsUp(call);
        world.timersFire();
    }

    /** The call rings the agent the queue picks, who answers and talks until the caller hangs up; no wrap-up. */
    private static void takesACall(RoutingWorld w, String call) {
        w.callArrives(call, SUPPORT);
        w.agentAnswers(w.pbx.lastRing().agentLeg());
        w.callerHangsUp(call);
        w.timersFire();
    }

    private static QueueSetup withSteps(String queue, WorkflowStep... steps) {
        return withSteps(queue, RoutingStrategy.LONGEST_IDLE, steps);
    }

    private static QueueSetup withSteps(String queue, RoutingStrategy strategy, WorkflowStep... steps) {
        TaskQueue config = TaskQueue.of(QueueId.of(queue), queue, strategy);
        return QueueSetup.of(config).withWorkflow(new Workflow(queue, List.of(steps)));
    }
}
