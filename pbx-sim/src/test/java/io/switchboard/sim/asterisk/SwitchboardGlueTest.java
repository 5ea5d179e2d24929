package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiFrame;
import io.switchboard.sim.ami.AmiMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwitchboardGlueTest {

    private static final String LOGIN = "Action: Login\r\nActionID: l\r\nUsername: cti\r\nSecret: s\r\n\r\n";

    @Test
    void an_inbound_call_is_announced_held_and_connected_to_the_agent_phone_that_answers() throws Exception {
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "s"), Dialplan.switchboard(GlueContexts.shipped()),
                Map.of("SIP/1001", new Phone.Answers(Duration.ofSeconds(1), null)), 0.01, Clock.systemUTC());
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            client.write(LOGIN.getBytes(StandardCharsets.UTF_8));
            readUntil(client, "SuccessfulAuth");
            String channel = sim.inboundCall(InboundCall.of("5550001", "4930123456"));

            AmiMessage inbound = readUntil(client, "UserEvent");
            assertThat(inbound.first("UserEvent")).contains("InboundCall");
            assertThat(inbound.first("DNID")).contains("4930123456");
            assertThat(inbound.first("Queue")).contains("4930123456");
            AmiMessage onHold = readUntil(client, "UserEvent");
            assertThat(onHold.first("UserEvent")).contains("CallerOnHold");
            assertThat(onHold.first("Reason")).contains("NEW");
            readUntil(client, "MusicOnHoldStart");

            client.write(("Action: Setvar\r\nChannel: " + channel + "\r\nVariable: SWITCHBOARD_DEVICE\r\nValue: SIP/1001\r\n\r\n"
                    + "Action: Redirect\r\nChannel: " + channel + "\r\nContext: switchboard-connect\r\nExten: s\r\nPriority: 1\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            AmiMessage dialEnd = readUntil(client, "DialEnd");
            assertThat(dialEnd.first("DialStatus")).contains("ANSWER");
            AmiMessage enter = readUntil(client, "BridgeEnter");
            assertThat(enter.first("Channel")).hasValueSatisfying(c -> assertThat(c).startsWith("SIP/1001-"));
        }
    }

    @Test
    void a_busy_agent_sends_the_caller_back_to_hold_with_the_reason() throws Exception {
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "s"), Dialplan.switchboard(GlueContexts.shipped()),
                Map.of("SIP/1002", new Phone.Busy()), 0.01, Clock.systemUTC());
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            client.write(LOGIN.getBytes(StandardCharsets.UTF_8));
            readUntil(client, "SuccessfulAuth");
            String channel = sim.inboundCall(InboundCall.of("5550001", "100"));
            readUntil(client, "MusicOnHoldStart");
            client.write(("Action: Setvar\r\nChannel: " + channel + "\r\nVariable: SWITCHBOARD_DEVICE\r\nValue: SIP/1002\r\n\r\n"
                    + "Action: Setvar\r\nChannel: " + channel + "\r\nVariable: SWITCHBOARD_AGENT\r\nValue: a7\r\n\r\n"
                    + "Action: Redirect\r\nChannel: " + channel + "\r\nContext: switchboard-connect\r\nExten: s\r\nPriority: 1\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            AmiMessage result = readUntil(client, "UserEvent");
            assertThat(result.first("UserEvent")).contains("AgentDialResult");
            assertThat(result.first("DialStatus")).contains("BUSY");
            assertThat(result.first("Agent")).contains("a7");
            AmiMessage backOnHold = readUntil(client, "UserEvent");
            assertThat(backOnHold.first("Reason")).contains("BUSY");

            sim.callerHangsUp(channel);
            AmiMessage hangup = readUntil(client, "Hangup");
            assertThat(hangup.first("Channel")).contains(channel);
        }
    }

    @Test
    void a_connected_caller_redirected_to_switchboard_transfer_drops_the_agent_and_reports_call_transferred()
            throws Exception {
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "s"), Dialplan.switchboard(GlueContexts.shipped()),
                Map.of("SIP/1001", new Phone.Answers(Duration.ofSeconds(1), null)), 0.01, Clock.systemUTC());
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            client.write(LOGIN.getBytes(StandardCharsets.UTF_8));
            readUntil(client, "SuccessfulAuth");
            String channel = sim.inboundCall(InboundCall.of("5550001", "4930123456"));
            readUntil(client, "MusicOnHoldStart");
            client.write(("Action: Setvar\r\nChannel: " + channel + "\r\nVariable: SWITCHBOARD_DEVICE\r\nValue: SIP/1001\r\n\r\n"
                    + "Action: Redirect\r\nChannel: " + channel + "\r\nContext: switchboard-connect\r\nExten: s\r\nPriority: 1\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            readUntil(client, "BridgeEnter");

            client.write(("Action: Setvar\r\nChannel: " + channel + "\r\nVariable: SWITCHBOARD_TRANSFER_CONTEXT\r\nValue: from-internal\r\n\r\n"
                    + "Action: Redirect\r\nChannel: " + channel + "\r\nContext: switchboard-transfer\r\nExten: +442071239999\r\nPriority: 1\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));

            AmiMessage agentGone = readUntil(client, "Hangup");
            assertThat(agentGone.first("Channel")).hasValueSatisfying(c -> assertThat(c).startsWith("SIP/1001-"));
            AmiMessage transferred = readUntil(client, "UserEvent");
            assertThat(transferred.first("UserEvent")).contains("CallTransferred");
            assertThat(transferred.first("Channel")).contains(channel);
            assertThat(transferred.first("Target")).contains("+442071239999");
            assertThat(transferred.first("TargetContext")).contains("from-internal");
            AmiMessage callerGone = readUntil(client, "Hangup");
            assertThat(callerGone.first("Channel")).contains(channel);
        }
    }

    @Test
    void a_caller_redirected_to_switchboard_exit_reaches_the_admins_voicemail_with_queuestatus() throws Exception {
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "s"), Dialplan.switchboard(GlueContexts.shipped()),
                Map.of(), 0.01, Clock.systemUTC());
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            client.write(LOGIN.getBytes(StandardCharsets.UTF_8));
            readUntil(client, "SuccessfulAuth");
            String channel = sim.inboundCall(InboundCall.of("5550001", "4930123456"));
            readUntil(client, "MusicOnHoldStart");

            client.write(("Action: Setvar\r\nChannel: " + channel + "\r\nVariable: QUEUESTATUS\r\nValue: LEAVEEMPTY\r\n\r\n"
                    + "Action: Setvar\r\nChannel: " + channel + "\r\nVariable: SWITCHBOARD_EXIT_CONTEXT\r\nValue: voicemail\r\n\r\n"
                    + "Action: Redirect\r\nChannel: " + channel + "\r\nContext: switchboard-exit\r\nExten: 8001\r\nPriority: 1\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            AmiMessage voicemail = readUntil(client, "Newexten", m -> m.first("Application").orElse("").equals("VoiceMail"));

            assertThat(voicemail.first("Context")).contains("voicemail");
            assertThat(voicemail.first("AppData")).contains("8001@default,u");
            String[] where = new String[2];
            sim.drive(world -> {
                where[0] = world.dialplanLocation(channel).orElse("gone");
                where[1] = world.variable(channel, "QUEUESTATUS").orElse("unset");
            });
            assertThat(where).containsExactly("voicemail,8001", "LEAVEEMPTY");
        }
    }

    @Test
    void a_transfer_without_a_context_sends_the_caller_back_to_hold() throws Exception {
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "s"), Dialplan.switchboard(GlueContexts.shipped()),
                Map.of(), 0.01, Clock.systemUTC());
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0);
                AmiTestClient client = new AmiTestClient(sim.port())) {
            client.write(LOGIN.getBytes(StandardCharsets.UTF_8));
            readUntil(client, "SuccessfulAuth");
            String channel = sim.inboundCall(InboundCall.of("5550001", "4930123456"));
            readUntil(client, "MusicOnHoldStart");

            client.write(("Action: Redirect\r\nChannel: " + channel
                    + "\r\nContext: switchboard-transfer\r\nExten: +442071239999\r\nPriority: 1\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));

            AmiMessage backOnHold = readUntil(client, "UserEvent");
            assertThat(backOnHold.first("UserEvent")).contains("CallerOnHold");
            assertThat(backOnHold.first("Reason")).contains("NOTRANSFERCONTEXT");
        }
    }

    private static AmiMessage readUntil(AmiTestClient client, String event) throws Exception {
        return readUntil(client, event, m -> true);
    }

    private static AmiMessage readUntil(AmiTestClient client, String event, java.util.function.Predicate<AmiMessage> also)
            throws Exception {
        List<String> seen = new ArrayList<>();
        while (true) {
            AmiFrame frame = client.next().orElseThrow(() -> new AssertionError("EOF before " + event + " after " + seen));
            if (frame instanceof AmiMessage m) {
                seen.add(m.event().orElse("response"));
                if (m.event().filter(event::equals).isPresent() && also.test(m)) {
                    return m;
                }
            }
        }
    }
}
