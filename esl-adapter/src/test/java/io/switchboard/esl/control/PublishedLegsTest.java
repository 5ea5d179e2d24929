package io.switchboard.esl.control;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link PublishedLegs} learns from the published events, and what it forgets when legs hang up. */
class PublishedLegsTest {

    private static final PbxId PBX = PbxId.of("fs1");
    private static final Instant AT = Instant.parse("2026-11-24T05:00:00Z");
    private static final AgentId AGENT = AgentId.of("a17");
    private static final LegId SESSION = LegId.of("fs1/7b4824ec-803b-4d44-b8de-3db9c63d547b");
    private static final CallId CALL = CallId.of("fs1/7ed41449-9950-42b2-9f65-d23a4a4fca7f");

    private final List<String> announced = new ArrayList<>();
    private final PublishedLegs legs = new PublishedLegs(PBX, (c, l) -> announced.add("expect " + c + " " + l),
            (c, l) -> announced.add("withdraw " + c + " " + l));

    @Test
    void an_opened_session_is_the_agents_line_until_it_closes() {
        legs.onEvent(new PbxEvent.AgentSessionOpened(PBX, AT, AGENT, SESSION));
        assertThat(legs.sessionLegOf(AGENT)).hasValue(SESSION);

        legs.onEvent(new PbxEvent.AgentSessionClosed(PBX, AT, AGENT, SESSION));
        assertThat(legs.sessionLegOf(AGENT)).isEmpty();
    }

    @Test
    void a_connected_call_knows_its_agent_leg_until_the_customer_hangs_up_while_the_session_stays() {
        legs.onEvent(new PbxEvent.AgentSessionOpened(PBX, AT, AGENT, SESSION));
        legs.onEvent(new PbxEvent.CallConnected(PBX, AT, CALL, LegId.of(CALL.value()), SESSION));
        assertThat(legs.agentLegOf(CALL)).hasValue(SESSION);

        legs.onEvent(new PbxEvent.LegHungUp(PBX, AT, CALL, LegId.of(CALL.value()), HangupCause.NORMAL_CLEARING));

        assertThat(legs.agentLegOf(CALL)).isEmpty();
        assertThat(legs.sessionLegOf(AGENT)).hasValue(SESSION);
    }

    @Test
    void a_session_leg_that_hangs_up_is_forgotten_as_the_agents_line_and_as_the_calls_agent() {
        legs.onEvent(new PbxEvent.AgentSessionOpened(PBX, AT, AGENT, SESSION));
        legs.onEvent(new PbxEvent.CallConnected(PBX, AT, CALL, LegId.of(CALL.value()), SESSION));

        legs.onEvent(new PbxEvent.LegHungUp(PBX, AT, CallId.of(SESSION.value()), SESSION, HangupCause.NORMAL_CLEARING));

        assertThat(legs.sessionLegOf(AGENT)).isEmpty();
        assertThat(legs.agentLegOf(CALL)).isEmpty();
    }

    @Test
    void events_of_another_pbx_are_ignored_and_announcements_go_to_the_registry() {
        legs.onEvent(new PbxEvent.AgentSessionOpened(PbxId.of("fs2"), AT, AGENT, SESSION));
        legs.expectAgentLeg(CALL, LegId.of("fs1/agent-7"));
        legs.withdrawAgentLeg(CALL, LegId.of("fs1/agent-7"));

        assertThat(legs.sessionLegOf(AGENT)).isEmpty();
        assertThat(announced).containsExactly("expect " + CALL + " fs1/agent-7", "withdraw " + CALL + " fs1/agent-7");
    }
}
