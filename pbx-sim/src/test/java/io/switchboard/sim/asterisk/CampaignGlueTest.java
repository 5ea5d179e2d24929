package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The glue's campaign branch of switchboard-outbound: a live answer with SWITCHBOARD_CAMPAIGN set and no
 * SWITCHBOARD_AGENT waits (Wait) for Switchboard's Redirect to switchboard-join, else gets the safe harbour with
 * reason NOTCONNECTED; SWITCHBOARD_MACHINE_ACTION=agent treats a machine as live.
 */
class CampaignGlueTest {

    private static final Duration RING = Duration.ofMillis(300);
    private static final SimulatorConfig CONFIG = new SimulatorConfig(Map.of("cti", "s"),
            Dialplan.switchboard(GlueContexts.shipped()), Map.of(
                    "SIP/2001", new Phone.Answers(RING, null),
                    "SIP/5550100@carrier", new Phone.Answers(RING, null, AmdOutcome.HUMAN),
                    "SIP/5550200@carrier", new Phone.Answers(RING, null, AmdOutcome.MACHINE)),
            0.01, Clock.systemUTC());

    @Test
    void a_live_answer_redirected_to_an_agent_within_the_wait_joins_the_agents_conference() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            NailedAgentGlueTest.startSession(client, "a7");
            // 100 s of glue time is 1 s at this time scale: room for the test's round trip
            dial(client, "SIP/5550100@carrier", "SWITCHBOARD_CONNECT_WAIT=100");
            AmiMessage amd = client.until("UserEvent");
            assertThat(amd.first("UserEvent")).contains("AMD");
            assertThat(amd.first("Status")).contains("HUMAN");
            String customer = amd.first("Channel").orElseThrow();
            client.action("Action", "Redirect", "ActionID", "join", "Channel", customer,
                    "Context", "switchboard-join", "Exten", "a7", "Priority", "1");
            AmiMessage join = client.until("ConfbridgeJoin");
            assertThat(join.first("Conference")).contains("switchboard-agent-a7");
            assertThat(join.first("Channel")).contains(customer);
        }
    }

    @Test
    void a_live_answer_nobody_redirects_gets_the_safe_harbour_notconnected_after_the_default_wait() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            dial(client, "SIP/5550100@carrier", "SWITCHBOARD_AGENT=");
            assertThat(client.until("UserEvent").first("UserEvent")).contains("AMD");
            AmiMessage harbour = client.until("UserEvent");
            assertThat(harbour.first("UserEvent")).contains("SafeHarbour");
            assertThat(harbour.first("Reason")).contains("NOTCONNECTED");
            assertThat(harbour.first("Agent").orElse("")).isEmpty();
            assertThat(client.until("Hangup").first("Cause")).contains("16");
        }
    }

    @Test
    void a_machine_with_machine_action_agent_waits_like_a_live_answer() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            NailedAgentGlueTest.startSession(client, "a7");
            dial(client, "SIP/5550200@carrier", "SWITCHBOARD_MACHINE_ACTION=agent,SWITCHBOARD_CONNECT_WAIT=100");
            AmiMessage amd = client.until("UserEvent");
            assertThat(amd.first("Status")).contains("MACHINE");
            String customer = amd.first("Channel").orElseThrow();
            client.action("Action", "Redirect", "ActionID", "join", "Channel", customer,
                    "Context", "switchboard-join", "Exten", "a7", "Priority", "1");
            AmiMessage join = client.until("ConfbridgeJoin");
            assertThat(join.first("Channel")).contains(customer);
        }
    }

    /** What {@code CampaignCalls} sends for a power or predictive call: a campaign, no agent. */
    private static void dial(AmiTestClient client, String customer, String variables) throws Exception {
        client.action("Action", "Originate", "ActionID", "camp-" + customer, "Channel", customer,
                "Context", "switchboard-outbound", "Exten", "s", "Priority", "1", "Timeout", "20000",
                "Variable", "SWITCHBOARD_CAMPAIGN=c1,SWITCHBOARD_LEAD=l1,SWITCHBOARD_TASK=t1," + variables,
                "Async", "true");
    }
}
