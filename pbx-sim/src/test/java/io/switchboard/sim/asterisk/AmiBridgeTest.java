package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AMI Bridge action of fixture 08b, on the values the conformance test does not compare. */
class AmiBridgeTest {

    @Test
    void the_held_customer_takes_the_agents_older_linkedid_and_the_agent_goes_on_in_its_dialplan() throws Exception {
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "s"), Dialplan.fixtures(), Map.of(), 0.02,
                Clock.systemUTC());
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            client.write("Action: Login\r\nUsername: cti\r\nSecret: s\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            client.until("SuccessfulAuth");
            client.action("Action", "Originate", "Channel", "Local/agent2@agents", "Application", "Wait", "Data", "60",
                    "Async", "true");
            String agentLinkedid = client.until("OriginateResponse").first("Uniqueid").orElseThrow();
            client.action("Action", "Originate", "Channel", "Local/s@hold", "Context", "caller", "Exten", "s",
                    "Priority", "1", "Async", "true");
            String customer = client.until("MusicOnHoldStart").first("Channel").orElseThrow();
            client.action("Action", "Bridge", "Channel1", "Local/agent2@agents-00000000;1", "Channel2", customer,
                    "Tone", "no");
            client.until("BridgeEnter");
            AmiMessage customerEnters = client.until("BridgeEnter");

            assertThat(customerEnters.first("Channel")).contains(customer);
            assertThat(customerEnters.first("Linkedid")).contains(agentLinkedid);
            assertThat(customerEnters.first("Priority")).contains("5");

            client.action("Action", "Hangup", "Channel", customer.replace(";2", ";1"));
            client.until("BridgeDestroy");
            AmiMessage resumes = client.until("Newexten");
            assertThat(resumes.first("Channel")).contains("Local/agent2@agents-00000000;1");
            assertThat(resumes.first("Application")).contains("NoOp");
        }
    }
}
