package io.switchboard.ami.translate;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.event.PbxEvent.AgentLoggedIn;
import io.switchboard.core.event.PbxEvent.AgentLoggedOut;
import io.switchboard.core.event.PbxEvent.AgentSessionClosed;
import io.switchboard.core.event.PbxEvent.AgentSessionOpened;
import io.switchboard.core.event.PbxEvent.CallConnected;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The revised glue's agent UserEvents, written in wire form (no recording shows them yet). */
class AgentGlueTranslationTest {

    static final String PHONE = "PJSIP/1001-00000005";
    static final String PHONE_ID = "1800000100.5";
    static final String CUSTOMER = "PJSIP/trunk-00000006";
    static final String CUSTOMER_ID = "1800000100.6";
    static final String BRIDGE = "3f1c2a3e-0000-4000-8000-000000000001";

    @Test
    void a_nailed_up_login_opens_a_session_whose_leg_customers_are_connected_to_and_its_end_closes_it() {
        Replay replay = Replay.ofWire(
                Wire.newChannel(PHONE, PHONE_ID, PHONE_ID, "switchboard-features"),
                Wire.userEvent("AgentLogin", PHONE, PHONE_ID, PHONE_ID, "Agent: a1", "Device: PJSIP/1001",
                        "Mode: nailed"),
                Wire.userEvent("AgentSessionStarted", PHONE, PHONE_ID, PHONE_ID, "Agent: a1"),
                Wire.confbridgeJoin("switchboard-agent-a1", BRIDGE, PHONE, PHONE_ID),
                Wire.newChannel(CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "switchboard-inbound"),
                Wire.userEvent("InboundCall", CUSTOMER, CUSTOMER_ID, CUSTOMER_ID, "DNID: 100", "Queue: support"),
                Wire.confbridgeJoin("switchboard-agent-a1", BRIDGE, CUSTOMER, CUSTOMER_ID),
                Wire.userEvent("AgentSessionEnded", PHONE, PHONE_ID, PHONE_ID, "Agent: a1"));
        LegId session = LegId.of("pbx1/" + PHONE_ID);

        assertThat(replay.only(AgentLoggedIn.class)).singleElement().satisfies(login -> {
            assertThat(login.agent()).isEqualTo(AgentId.of("a1"));
            assertThat(login.device()).isEqualTo("PJSIP/1001");
            assertThat(login.nailed()).isTrue();
        });
        assertThat(replay.only(AgentSessionOpened.class)).extracting(AgentSessionOpened::agent, AgentSessionOpened::leg)
                .containsExactly(tuple(AgentId.of("a1"), session));
        assertThat(replay.only(CallConnected.class)).singleElement().satisfies(connected -> {
            assertThat(connected.call()).isEqualTo(CallId.of("pbx1/" + CUSTOMER_ID));
            assertThat(connected.agentLeg()).isEqualTo(session);
        });
        assertThat(replay.only(AgentSessionClosed.class)).extracting(AgentSessionClosed::leg).containsExactly(session);
        assertThat(replay.events()).map(PbxEvent::getClass).map(Class::getSimpleName).containsExactly(
                "AgentLoggedIn", "AgentSessionOpened", "CallOffered", "CallConnected", "AgentSessionClosed");
    }

    @Test
    void an_on_demand_login_is_not_nailed_and_a_logout_names_the_phone() {
        Replay replay = Replay.ofWire(
                Wire.userEvent("AgentLogin", PHONE, PHONE_ID, PHONE_ID, "Agent: a2", "Device: PJSIP/1001",
                        "Mode: ondemand"),
                Wire.userEvent("AgentLogout", PHONE, PHONE_ID, PHONE_ID, "Agent: a2", "Device: PJSIP/1001"));

        assertThat(replay.only(AgentLoggedIn.class)).extracting(AgentLoggedIn::nailed).containsExactly(false);
        assertThat(replay.only(AgentLoggedOut.class)).singleElement().satisfies(logout -> {
            assertThat(logout.agent()).isEqualTo(AgentId.of("a2"));
            assertThat(logout.device()).isEqualTo("PJSIP/1001");
        });
    }

    @Test
    void a_login_without_an_agent_id_is_counted_not_reported() {
        Replay replay = Replay.ofWire(Wire.userEvent("AgentLogin", PHONE, PHONE_ID, PHONE_ID, "Agent: ",
                "Device: PJSIP/1001", "Mode: nailed"));

        assertThat(replay.events()).isEmpty();
        assertThat(replay.translator().skipped()).containsEntry("UserEvent:AgentLogin(no Agent or Device)", 1L);
    }
}
