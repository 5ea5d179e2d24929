package io.switchboard.queue.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.call.AmdResult;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.SafeHarbourReason;
import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.core.dialer.Campaign;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.OriginateRequest;
import io.switchboard.queue.dialer.CampaignCallPlacer.Placement;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.DialResult;
import io.switchboard.queue.dialer.DueLead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code CampaignCalls} in the routing engine with the routing fakes: calls placed for a campaign, the agent chosen
 * at the live answer through the ACD's compare-and-set, the wait for a freed agent, and each call's result.
 */
class CampaignCallsTest {

    private static final CampaignSettings SALES = settings(CampaignSettings.MachineAction.HANGUP);

    private final EngineWorld world = new EngineWorld();
    private final List<String> ends = new ArrayList<>();

    CampaignCallsTest() {
        world.engine.onCampaignCallEnded((campaign, lead, call, result, agent, at) -> ends.add(
                call + " " + result.slug() + agent.map(a -> " " + a.value()).orElse("")));
    }

    @Test
    void aLiveAnswerIsJoinedToTheLongestIdleFreeAgentWhoWrapsUpAfterTheCall() {
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");
        world.clock.advance(Duration.ofSeconds(5));
        world.agent("a2", "outbound", AgentState.AVAILABLE).lineOpens("a2");

        assertThat(place("pbx1/c1")).isEqualTo(new Placement.Placed(CallId.of("pbx1/c1")));
        OriginateRequest request = world.pbx.originates.get(0);
        assertThat(request.ringTimeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(request.minRingTime()).isEqualTo(Duration.ofSeconds(15));
        assertThat(request.detectAnsweringMachine()).isTrue();
        assertThat(request.variables()).containsEntry("SWITCHBOARD_CAMPAIGN", "sales")
                .containsEntry("SWITCHBOARD_LEAD", "l-pbx1/c1").containsEntry("SWITCHBOARD_MACHINE_ACTION", "hangup")
                .containsKey("SWITCHBOARD_TASK").doesNotContainKey("SWITCHBOARD_AGENT");
        world.clock.advance(Duration.ofSeconds(4));
        assertThat(calls().ringing(CampaignId.of("sales"), world.clock.instant())).containsExactly(Duration.ofSeconds(4));

        world.amd("pbx1/c1", AmdResult.HUMAN);
        assertThat(world.pbx.joins).containsExactly(CallId.of("pbx1/c1"));
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.RESERVED);
        assertThat(world.stateOf("a2")).isEqualTo(AgentState.AVAILABLE);
        assertThat(calls().ringing(CampaignId.of("sales"), world.clock.instant())).isEmpty();
        world.joined("pbx1/c1", "a1");
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.ON_CALL);
        world.hangsUp("pbx1/c1", HangupCause.NORMAL_CLEARING);

        assertThat(ends).containsExactly("pbx1/c1 connected a1");
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.WRAP_UP);
        world.timersFire();
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.outcomes()).containsExactly(OutboundOutcome.COMPLETED);
        assertThat(world.outboundJournal).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                OutboundEntry.CampaignEnded.class, c -> assertThat(c.result()).isEqualTo("connected")));
        assertThat(world.outboundJournal).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                OutboundEntry.AgentAssigned.class, a -> assertThat(a.agent()).isEqualTo(AgentId.of("a1"))));
    }

    @Test
    void theCampaignsPacerFiguresHearEveryStepOfItsCalls() {
        List<String> heard = new ArrayList<>();
        calls().outcomes(campaign -> Optional.of(new io.switchboard.queue.dialer.pacing.DialOutcomes() {
            public void dialled(java.time.Instant at) { heard.add("dialled"); }
            public void answeredLive(java.time.Instant at, Duration ring) { heard.add("live after " + ring.toSeconds()); }
            public void answeredMachine(java.time.Instant at, Duration ring) { heard.add("machine"); }
            public void unanswered(java.time.Instant at, Duration ring) { heard.add("unanswered after " + ring.toSeconds()); }
            public void connected(java.time.Instant at, Duration waited) { heard.add("connected"); }
            public void abandoned(java.time.Instant at) { heard.add("abandoned"); }
            public void talkEnded(java.time.Instant at, Duration talk) { heard.add("talked " + talk.toSeconds()); }
            public void wrapEnded(java.time.Instant at, Duration wrap) { heard.add("wrap " + wrap.toSeconds()); }
        }));
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");
        place("pbx1/c1");
        place("pbx1/c2");
        world.clock.advance(Duration.ofSeconds(6));
        world.amd("pbx1/c1", AmdResult.HUMAN);
        world.joined("pbx1/c1", "a1");
        world.clock.advance(Duration.ofSeconds(20));
        world.originateFails("pbx1/c2", HangupCause.NO_ANSWER);
        world.hangsUp("pbx1/c1", HangupCause.NORMAL_CLEARING);

        assertThat(heard).containsExactly("dialled", "dialled", "live after 6", "connected", "unanswered after 26",
                "talked 20", "wrap " + OutboundPolicy.defaults().wrapUp().toSeconds());
    }

    @Test
    void twoAnswersAndOneFreeAgent_oneIsJoined_theOtherWaitsAndIsAbandonedWhenTheGlueGivesUp() {
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");
        place("pbx1/c1");
        place("pbx1/c2");

        world.amd("pbx1/c1", AmdResult.HUMAN);
        world.amd("pbx1/c2", AmdResult.NOTSURE);
        assertThat(world.pbx.joins).containsExactly(CallId.of("pbx1/c1"));
        assertThat(calls().waitingForAgent(CampaignId.of("sales"))).isEqualTo(1);
        world.safeHarbour("pbx1/c2", SafeHarbourReason.NOT_CONNECTED);
        world.hangsUp("pbx1/c2", HangupCause.NORMAL_CLEARING);

        assertThat(ends).containsExactly("pbx1/c2 abandoned");
        assertThat(calls().waitingForAgent(CampaignId.of("sales"))).isZero();
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.RESERVED);
    }

    @Test
    void anAgentFreedWithinTheWaitTakesTheWaitingAnswer() {
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");
        place("pbx1/c1");
        place("pbx1/c2");
        world.amd("pbx1/c1", AmdResult.HUMAN);
        world.joined("pbx1/c1", "a1");
        world.amd("pbx1/c2", AmdResult.HUMAN);
        assertThat(calls().waitingForAgent(CampaignId.of("sales"))).isEqualTo(1);

        world.hangsUp("pbx1/c1", HangupCause.NORMAL_CLEARING);
        world.timersFire();

        assertThat(world.pbx.joins).containsExactly(CallId.of("pbx1/c1"), CallId.of("pbx1/c2"));
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.RESERVED);
        assertThat(calls().waitingForAgent(CampaignId.of("sales"))).isZero();
        world.joined("pbx1/c2", "a1");
        world.hangsUp("pbx1/c2", HangupCause.NORMAL_CLEARING);
        assertThat(ends).containsExactly("pbx1/c1 connected a1", "pbx1/c2 connected a1");
    }

    @Test
    void aCustomerWhoHangsUpWhileWaitingIsAbandonedAndLeavesNoAgentTaken() {
        world.agent("a1", "outbound", AgentState.ON_CALL).lineOpens("a1");
        place("pbx1/c1");
        world.amd("pbx1/c1", AmdResult.HUMAN);
        assertThat(calls().waitingForAgent(CampaignId.of("sales"))).isEqualTo(1);

        world.hangsUp("pbx1/c1", HangupCause.NORMAL_CLEARING);
        world.states.put("a1", AgentState.AVAILABLE, world.clock.instant());
        world.engine.agentStateChanged(AgentId.of("a1"));

        assertThat(ends).containsExactly("pbx1/c1 abandoned");
        assertThat(world.pbx.joins).isEmpty();
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.outcomes()).containsExactly(OutboundOutcome.ABANDONED);
    }

    @Test
    void aCallThePbxRefusesIsGivenBackWithoutAnEndAndIsNotCountedRinging() {
        world.pbx.nextOriginate = new CommandResult.Failed("ami-originate-failed", "no route");

        Placement placement = place("pbx1/c1");

        assertThat(placement).isInstanceOfSatisfying(Placement.Refused.class,
                r -> assertThat(r.errorId()).isEqualTo("pbx-refused"));
        assertThat(ends).isEmpty();
        assertThat(calls().ringing(CampaignId.of("sales"), world.clock.instant())).isEmpty();
        assertThat(world.outcomes()).containsExactly(OutboundOutcome.FAILED);
    }

    @Test
    void unansweredCallsEndBusyOrNoAnswerAndMachinesAsMachine() {
        place("pbx1/c1");
        place("pbx1/c2");
        place("pbx1/c3");
        world.originateFails("pbx1/c1", HangupCause.USER_BUSY);
        world.originateFails("pbx1/c2", HangupCause.NO_ANSWER);
        world.amd("pbx1/c3", AmdResult.MACHINE);
        world.hangsUp("pbx1/c3", HangupCause.NORMAL_CLEARING);

        assertThat(ends).containsExactly("pbx1/c1 busy", "pbx1/c2 no-answer", "pbx1/c3 machine");
    }

    @Test
    void aMachineIsGivenToAnAgentWhenTheCampaignSaysSo() {
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");
        CampaignSettings agentOnMachines = settings(CampaignSettings.MachineAction.AGENT);
        calls().place(agentOnMachines, lead("pbx1/c1"), CallId.of("pbx1/c1"), Optional.empty(), Optional.empty());
        assertThat(world.pbx.originates.get(0).variables()).containsEntry("SWITCHBOARD_MACHINE_ACTION", "agent");

        world.amd("pbx1/c1", AmdResult.MACHINE);

        assertThat(world.pbx.joins).containsExactly(CallId.of("pbx1/c1"));
    }

    @Test
    void anAgentReservedBeforeTheDialIsNamedAndReleasedWhenAMachineAnswers() {
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");
        assertThat(world.engine.campaignFloor().reserve(AgentId.of("a1")).toCompletableFuture().join()).isTrue();
        calls().place(SALES, lead("pbx1/c1"), CallId.of("pbx1/c1"), Optional.empty(), Optional.of(AgentId.of("a1")));
        assertThat(world.pbx.originates.get(0).variables()).containsEntry("SWITCHBOARD_AGENT", "a1");

        world.amd("pbx1/c1", AmdResult.MACHINE);

        assertThat(world.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.pbx.joins).isEmpty();
    }

    @Test
    void aNailedAgentWhoseLineClosedIsNotChosenAndACallForThemIsRefused() {
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");
        world.clock.advance(Duration.ofSeconds(5));
        world.agent("a2", "outbound", AgentState.AVAILABLE).lineOpens("a2");
        world.lineCloses("a1");

        Placement forA1 = calls().place(SALES, lead("pbx1/c0"), CallId.of("pbx1/c0"), Optional.empty(),
                Optional.of(AgentId.of("a1"))).toCompletableFuture().join();
        place("pbx1/c1");
        world.amd("pbx1/c1", AmdResult.HUMAN);

        assertThat(forA1).isInstanceOfSatisfying(Placement.Refused.class,
                r -> assertThat(r.errorId()).isEqualTo("agent-line-not-open"));
        assertThat(world.pbx.joins).containsExactly(CallId.of("pbx1/c1"));
        assertThat(world.stateOf("a2")).isEqualTo(AgentState.RESERVED);
    }

    @Test
    void anInboundCallerAndACampaignAnswerWaitingForTheSameAgentNeverBothGetThem() {
        world.queue("support", Duration.ofSeconds(5));
        world.agentIn("a1", AgentState.ON_CALL, "outbound", "support").lineOpens("a1");
        world.callArrives("in-1", "support");
        place("pbx1/c1");
        world.amd("pbx1/c1", AmdResult.HUMAN);
        assertThat(world.pbx.joins).isEmpty();

        world.states.put("a1", AgentState.AVAILABLE, world.clock.instant());
        world.engine.agentStateChanged(AgentId.of("a1"));

        assertThat(world.pbx.joins).hasSize(1);
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.RESERVED);
        assertThat(calls().waitingForAgent(CampaignId.of("sales")))
                .isEqualTo(world.pbx.joins.contains(CallId.of("pbx1/c1")) ? 0 : 1);
    }

    @Test
    void aCallWhoseAgentsLineClosesBeforeTheJoinIsHungUpAbandonedAndTheAgentLoggedOut() {
        world.agent("a1", "outbound", AgentState.AVAILABLE).lineOpens("a1");
        place("pbx1/c1");
        world.amd("pbx1/c1", AmdResult.HUMAN);
        assertThat(world.pbx.joins).containsExactly(CallId.of("pbx1/c1"));

        world.lineCloses("a1");
        world.backOnHold("pbx1/c1", HoldReason.NO_AGENT);
        assertThat(world.pbx.hangups).containsExactly(CallId.of("pbx1/c1"));
        world.hangsUp("pbx1/c1", HangupCause.NORMAL_CLEARING);

        assertThat(ends).containsExactly("pbx1/c1 abandoned");
        assertThat(world.stateOf("a1")).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void anAnswerThatHangsUpBeforeDetectionDecidesIsCountedAbandoned() {
        place("pbx1/c1");
        world.engine.onEvent(new io.switchboard.core.event.PbxEvent.LegAnswered(EngineWorld.PBX,
                world.clock.instant(), CallId.of("pbx1/c1"), io.switchboard.core.id.LegId.of("pbx1/c1")));
        world.hangsUp("pbx1/c1", HangupCause.NORMAL_CLEARING);

        assertThat(ends).containsExactly("pbx1/c1 abandoned");
    }

    private io.switchboard.queue.dialer.CampaignCalls calls() {
        return world.engine.campaignCalls();
    }

    private Placement place(String call) {
        return calls().place(SALES, lead(call), CallId.of(call), Optional.empty(), Optional.empty())
                .toCompletableFuture().join();
    }

    private static DueLead lead(String call) {
        return new DueLead(LeadId.of("l-" + call), CampaignId.of("sales"), EngineWorld.CUSTOMER, Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.empty(), Map.of());
    }

    private static CampaignSettings settings(CampaignSettings.MachineAction machine) {
        return new CampaignSettings(new Campaign(CampaignId.of("sales"), "Sales", DialMode.PREDICTIVE,
                QueueId.of("outbound"), 2.0, CallingWindow.DEFAULT, 3), CampaignSettings.CampaignState.RUNNING,
                Jurisdiction.US, 1.0, Duration.ofSeconds(25), machine, Optional.empty(), Optional.empty(), Set.of(),
                List.of(), "US");
    }
}
