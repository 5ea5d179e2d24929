package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The glue's nailed-up agent sessions: switchboard-agent-session and switchboard-join. */
class NailedAgentGlueTest {

    private static final SimulatorConfig CONFIG = new SimulatorConfig(Map.of("cti", "s"),
            Dialplan.switchboard(GlueContexts.shipped()),
            Map.of("SIP/2001", new Phone.Answers(Duration.ofMillis(500), null)), 0.01, Clock.systemUTC());

    @Test
    void a_held_caller_joins_the_agents_conference_and_goes_back_to_hold_when_the_agent_leaves() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            login(client);
            String agentLeg = startSession(client, "a7");

            String caller = sim.inboundCall(InboundCall.of("5550001", "100"));
            client.until("MusicOnHoldStart");
            client.action("Action", "Redirect", "Channel", caller, "Context", "switchboard-join", "Exten", "a7",
                    "Priority", "1");
            AmiMessage joined = client.until("ConfbridgeJoin");
            assertThat(joined.first("Channel")).contains(caller);
            assertThat(joined.first("Conference")).contains("switchboard-agent-a7");

            sim.callerHangsUp(agentLeg);
            java.util.List<AmiMessage> seen = new java.util.ArrayList<>();
            AmiMessage backOnHold;
            do {
                backOnHold = client.until("UserEvent");
                seen.add(backOnHold);
            } while (!backOnHold.first("UserEvent").orElse("").equals("CallerOnHold"));
            assertThat(seen).anySatisfy(e -> {
                assertThat(e.first("UserEvent")).contains("AgentSessionEnded");
                assertThat(e.first("Agent")).contains("a7");
            });
            assertThat(backOnHold.first("Reason")).contains("AGENTLEFT");
        }
    }

    @Test
    void a_join_without_the_agent_in_the_conference_goes_back_to_hold_with_NOAGENT() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            login(client);
            String caller = sim.inboundCall(InboundCall.of("5550001", "100"));
            client.until("MusicOnHoldStart");
            client.action("Action", "Redirect", "Channel", caller, "Context", "switchboard-join", "Exten", "a9",
                    "Priority", "1");
            client.until("MusicOnHoldStop");
            AmiMessage backOnHold = client.until("UserEvent");
            assertThat(backOnHold.first("UserEvent")).contains("CallerOnHold");
            assertThat(backOnHold.first("Reason")).contains("NOAGENT");
        }
    }

    @Test
    void conference_lists_show_the_marked_agent() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            login(client);
            String agentLeg = startSession(client, "a7");
            client.action("Action", "ConfbridgeList", "ActionID", "l1", "Conference", "switchboard-agent-a7");
            AmiMessage item = client.until("ConfbridgeList");
            assertThat(item.first("MarkedUser")).contains("Yes");
            assertThat(item.first("Channel")).contains(agentLeg);
            assertThat(client.until("ConfbridgeListComplete").first("ListItems")).contains("1");
        }
    }

    static void login(AmiTestClient client) throws Exception {
        client.action("Action", "Login", "Username", "cti", "Secret", "s");
        client.until("SuccessfulAuth");
    }

    /** Originates the agent's phone into switchboard-agent-session and returns its channel. */
    static String startSession(AmiTestClient client, String agent) throws Exception {
        client.action("Action", "Originate", "ActionID", "agent-" + agent, "Channel", "SIP/2001",
                "Context", "switchboard-agent-session", "Exten", agent, "Priority", "1", "Async", "true");
        AmiMessage started = client.until("UserEvent");
        assertThat(started.first("UserEvent")).contains("AgentSessionStarted");
        assertThat(started.first("Agent")).contains(agent);
        AmiMessage join = client.until("ConfbridgeJoin");
        assertThat(join.first("Conference")).contains("switchboard-agent-" + agent);
        return join.first("Channel").orElseThrow();
    }
}
