package io.switchboard.queue.selection;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.routing.PreferredAgent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.switchboard.core.routing.RoutingStrategy.LONGEST_IDLE;
import static io.switchboard.core.routing.RoutingStrategy.RING_ALL;
import static io.switchboard.queue.selection.Agents.available;
import static io.switchboard.queue.selection.FakeClock.START;
import static io.switchboard.queue.selection.SelectionWorld.agentsOf;
import static io.switchboard.queue.selection.SelectionWorld.queue;
import static io.switchboard.queue.selection.SelectionWorld.waitOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several PBXs, one agent pool: a queue's {@link AgentScope} and the trunks between PBXs ({@link PbxReach}) decide
 * whether a caller on one PBX may be offered to an agent whose phone is on another.
 */
class AgentScopeTest {

    private static final PbxId AST = PbxId.of("ast");
    private static final PbxId FS = PbxId.of("fs");
    private static final PbxId OTHER = PbxId.of("other");
    /** ast rings fs's phones through a trunk, and fs rings ast's; nobody reaches "other". */
    private static final PbxReach TRUNKS = new PbxReach(Map.of(
            AST, Map.of(FS, "PJSIP/{device}@trunk-fs"),
            FS, Map.of(AST, "sofia/gateway/trunk-ast/{device}")), Map.of());

    private final SelectionWorld world = new SelectionWorld()
            .with(queue("local", RING_ALL))
            .with(QueueSetup.of(queue("any", RING_ALL)).withAgentScope(AgentScope.ANY))
            .with(QueueSetup.of(queue("any-first", LONGEST_IDLE)).withAgentScope(AgentScope.ANY));

    AgentScopeTest() {
        world.pool().reach(TRUNKS);
    }

    @Test
    void a_queue_is_local_unless_told_otherwise() {
        assertThat(QueueSetup.of(queue("q", RING_ALL)).agentScope()).isEqualTo(AgentScope.LOCAL);
    }

    @Test
    void a_local_queue_offers_its_caller_only_to_agents_on_the_callers_pbx() {
        world.with(available("on-ast").onPbx("ast").serving("local"), available("on-fs").onPbx("fs").serving("local"));

        assertThat(world.offeredFor(world.call("t1", "local").on(AST))).containsExactly("on-ast");
        assertThat(world.offeredFor(world.call("t2", "local").on(FS))).containsExactly("on-fs");
    }

    @Test
    void a_local_queue_whose_only_free_agent_is_on_another_pbx_keeps_its_caller_waiting() {
        world.with(available("on-fs").onPbx("fs").serving("local"));

        assertThat(waitOf(world.agentFor(world.call("t1", "local").on(AST))).reason())
                .isEqualTo(WaitReason.NO_AGENT_AVAILABLE);
    }

    @Test
    void an_any_queue_offers_its_caller_to_agents_on_pbxs_its_pbx_reaches_through_a_trunk() {
        world.with(available("on-ast").onPbx("ast").serving("any"), available("on-fs").onPbx("fs").serving("any"));

        assertThat(world.offeredFor(world.call("t1", "any").on(AST))).containsExactlyInAnyOrder("on-ast", "on-fs");
        assertThat(world.offeredFor(world.call("t2", "any").on(FS))).containsExactlyInAnyOrder("on-ast", "on-fs");
    }

    @Test
    void an_agent_on_a_pbx_without_a_trunk_from_the_callers_is_never_picked_even_by_an_any_queue() {
        world.with(available("far").onPbx("other").serving("any", "any-first")
                .idleSince(START.minusSeconds(3600)), available("near").onPbx("ast").serving("any-first"));

        assertThat(waitOf(world.agentFor(world.call("t1", "any").on(AST))).reason())
                .isEqualTo(WaitReason.NO_AGENT_AVAILABLE);
        assertThat(world.offeredFor(world.call("t2", "any-first").on(AST)))
                .as("idle longest, but unreachable").containsExactly("near");
    }

    @Test
    void a_trunk_goes_one_way() {
        SelectionWorld oneWay = new SelectionWorld()
                .with(QueueSetup.of(queue("any", RING_ALL)).withAgentScope(AgentScope.ANY));
        oneWay.pool().reach(new PbxReach(Map.of(AST, Map.of(FS, "PJSIP/{device}@trunk-fs")), Map.of()));
        oneWay.with(available("on-ast").onPbx("ast").serving("any"), available("on-fs").onPbx("fs").serving("any"));

        assertThat(oneWay.offeredFor(oneWay.call("t1", "any").on(AST))).containsExactlyInAnyOrder("on-ast", "on-fs");
        assertThat(oneWay.offeredFor(oneWay.call("t2", "any").on(FS))).containsExactly("on-fs");
    }

    @Test
    void an_agent_who_becomes_free_is_offered_only_the_callers_their_queues_may_reach_them_from() {
        world.with(available("on-fs").onPbx("fs").serving("local", "any"));
        WaitingTask localOnAst = world.call("t1", "local").on(AST);
        world.clock.advance(Duration.ofSeconds(1));
        WaitingTask anyOnAst = world.call("t2", "any").on(AST);
        world.waiting(localOnAst, anyOnAst);

        assertThat(agentsOf(world.taskFor("on-fs"))).containsExactly("on-fs");
        assertThat(((Selection.Offer) world.taskFor("on-fs")).task().value())
                .as("the older caller is on another PBX of a local queue").isEqualTo("t2");
    }

    @Test
    void a_preferred_agent_the_callers_queue_cannot_reach_does_not_hold_the_caller_back() {
        world.with(available("last-agent").onPbx("fs").serving("local").onTheirOwnCall(),
                available("here").onPbx("ast").serving("local"));
        WaitingTask task = world.call("t1", "local").on(AST)
                .preferring(new PreferredAgent(AgentId.of("last-agent"), START.plusSeconds(30)));

        assertThat(world.offeredFor(task)).containsExactly("here");
    }

    @Test
    void a_nailed_up_agent_takes_only_callers_of_their_lines_pbx_since_their_phone_holds_the_line() {
        world.with(available("nailed").onPbx("fs").withLineOpen().serving("any"));

        assertThat(waitOf(world.agentFor(world.call("t1", "any").on(AST))).reason())
                .isEqualTo(WaitReason.NO_AGENT_AVAILABLE);
        assertThat(world.offeredFor(world.call("t2", "any").on(FS))).containsExactly("nailed");
    }

    @Test
    void agents_and_callers_whose_pbx_is_not_known_are_matched_as_before() {
        world.with(available("unknown").serving("local"));

        assertThat(world.offeredFor(world.call("t1", "local").on(AST))).containsExactly("unknown");
        assertThat(world.offeredFor(world.call("t2", "local"))).containsExactly("unknown");
    }
}
