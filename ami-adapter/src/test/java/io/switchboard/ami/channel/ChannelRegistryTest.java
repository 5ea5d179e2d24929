package io.switchboard.ami.channel;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry as the translator fills it, with the channel names and Uniqueid/Linkedid patterns of the
 * Asterisk 20 recordings (05: customer Local pair on hold, agent Local pair dialled from it; 08: nailed-up
 * agent in a ConfBridge joined by the customer).
 */
class ChannelRegistryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String CUSTOMER_1 = "Local/s@hold-00000000;1";
    private static final String CUSTOMER_2 = "Local/s@hold-00000000;2";
    private static final String AGENT_1 = "Local/agent1@agents-00000001;1";
    private static final String AGENT_2 = "Local/agent1@agents-00000001;2";

    private final ChannelRegistry registry = new ChannelRegistry(PbxId.of("pbx1"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void the_customer_channel_of_an_announced_local_call_is_its_2_half() {
        CallId call = customerOnHold();

        assertThat(call).isEqualTo(CallId.of("pbx1/100.1"));
        assertThat(registry.channelOf(call)).hasValue(CUSTOMER_2);
    }

    @Test
    void an_agent_dialled_from_the_customer_is_found_while_ringing_and_once_bridged() {
        CallId call = customerOnHold();
        agentDialled();

        assertThat(registry.agentChannelOf(call)).as("ringing, not bridged yet").hasValue(AGENT_2);

        bridge("b-1", "100.1", "100.2");

        assertThat(registry.agentChannelOf(call)).as("the half ChanSpy spies on, Quirk 24").hasValue(AGENT_2);
        assertThat(registry.channelOf(call, LegId.of("pbx1/100.2"))).as("the bridged half, for Atxfer").hasValue(AGENT_1);
        assertThat(registry.channelOf(call, LegId.of("pbx1/100.1"))).hasValue(CUSTOMER_2);
    }

    @Test
    void a_session_opens_once_and_closes_once_whether_by_its_user_event_or_by_a_reconnect() {
        registry.opened(ChannelSnapshot.of("SIP/2001-00000001", "300.1", "300.1", "switchboard-agent-session", "s", "Up"));
        registry.opened(ChannelSnapshot.of("SIP/2002-00000002", "300.2", "300.2", "switchboard-agent-session", "s", "Up"));
        LegId a7 = LegId.of("pbx1/300.1");
        LegId a8 = LegId.of("pbx1/300.2");

        assertThat(registry.sessions().open("300.1", AgentId.of("a7"), a7)).isTrue();
        assertThat(registry.sessions().open("300.1", AgentId.of("a7"), a7)).as("a rebuild after the UserEvent").isFalse();
        assertThat(registry.sessions().open("300.2", AgentId.of("a8"), a8)).isTrue();

        registry.reset();
        List<PbxEvent> events = registry.reconcile(List.of(
                ChannelSnapshot.of("SIP/2001-00000001", "300.1", "300.1", "switchboard-agent-session", "s", "Up")));

        assertThat(events).containsExactly(
                new PbxEvent.AgentSessionClosed(PbxId.of("pbx1"), NOW, AgentId.of("a8"), a8),
                new PbxEvent.LegHungUp(PbxId.of("pbx1"), NOW, CallId.of("pbx1/300.2"), a8, HangupCause.OTHER));
        assertThat(registry.sessions().isOpen("300.1")).isTrue();
        assertThat(registry.sessions().close("300.2")).as("a late AgentSessionEnded closes nothing").isEmpty();
        assertThat(registry.reconcile(List.of())).containsExactly(
                new PbxEvent.AgentSessionClosed(PbxId.of("pbx1"), NOW, AgentId.of("a7"), a7),
                new PbxEvent.LegHungUp(PbxId.of("pbx1"), NOW, CallId.of("pbx1/300.1"), a7, HangupCause.OTHER));
    }

    @Test
    void a_nailed_up_agent_joined_in_its_conference_is_the_agent_of_the_customers_call() {
        registry.opened(ChannelSnapshot.of("Local/agent-1@nailed-00000000;1", "200.0", "200.0", "caller", "s", "Up"));
        registry.opened(ChannelSnapshot.of("Local/agent-1@nailed-00000000;2", "200.1", "200.0", "nailed", "agent-1", "Up"));
        registry.opened(ChannelSnapshot.of("SIP/127.0.0.1-00000002", "200.4", "200.4", "from-sip", "100", "Up"));
        CallId call = registry.announce("200.4").orElseThrow();
        bridge("conf-1", "200.1");
        assertThat(registry.agentChannelOf(call)).as("customer not joined yet").isEmpty();

        bridge("conf-1", "200.4");

        assertThat(registry.agentChannelOf(call)).hasValue("Local/agent-1@nailed-00000000;2");
        assertThat(registry.channelOf(call, LegId.of("pbx1/200.0"))).as("its own call, but in the customer's bridge")
                .hasValue("Local/agent-1@nailed-00000000;2");
        assertThat(registry.channelOf(call)).hasValue("SIP/127.0.0.1-00000002");
    }

    @Test
    void a_sip_agent_is_its_own_channel() {
        CallId call = customerOnHold();
        registry.opened(ChannelSnapshot.of("SIP/127.0.0.1:5062-00000003", "100.5", "100.0", "agents", "", "Ring"));
        bridge("b-1", "100.1", "100.5");

        assertThat(registry.agentChannelOf(call)).hasValue("SIP/127.0.0.1:5062-00000003");
        assertThat(registry.channelOf(call, LegId.of("pbx1/100.5"))).hasValue("SIP/127.0.0.1:5062-00000003");
    }

    @Test
    void a_leg_of_another_call_or_of_another_pbx_is_not_a_leg_of_this_call() {
        CallId call = customerOnHold();
        registry.opened(ChannelSnapshot.of("SIP/127.0.0.1-00000009", "300.0", "300.0", "from-sip", "100", "Up"));

        assertThat(registry.channelOf(call, LegId.of("pbx1/300.0"))).isEmpty();
        assertThat(registry.channelOf(call, LegId.of("pbx2/100.1"))).isEmpty();
        assertThat(registry.channelOf(call, LegId.of("pbx1/nope"))).isEmpty();
    }

    @Test
    void nothing_is_found_once_the_agent_hung_up() {
        CallId call = customerOnHold();
        agentDialled();
        bridge("b-1", "100.1", "100.2");

        assertThat(registry.closed("100.2")).hasValue(new LegEnd(call, LegId.of("pbx1/100.2")));
        assertThat(registry.closed("100.3")).as("the other half ends the same leg").isEmpty();

        assertThat(registry.agentChannelOf(call)).isEmpty();
        assertThat(registry.channelOf(call, LegId.of("pbx1/100.2"))).isEmpty();
        assertThat(registry.channelOf(call)).hasValue(CUSTOMER_2);
    }

    @Test
    void a_call_that_ended_while_disconnected_is_hung_up_exactly_once() {
        CallId ended = customerOnHold();
        registry.opened(ChannelSnapshot.of("SIP/127.0.0.1-00000005", "150.0", "150.0", "from-sip", "100", "Up"));
        CallId alive = registry.announce("150.0").orElseThrow();

        registry.reset();
        List<PbxEvent> first = registry.reconcile(List.of(
                ChannelSnapshot.of("SIP/127.0.0.1-00000005", "150.0", "150.0", "switchboard-hold", "s", "Up")));

        assertThat(first).containsExactly(new PbxEvent.LegHungUp(PbxId.of("pbx1"), NOW, ended, LegId.of("pbx1/100.1"),
                HangupCause.OTHER));
        assertThat(registry.channelOf(ended)).isEmpty();
        assertThat(registry.channelOf(alive)).hasValue("SIP/127.0.0.1-00000005");
        assertThat(registry.byUniqueid("150.0")).get().extracting(ChannelSnapshot::callId).isEqualTo(Optional.of(alive));

        assertThat(registry.reconcile(List.of(
                ChannelSnapshot.of("SIP/127.0.0.1-00000005", "150.0", "150.0", "switchboard-hold", "s", "Up"))))
                .as("a second reconcile").isEmpty();
        registry.reset();
        assertThat(registry.reconcile(List.of())).as("then the other call ends, unseen")
                .containsExactly(new PbxEvent.LegHungUp(PbxId.of("pbx1"), NOW, alive, LegId.of("pbx1/150.0"), HangupCause.OTHER));
    }

    @Test
    void a_leg_whose_end_was_already_reported_is_not_reported_again_by_reconcile() {
        CallId call = customerOnHold();
        agentDialled();
        assertThat(registry.endLeg("100.2")).isPresent();

        registry.reset();
        List<PbxEvent> events = registry.reconcile(List.of(ChannelSnapshot.of(CUSTOMER_1, "100.0", "100.0", "caller", "s", "Up"),
                ChannelSnapshot.of(CUSTOMER_2, "100.1", "100.0", "hold", "s", "Up")));

        assertThat(events).isEmpty();
        assertThat(registry.channelOf(call)).hasValue(CUSTOMER_2);
    }

    @Test
    void a_leg_with_one_half_still_live_has_not_ended() {
        CallId call = customerOnHold();

        registry.reset();
        List<PbxEvent> events = registry.reconcile(List.of(ChannelSnapshot.of(CUSTOMER_2, "100.1", "100.0", "hold", "s", "Up")));

        assertThat(events).isEmpty();
        assertThat(registry.channelOf(call)).hasValue(CUSTOMER_2);
    }

    @Test
    void a_channel_that_started_while_disconnected_becomes_a_call_of_its_own() {
        registry.reset();
        registry.reconcile(List.of(ChannelSnapshot.of("SIP/127.0.0.1-00000007", "170.0", "170.0", "from-sip", "100", "Up")));

        assertThat(registry.channelOf(CallId.of("pbx1/170.0"))).hasValue("SIP/127.0.0.1-00000007");
    }

    /** 05: the originated customer pair; {@code ;2} runs the hold dialplan and announces the call. */
    @Test
    void the_agent_leg_call_control_expects_is_the_leg_the_customer_dials_next_for_both_local_halves() {
        CallId call = customerOnHold();
        LegId agentLeg = LegId.of("pbx1/agent-leg-7");
        registry.expectAgentLeg(call, agentLeg);
        agentDialled();

        assertThat(registry.dialled("100.1", "100.2")).hasValue(agentLeg);

        assertThat(registry.legOf("100.2")).hasValue(agentLeg);
        assertThat(registry.legOf("100.3")).hasValue(agentLeg);
        assertThat(registry.legOf("100.1")).as("the customer keeps its own leg").hasValue(LegId.of("pbx1/100.1"));
        bridge("b-1", "100.1", "100.2");
        assertThat(registry.channelOf(call, agentLeg)).as("found by Switchboard's id, for Atxfer").hasValue(AGENT_1);
        assertThat(registry.closed("100.2")).hasValue(new LegEnd(call, agentLeg));
        assertThat(registry.closed("100.3")).as("both halves are one leg, ended once").isEmpty();
    }

    @Test
    void an_expectation_is_met_once_and_a_dial_without_one_keeps_the_pbx_id() {
        CallId call = customerOnHold();
        registry.expectAgentLeg(call, LegId.of("pbx1/agent-leg-7"));
        agentDialled();
        registry.dialled("100.1", "100.2");
        registry.opened(ChannelSnapshot.of("PJSIP/1002-00000004", "100.4", "100.0", "agents", "", "Down"));

        assertThat(registry.dialled("100.1", "100.4")).isEmpty();
        assertThat(registry.legOf("100.4")).hasValue(LegId.of("pbx1/100.4"));
    }

    @Test
    void only_a_channel_dialled_by_the_customer_takes_the_expected_leg() {
        CallId call = customerOnHold();
        registry.expectAgentLeg(call, LegId.of("pbx1/agent-leg-7"));
        agentDialled();
        registry.opened(ChannelSnapshot.of("PJSIP/1001-00000004", "100.4", "100.0", "agents", "", "Down"));

        assertThat(registry.dialled("100.3", "100.4")).as("the agent's Local half dialling its phone").isEmpty();
        assertThat(registry.dialled("100.1", "100.2")).hasValue(LegId.of("pbx1/agent-leg-7"));
    }

    @Test
    void a_new_expectation_replaces_one_not_met_yet() {
        CallId call = customerOnHold();
        registry.expectAgentLeg(call, LegId.of("pbx1/agent-leg-7"));
        registry.expectAgentLeg(call, LegId.of("pbx1/agent-leg-8"));
        agentDialled();

        assertThat(registry.dialled("100.1", "100.2")).hasValue(LegId.of("pbx1/agent-leg-8"));
        assertThat(registry.legOf("100.2")).hasValue(LegId.of("pbx1/agent-leg-8"));
    }

    @Test
    void a_withdrawn_expectation_is_not_applied() {
        CallId call = customerOnHold();
        registry.expectAgentLeg(call, LegId.of("pbx1/agent-leg-7"));
        registry.withdrawAgentLeg(call, LegId.of("pbx1/agent-leg-7"));
        agentDialled();

        assertThat(registry.dialled("100.1", "100.2")).isEmpty();
        assertThat(registry.legOf("100.2")).hasValue(LegId.of("pbx1/100.2"));
    }

    @Test
    void the_expectation_of_a_call_that_ended_is_dropped() {
        CallId call = customerOnHold();
        registry.expectAgentLeg(call, LegId.of("pbx1/agent-leg-7"));
        registry.closed("100.1");
        registry.closed("100.0");
        CallId again = customerOnHold();
        agentDialled();

        assertThat(again).as("a Uniqueid handed out again, as after a restart").isEqualTo(call);
        assertThat(registry.dialled("100.1", "100.2")).isEmpty();
        assertThat(registry.legOf("100.2")).hasValue(LegId.of("pbx1/100.2"));
    }

    @Test
    void an_expectation_for_a_call_without_channels_is_not_kept() {
        registry.expectAgentLeg(CallId.of("pbx1/gone"), LegId.of("pbx1/agent-leg-7"));
        CallId call = customerOnHold();
        registry.opened(ChannelSnapshot.of(AGENT_1, "100.2", "100.0", "to-agent", "agent1", "Down"));

        assertThat(call).isNotEqualTo(CallId.of("pbx1/gone"));
        assertThat(registry.dialled("100.1", "100.2")).isEmpty();
    }

    @Test
    void a_switchboard_agent_leg_that_ended_while_disconnected_is_reported_under_its_id_at_resync() {
        CallId call = customerOnHold();
        registry.expectAgentLeg(call, LegId.of("pbx1/agent-leg-7"));
        agentDialled();
        registry.dialled("100.1", "100.2");
        List<ChannelSnapshot> stillThere = registry.liveChannels().stream()
                .filter(c -> !c.uniqueid().equals("100.2") && !c.uniqueid().equals("100.3")).toList();
        registry.reset();

        List<PbxEvent> ended = registry.reconcile(stillThere);

        assertThat(ended).singleElement().isInstanceOfSatisfying(PbxEvent.LegHungUp.class,
                hungUp -> assertThat(hungUp.leg()).isEqualTo(LegId.of("pbx1/agent-leg-7")));
    }

    private CallId customerOnHold() {
        registry.opened(ChannelSnapshot.of(CUSTOMER_1, "100.0", "100.0", "caller", "s", "Up"));
        registry.opened(ChannelSnapshot.of(CUSTOMER_2, "100.1", "100.0", "hold", "s", "Up"));
        return registry.announce("100.1").orElseThrow();
    }

    /** 05: Dial(Local/agent1@agents) from the customer's {@code ;2}: both halves inherit its Linkedid (Quirk 15). */
    private void agentDialled() {
        registry.opened(ChannelSnapshot.of(AGENT_1, "100.2", "100.0", "to-agent", "agent1", "Down"));
        registry.opened(ChannelSnapshot.of(AGENT_2, "100.3", "100.0", "agents", "agent1", "Ring"));
    }

    private void bridge(String bridge, String... uniqueids) {
        for (String uniqueid : uniqueids) {
            registry.update(uniqueid, c -> c.inBridge(Optional.of(bridge)));
        }
    }
}
