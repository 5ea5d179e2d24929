package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent's phone dials the glue's feature codes in switchboard-features. */
class FeatureCodeGlueTest {

    private static final SimulatorConfig CONFIG = new SimulatorConfig(Map.of("cti", "s"),
            Dialplan.switchboard(GlueContexts.shipped()),
            Map.of("SIP/2001", new Phone.Answers(Duration.ofMillis(500), null)), 0.01, Clock.systemUTC());

    @Test
    void star_71_announces_the_phones_channel_logs_the_agent_in_on_demand_and_hangs_up() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            String channel = sim.phoneDials("SIP/2001", "*71");

            assertThat(channel).startsWith("SIP/2001-");
            AmiMessage created = client.until("Newchannel");
            assertThat(created.first("Channel")).contains(channel);
            assertThat(created.first("ChannelStateDesc")).contains("Down");
            assertThat(created.first("CallerIDNum")).contains("2001");
            assertThat(created.first("Context")).contains("switchboard-features");
            assertThat(created.first("Exten")).contains("*71");
            assertThat(client.until("Newstate").first("ChannelStateDesc")).contains("Ring");
            assertThat(client.until("Newstate").first("ChannelStateDesc")).contains("Up");
            AmiMessage login = client.until("UserEvent");
            assertThat(login.first("UserEvent")).contains("AgentLogin");
            assertThat(login.first("Agent")).contains("2001");
            assertThat(login.first("Device")).contains("SIP/2001");
            assertThat(login.first("Mode")).contains("ondemand");
            assertThat(login.first("Priority")).contains("3");
            assertThat(login.all("Channel")).containsExactly(channel);
            AmiMessage playback = client.until("Newexten");
            assertThat(playback.first("Application")).contains("Playback");
            assertThat(playback.first("AppData")).contains("agent-loginok");
            assertThat(client.until("Hangup").first("Channel")).contains(channel);
        }
    }

    @Test
    void star_72_logs_out_the_agent_the_endpoint_names() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            sim.phoneDials(new DeskPhone("PJSIP/desk7", "2007", "a7"), "*72");

            AmiMessage variable = client.until("VarSet");
            assertThat(variable.first("Variable")).contains("SWITCHBOARD_AGENT");
            assertThat(variable.first("Value")).contains("a7");
            AmiMessage logout = client.until("UserEvent");
            assertThat(logout.first("UserEvent")).contains("AgentLogout");
            assertThat(logout.first("Agent")).contains("a7");
            assertThat(logout.first("Device")).contains("PJSIP/desk7");
            assertThat(logout.first("Mode")).isEmpty();
            assertThat(client.until("Newexten").first("AppData")).contains("agent-loggedoff");
            client.until("Hangup");
        }
    }

    @Test
    void star_70_logs_in_nailed_and_stays_in_the_agents_conference_until_hung_up() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            String agentLeg = sim.phoneDials("SIP/2001", "*70");

            AmiMessage login = client.until("UserEvent");
            assertThat(login.first("UserEvent")).contains("AgentLogin");
            assertThat(login.first("Mode")).contains("nailed");
            assertThat(login.first("Agent")).contains("2001");
            AmiMessage started = client.until("UserEvent");
            assertThat(started.first("UserEvent")).contains("AgentSessionStarted");
            assertThat(started.first("Agent")).contains("2001");
            assertThat(started.first("Context")).contains("switchboard-agent-session");
            AmiMessage join = client.until("ConfbridgeJoin");
            assertThat(join.first("Channel")).contains(agentLeg);
            assertThat(join.first("Conference")).contains("switchboard-agent-2001");

            String caller = sim.inboundCall(InboundCall.of("5550001", "100"));
            client.until("MusicOnHoldStart");
            client.action("Action", "Redirect", "Channel", caller, "Context", "switchboard-join", "Exten", "2001",
                    "Priority", "1");
            assertThat(client.until("ConfbridgeJoin").first("Channel")).contains(caller);

            sim.callerHangsUp(agentLeg);
            List<String> userEvents = new ArrayList<>();
            AmiMessage event;
            do {
                event = client.until("UserEvent");
                userEvents.add(event.first("UserEvent").orElse("") + "/" + event.first("Agent").orElse("")
                        + event.first("Reason").orElse(""));
            } while (!event.first("UserEvent").orElse("").equals("CallerOnHold"));
            assertThat(userEvents).containsExactly("AgentSessionEnded/2001", "CallerOnHold/AGENTLEFT");
        }
    }
}
