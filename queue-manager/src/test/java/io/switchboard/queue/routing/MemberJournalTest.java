package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership steps the router journals, as app_queue logs ADDMEMBER, REMOVEMEMBER, PAUSE and UNPAUSE for
 * a dynamic member: a login or logout, a pause by hand or after missed offers, and its end.
 */
class MemberJournalTest {

    private static final QueueId SUPPORT = QueueId.of("support");

    @Test
    void a_feature_code_login_journals_the_agent_added_to_their_queue() {
        EngineWorld world = new EngineWorld().queue("support", Duration.ZERO);
        world.agent("a1", "support", AgentState.LOGGED_OUT);

        world.featureCode("a1", true);

        assertThat(memberSteps(world.journal)).singleElement().isInstanceOfSatisfying(JournalEntry.MemberAdded.class,
                added -> {
                    assertThat(added.agent()).isEqualTo(AgentId.of("a1"));
                    assertThat(added.queues()).containsExactly(SUPPORT);
                    assertThat(added.paused()).isFalse();
                });
    }

    @Test
    void a_feature_code_logout_journals_the_agent_removed_from_their_queue() {
        EngineWorld world = new EngineWorld().queue("support", Duration.ZERO);
        world.agent("a1", "support", AgentState.AVAILABLE);

        world.featureCode("a1", false);

        assertThat(memberSteps(world.journal)).singleElement().isInstanceOfSatisfying(
                JournalEntry.MemberRemoved.class, removed -> assertThat(removed.queues()).containsExactly(SUPPORT));
    }

    @Test
    void a_login_of_an_agent_already_logged_in_journals_nothing() {
        EngineWorld world = new EngineWorld().queue("support", Duration.ZERO);
        world.agent("a1", "support", AgentState.AVAILABLE);

        world.featureCode("a1", true);

        assertThat(memberSteps(world.journal)).isEmpty();
    }

    @Test
    void an_agent_missing_three_offers_is_journaled_paused_with_reason_no_answer() {
        RoutingWorld world = new RoutingWorld();
        world.available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", Optional.of("support"));

        for (int i = 0; i < 3; i++) {
            world.agentPhoneIsNotAnswered(world.pbx.lastRing().agentLeg());
        }

        assertThat(memberSteps(world.journal)).singleElement().isInstanceOfSatisfying(JournalEntry.Paused.class,
                paused -> {
                    assertThat(paused.reason()).contains(ReasonCode.NO_ANSWER);
                    assertThat(paused.queues()).containsExactly(SUPPORT);
                });
    }

    @Test
    void a_paused_agent_made_available_through_the_api_is_journaled_unpaused_once() {
        RoutingWorld world = new RoutingWorld();
        world.paused("a1", "support");
        world.callArrives("c1", Optional.of("support"));

        world.agentApiStores("a1", AgentState.AVAILABLE);

        assertThat(memberSteps(world.journal)).singleElement().isInstanceOf(JournalEntry.Unpaused.class);
    }

    @Test
    void an_agent_paused_through_the_api_before_the_router_met_them_is_journaled_with_their_directory_queues() {
        RoutingWorld world = new RoutingWorld();
        world.available("a1", "support", Duration.ofMinutes(1));

        world.agentApiStores("a1", AgentState.PAUSED);

        assertThat(memberSteps(world.journal)).singleElement().isInstanceOfSatisfying(JournalEntry.Paused.class,
                paused -> assertThat(paused.queues()).containsExactly(SUPPORT));
    }

    @Test
    void a_call_taken_and_wrapped_up_is_no_membership_step() {
        RoutingWorld world = new RoutingWorld();
        world.available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", Optional.of("support"));

        world.agentAnswers(world.pbx.lastRing().agentLeg());
        world.callerHangsUp("c1");
        world.timersFire();

        assertThat(memberSteps(world.journal)).isEmpty();
    }

    private static List<JournalEntry> memberSteps(List<JournalEntry> journal) {
        return journal.stream().filter(JournalEntry.MemberStep.class::isInstance).toList();
    }
}
