package io.switchboard.queue.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.core.dialer.Campaign;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.dialer.Broadcast;
import io.switchboard.queue.dialer.CampaignCallPlacer.Placement;
import io.switchboard.queue.dialer.CampaignCalls;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.CampaignSettings.MachineAction;
import io.switchboard.queue.dialer.DueLead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An agentless campaign's calls through {@code CampaignCalls}: placed as broadcasts, never given to an agent, and
 * each ended as {@code broadcast}, {@code opted-out} or a machine's or unanswered result; never {@code abandoned}.
 */
class BroadcastCallsTest {

    private static final CampaignId FLU = CampaignId.of("flu");

    private final EngineWorld world = new EngineWorld();
    private final List<String> ends = new ArrayList<>();

    BroadcastCallsTest() {
        world.engine.onCampaignCallEnded((campaign, lead, call, result, agent, at) -> ends.add(
                call + " " + result.slug() + agent.map(a -> " " + a.value()).orElse("")));
    }

    @Test
    void aBroadcastHandsTheGlueItsMessageAndOptOutDigitAndNoAgent() {
        assertThat(broadcast("pbx1/c1", MachineAction.HANGUP)).isEqualTo(new Placement.Placed(CallId.of("pbx1/c1")));

        assertThat(world.pbx.originates.get(0).variables()).containsEntry("SWITCHBOARD_BROADCAST", "custom/flu-clinic")
                .containsEntry("SWITCHBOARD_OPT_OUT_DIGIT", "7").containsEntry("SWITCHBOARD_CAMPAIGN", "flu")
                .containsEntry("SWITCHBOARD_MACHINE_ACTION", "hangup").doesNotContainKey("SWITCHBOARD_AGENT");
        assertThat(world.pbx.originates.get(0).detectAnsweringMachine()).isTrue();
    }

    @Test
    void aLiveAnswerIsNeverGivenToAnAgentAndEndsAsBroadcast() {
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");
        broadcast("pbx1/c1", MachineAction.HANGUP);

        world.amd("pbx1/c1", AmdResult.HUMAN);
        assertThat(calls().waitingForAgent(FLU)).isZero();
        assertThat(calls().inProgress(FLU, world.clock.instant())).as("the answer hears the message on its line")
                .isEqualTo(1);
        played("pbx1/c1", false);
        world.hangsUp("pbx1/c1", HangupCause.NORMAL_CLEARING);

        assertThat(world.pbx.joins).isEmpty();
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(ends).containsExactly("pbx1/c1 broadcast");
        assertThat(world.outboundJournal).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                OutboundEntry.CampaignEnded.class, c -> assertThat(c.result()).isEqualTo("broadcast")));
    }

    @Test
    void theOptOutDigitEndsTheCallAsOptedOut() {
        broadcast("pbx1/c1", MachineAction.HANGUP);
        world.amd("pbx1/c1", AmdResult.NOTSURE);
        played("pbx1/c1", true);
        world.hangsUp("pbx1/c1", HangupCause.NORMAL_CLEARING);

        assertThat(ends).containsExactly("pbx1/c1 opted-out");
    }

    @Test
    void aPersonWhoHangsUpDuringTheMessageIsNotAbandoned() {
        broadcast("pbx1/c1", MachineAction.HANGUP);
        world.amd("pbx1/c1", AmdResult.HUMAN);
        world.hangsUp("pbx1/c1", HangupCause.NORMAL_CLEARING);

        assertThat(ends).containsExactly("pbx1/c1 broadcast");
    }

    @Test
    void machinesFollowTheCampaignsMachineAction() {
        broadcast("pbx1/c1", MachineAction.HANGUP);
        broadcast("pbx1/c2", MachineAction.MESSAGE);
        world.amd("pbx1/c1", AmdResult.MACHINE);
        world.amd("pbx1/c2", AmdResult.MACHINE);
        world.machineMessageLeft("pbx1/c2");
        world.hangsUp("pbx1/c1", HangupCause.NORMAL_CLEARING);
        world.hangsUp("pbx1/c2", HangupCause.NORMAL_CLEARING);

        assertThat(ends).containsExactly("pbx1/c1 machine", "pbx1/c2 machine-message");
    }

    @Test
    void anUnansweredBroadcastEndsByItsCause() {
        broadcast("pbx1/c1", MachineAction.HANGUP);
        world.originateFails("pbx1/c1", HangupCause.USER_BUSY);

        assertThat(ends).containsExactly("pbx1/c1 busy");
        assertThat(calls().inProgress(FLU, world.clock.instant())).isZero();
    }

    @Test
    void aCampaignWithAgentsCannotBePlacedAsABroadcastNorABroadcastAsAnAgentsCall() {
        CampaignSettings agentless = settings(MachineAction.HANGUP);
        CampaignSettings predictive = new CampaignSettings(new Campaign(FLU, "Flu", DialMode.PREDICTIVE,
                QueueId.of("outbound"), 2.0, CallingWindow.DEFAULT, 3), CampaignSettings.CampaignState.RUNNING,
                Jurisdiction.US, 1.0, Duration.ofSeconds(25), MachineAction.HANGUP, Optional.empty(),
                Optional.empty(), Set.of(), List.of(), "US");

        assertThat(calls().broadcast(predictive, lead("pbx1/c1"), CallId.of("pbx1/c1"), Optional.empty())
                .toCompletableFuture().join()).isInstanceOf(Placement.Refused.class);
        assertThat(calls().place(agentless, lead("pbx1/c2"), CallId.of("pbx1/c2"), Optional.empty(), Optional.empty())
                .toCompletableFuture().join()).isInstanceOf(Placement.Refused.class);
        assertThat(world.pbx.originates).isEmpty();
    }

    private void played(String call, boolean optedOut) {
        world.engine.onEvent(new PbxEvent.BroadcastPlayed(EngineWorld.PBX, world.clock.instant(), CallId.of(call),
                LegId.of(call), optedOut));
    }

    private CampaignCalls calls() {
        return world.engine.campaignCalls();
    }

    private Placement broadcast(String call, MachineAction machine) {
        return calls().broadcast(settings(machine), lead(call), CallId.of(call), Optional.empty())
                .toCompletableFuture().join();
    }

    private static DueLead lead(String call) {
        return new DueLead(LeadId.of("l-" + call), FLU, EngineWorld.CUSTOMER, Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Optional.empty(), Map.of());
    }

    private static CampaignSettings settings(MachineAction machine) {
        return new CampaignSettings(new Campaign(FLU, "Flu", DialMode.AGENTLESS, QueueId.of("outbound"), 2.0,
                CallingWindow.DEFAULT, 3), CampaignSettings.CampaignState.RUNNING, Jurisdiction.US, 1.0,
                Duration.ofSeconds(25), machine, machine == MachineAction.MESSAGE ? Optional.of("custom/flu-vm")
                : Optional.empty(), Optional.empty(), Set.of(), List.of(), "US",
                Optional.of(new Broadcast("custom/flu-clinic", 5, '7')));
    }
}
