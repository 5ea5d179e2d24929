package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.dialer.Campaign;
import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.dialer.CampaignFloor;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.blend.InboundLoad;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignAgentsTest {

    private static final CampaignSettings SALES = new CampaignSettings(
            new Campaign(CampaignId.of("sales"), "Sales", DialMode.PREDICTIVE, QueueId.of("outbound"), 2.0,
                    CallingWindow.DEFAULT, 3),
            CampaignSettings.CampaignState.RUNNING, Jurisdiction.US, 1.0, Duration.ofSeconds(25),
            CampaignSettings.MachineAction.HANGUP, Optional.empty(), Optional.empty(), Set.of(), List.of(), "US");

    private final EngineWorld world = new EngineWorld();

    @Test
    void theFloorIsTheQueuesNailedUpMembersByStateWithTheLongestIdleFirst() {
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");
        world.clock.advance(Duration.ofSeconds(10));
        world.agent("a0", "outbound", AgentState.AVAILABLE).lineOpens("a0");
        world.agent("ringing-only", "outbound", AgentState.AVAILABLE);
        world.agent("elsewhere", "support", AgentState.AVAILABLE).lineOpens("elsewhere");
        world.agent("talker", "outbound", AgentState.ON_CALL).lineOpens("talker");
        world.agent("wrapper", "outbound", AgentState.WRAP_UP).lineOpens("wrapper");
        world.clock.advance(Duration.ofSeconds(30));

        CampaignFloor.Agents floor = look();

        assertThat(floor.ready()).containsExactly(AgentId.of("a1"), AgentId.of("a0"));
        assertThat(floor.talking()).containsExactly(Duration.ofSeconds(90));
        assertThat(floor.wrapping()).containsExactly(Duration.ofSeconds(90));
        assertThat(floor.pbx()).contains(EngineWorld.PBX);
    }

    @Test
    void aFloorWithoutOpenLinesNamesNoPbx() {
        world.agent("a1", "outbound", AgentState.AVAILABLE);

        assertThat(look().ready()).isEmpty();
        assertThat(look().pbx()).isEmpty();
    }

    @Test
    void anAgentIsReservedOnceThroughTheSameCompareAndSetAsTheAcd() {
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");

        assertThat(world.engine.campaignFloor().reserve(AgentId.of("a1")).toCompletableFuture().join()).isTrue();
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.RESERVED);
        assertThat(world.engine.campaignFloor().reserve(AgentId.of("a1")).toCompletableFuture().join()).isFalse();
        assertThat(look().ready()).isEmpty();
    }

    @Test
    void anAgentWithoutAnOpenLineIsNeverReservedForACampaign() {
        world.agent("a1", "outbound", AgentState.AVAILABLE);

        assertThat(world.engine.campaignFloor().reserve(AgentId.of("a1")).toCompletableFuture().join()).isFalse();
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void aReleasedAgentIsAvailableAgain() {
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");
        world.engine.campaignFloor().reserve(AgentId.of("a1"));

        world.engine.campaignFloor().release(AgentId.of("a1"));

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void blendedAgentsAreCountedReadyOnlyAsFarAsInboundLendsThem() {
        world.agentIn("o1", AgentState.AVAILABLE, "outbound").lineOpens("o1");
        world.agentIn("b1", AgentState.AVAILABLE, "outbound", "support").lineOpens("b1");
        world.agentIn("b2", AgentState.AVAILABLE, "outbound", "support").lineOpens("b2");
        List<Set<AgentId>> askedFor = new java.util.ArrayList<>();
        world.engine.campaignFloor().inboundLoads((queues, blended) -> {
            assertThat(queues).containsExactly(QueueId.of("support"));
            askedFor.add(blended);
            return java.util.concurrent.CompletableFuture.completedFuture(List.of(new InboundLoad(
                    QueueId.of("support"), 1, Duration.ofSeconds(2), 0, Duration.ofSeconds(180), 0.8,
                    Duration.ofSeconds(20), 0, OptionalDouble.empty())));
        });

        assertThat(look().ready()).hasSize(2).contains(AgentId.of("o1"));
        assertThat(askedFor).containsExactly(Set.of(AgentId.of("b1"), AgentId.of("b2")));
    }

    @Test
    void aBlendedAgentOnACampaignCallDoesNotCountAsKeptForInbound() {
        world.agentIn("b1", AgentState.ON_CALL, "outbound", "support").lineOpens("b1");
        world.agentIn("b2", AgentState.AVAILABLE, "outbound", "support").lineOpens("b2");
        world.engine.campaignFloor().inboundLoads((queues, blended) -> java.util.concurrent.CompletableFuture
                .completedFuture(List.of(new InboundLoad(QueueId.of("support"), 1, Duration.ofSeconds(2), 0,
                        Duration.ofSeconds(180), 0.8, Duration.ofSeconds(20), 0, OptionalDouble.empty()))));

        assertThat(look().ready()).as("one caller waits: the one free blended agent stays free for them").isEmpty();
    }

    @Test
    void withoutInboundFiguresEveryBlendedAgentIsLent() {
        world.agentIn("b1", AgentState.AVAILABLE, "outbound", "support").lineOpens("b1");

        assertThat(look().ready()).containsExactly(AgentId.of("b1"));
    }

    @Test
    void theDialerHearsOfAnAgentRoutingMadeFree() {
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");
        List<AgentId> freed = new java.util.ArrayList<>();
        world.engine.onAgentFreed(freed::add);
        world.engine.campaignFloor().reserve(AgentId.of("a1"));

        world.engine.campaignFloor().release(AgentId.of("a1"));

        assertThat(freed).containsExactly(AgentId.of("a1"));
    }

    private CampaignFloor.Agents look() {
        return world.engine.campaignFloor().look(SALES, world.clock.instant()).toCompletableFuture().join();
    }
}
