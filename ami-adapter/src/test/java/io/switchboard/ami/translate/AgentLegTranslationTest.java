package io.switchboard.ami.translate;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.PbxEvent.CallConnected;
import io.switchboard.core.event.PbxEvent.CallReturnedToHold;
import io.switchboard.core.event.PbxEvent.LegAnswered;
import io.switchboard.core.event.PbxEvent.LegHungUp;
import io.switchboard.core.event.PbxEvent.LegRinging;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The recordings 05 and 06 as if Switchboard had sent the Redirect with {@code connectToAgent}: the agent leg
 * the customer's channel dials is reported under the id Switchboard gave, as the {@code CallControl} port
 * promises, and not under Asterisk's Uniqueid.
 */
class AgentLegTranslationTest {

    private static final LegId AGENT_LEG = LegId.of("pbx1/agent-leg-7");

    @Test
    void an_agent_who_answers_is_answered_and_connected_under_the_leg_switchboard_named() {
        Replay replay = Replay.expectingAgentLeg("05-hold-redirect-agent-answers.ami.txt", AGENT_LEG);
        CallId call = CallId.of("pbx1/1795485503.1");

        assertThat(replay.only(LegAnswered.class)).extracting(LegAnswered::call, LegAnswered::leg)
                .contains(tuple(call, AGENT_LEG));
        assertThat(replay.only(CallConnected.class)).singleElement().satisfies(connected -> {
            assertThat(connected.call()).isEqualTo(call);
            assertThat(connected.leg()).isEqualTo(LegId.of("pbx1/1795485503.1"));
            assertThat(connected.agentLeg()).isEqualTo(AGENT_LEG);
        });
        assertThat(replay.only(LegHungUp.class)).extracting(LegHungUp::leg).containsOnlyOnce(AGENT_LEG);
    }

    @Test
    void an_agent_who_does_not_answer_rings_and_fails_with_no_answer_under_the_leg_switchboard_named() {
        Replay replay = Replay.expectingAgentLeg("06-hold-redirect-agent-noanswer.ami.txt", AGENT_LEG);
        CallId call = CallId.of("pbx1/1795485524.1");

        assertThat(replay.only(LegRinging.class)).extracting(LegRinging::call, LegRinging::leg)
                .containsExactly(tuple(call, AGENT_LEG));
        assertThat(replay.only(LegHungUp.class)).extracting(LegHungUp::leg, LegHungUp::cause)
                .containsExactly(tuple(AGENT_LEG, HangupCause.NO_ANSWER),
                        tuple(LegId.of("pbx1/1795485524.1"), HangupCause.OTHER));
        assertThat(replay.only(CallReturnedToHold.class)).singleElement().satisfies(back -> {
            assertThat(back.reason()).isEqualTo(HoldReason.NO_ANSWER);
            assertThat(back.leg()).contains(AGENT_LEG);
        });
    }

    @Test
    void without_an_expectation_the_agent_leg_keeps_asterisks_uniqueid() {
        Replay replay = Replay.of("06-hold-redirect-agent-noanswer.ami.txt");

        assertThat(replay.only(LegRinging.class)).extracting(LegRinging::leg)
                .containsExactly(LegId.of("pbx1/1795485527.2"));
    }
}
