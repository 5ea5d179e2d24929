package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The glue's switchboard-outbound: AMD, then the agent's conference, safe harbour or the machine path. */
class OutboundGlueTest {

    private static final Duration RING = Duration.ofMillis(300);
    private static final SimulatorConfig CONFIG = new SimulatorConfig(Map.of("cti", "s"),
            Dialplan.switchboard(GlueContexts.shipped()), Map.of(
                    "SIP/2001", new Phone.Answers(RING, null),
                    "SIP/5550100@carrier", new Phone.Answers(RING, null, AmdOutcome.HUMAN),
                    "SIP/5550200@carrier", new Phone.Answers(RING, null, AmdOutcome.MACHINE),
                    "SIP/5550300@carrier", new Phone.Answers(RING, null, AmdOutcome.NOTSURE),
                    "SIP/5550400@carrier", new Phone.Busy(),
                    "SIP/5550500@carrier", new Phone.NeverAnswers()),
            0.01, Clock.systemUTC());

    @Test
    void a_human_is_reported_by_AMD_and_joins_the_nailed_agent() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            NailedAgentGlueTest.startSession(client, "a7");
            dial(client, "SIP/5550100@carrier", "SWITCHBOARD_AGENT=a7");
            AmiMessage amd = client.until("UserEvent");
            assertThat(amd.first("UserEvent")).contains("AMD");
            assertThat(amd.first("Status")).contains("HUMAN");
            assertThat(amd.first("Cause")).contains("HUMAN-810-800");
            AmiMessage join = client.until("ConfbridgeJoin");
            assertThat(join.first("Conference")).contains("switchboard-agent-a7");
            assertThat(join.first("Channel")).hasValueSatisfying(c -> assertThat(c).startsWith("SIP/carrier-"));
        }
    }

    @Test
    void not_sure_without_the_agent_takes_the_safe_harbour_and_hangs_up() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            dial(client, "SIP/5550300@carrier", "SWITCHBOARD_AGENT=a8");
            assertThat(client.until("UserEvent").first("Cause")).contains("TOOLONG-4900");
            AmiMessage harbour = client.until("UserEvent");
            assertThat(harbour.first("UserEvent")).contains("SafeHarbour");
            assertThat(harbour.first("Reason")).contains("AGENTABSENT");
            assertThat(client.until("Hangup").first("Cause")).contains("16");
        }
    }

    @Test
    void a_machine_gets_the_message_when_the_campaign_asks_for_it() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            dial(client, "SIP/5550200@carrier",
                    "SWITCHBOARD_MACHINE_ACTION=message,SWITCHBOARD_MACHINE_MESSAGE=custom/offer");
            AmiMessage amd = client.until("UserEvent");
            assertThat(amd.first("Status")).contains("MACHINE");
            assertThat(amd.first("Cause")).contains("INITIALSILENCE-2520-2500");
            assertThat(client.until("UserEvent").first("UserEvent")).contains("AMDMessageLeft");
            client.until("Hangup");
        }
    }

    @Test
    void busy_and_unanswered_customers_fail_the_originate_with_reasons_5_and_3() throws Exception {
        try (AsteriskSimulator sim = new AsteriskSimulator(CONFIG).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            NailedAgentGlueTest.login(client);
            List<String> reasons = new ArrayList<>();
            for (String customer : List.of("SIP/5550400@carrier", "SIP/5550500@carrier", "SIP/5550600@nowhere")) {
                dial(client, customer, "SWITCHBOARD_AGENT=a7");
                AmiMessage response = client.until("OriginateResponse");
                assertThat(response.first("Response")).contains("Failure");
                assertThat(response.first("Channel")).contains(customer);
                assertThat(response.first("Uniqueid")).contains("<unknown>");
                reasons.add(response.first("Reason").orElseThrow());
            }
            assertThat(reasons).containsExactly("5", "3", "3");
        }
    }

    private static void dial(AmiTestClient client, String customer, String variables) throws Exception {
        client.action("Action", "Originate", "ActionID", "out-" + customer, "Channel", customer,
                "Context", "switchboard-outbound", "Exten", "s", "Priority", "1", "Timeout", "20000",
                "Variable", variables, "Async", "true");
    }
}
