package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A predictive campaign runs through the server's dialer against pbx-sim customers, with two nailed-up agents: a
 * person who answers is given to a free agent at the answer and the agent's disposition closes the lead; a
 * machine is hung up on and its lead recycled; a lead whose callee it is night for is deferred, not called; an
 * opted-out number is never called. Every decision has its audit row, which says why.
 */
abstract class DialerScenarios extends PbxScenarios {

    private static final String QUEUE = "4930100970";
    private static final String HUMAN = "+442071230701";
    private static final String MACHINE = "+442071230702";
    private static final String NIGHT = "+442071230703";
    private static final String OPTED_OUT = "+442071230704";
    private static final Phone ANSWERS_AND_STAYS = new Phone.Answers(Duration.ofSeconds(1), null);

    DialerScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAndNailedUpAgents() throws Exception {
        attach("dialer", Map.of(
                flavour.device("7701"), ANSWERS_AND_STAYS,
                flavour.device("7702"), ANSWERS_AND_STAYS,
                flavour.customer(HUMAN), new Phone.Answers(Duration.ofSeconds(2), Duration.ofSeconds(6), AmdOutcome.HUMAN),
                flavour.customer(MACHINE), new Phone.Answers(Duration.ofSeconds(2), null, AmdOutcome.MACHINE),
                flavour.customer(NIGHT), new Phone.Answers(Duration.ofSeconds(2), null, AmdOutcome.HUMAN),
                flavour.customer(OPTED_OUT), new Phone.Answers(Duration.ofSeconds(2), null, AmdOutcome.HUMAN)));
        agent("d1", "Dee", "7701");
        agent("d2", "Dan", "7702");
        queue(QUEUE, "dialout", 0, "d1", "d2");
        openLine("d1");
        openLine("d2");
    }

    @Test
    void a_predictive_campaign_gives_live_answers_to_agents_and_never_calls_out_of_hours_or_an_opted_out_number()
            throws Exception {
        awaitState("d1", "available");
        awaitState("d2", "available");
        api.post("/api/v1/campaigns", "{\"id\":\"winback\",\"name\":\"Win-back\",\"mode\":\"predictive\","
                + "\"queue\":\"" + QUEUE + "\",\"jurisdiction\":\"uk\",\"defaultRegion\":\"GB\","
                + "\"callingWindow\":{\"opens\":\"09:00\",\"closes\":\"20:00\"}}", 201);
        api.post("/api/v1/campaigns/winback/leads", "["
                + lead(HUMAN, zoneAt(14)) + "," + lead(MACHINE, zoneAt(15)) + "," + lead(NIGHT, zoneAt(3)) + ","
                + lead(OPTED_OUT, zoneAt(14)) + "]", 201);
        api.post("/api/v1/dnc", "{\"phone\":\"" + OPTED_OUT + "\",\"reason\":\"asked on a call\"}", 201);

        api.post("/api/v1/campaigns/winback/start", "", 200);

        JsonNode dialled = awaitAudit(HUMAN, "dialled");
        String humanCall = dialled.path("callId").asText();
        JsonNode connected = awaitCall(humanCall, "the person who answered reached an agent",
                PbxScenarios::agentAnswered);
        assertThat(connected.path("direction").asText()).isEqualTo("outbound");
        assertThat(connected.path("agentId").asText()).isIn("d1", "d2");
        String agent = connected.path("agentId").asText();
        awaitCall(humanCall, "the call ended", PbxScenarios::ended);
        String humanLead = leadOf(HUMAN).path("id").asText();
        api.post("/api/v1/campaigns/winback/leads/" + humanLead + "/disposition", "{\"disposition\":\"sale\"}", 204);
        assertThat(awaitLead(HUMAN, "completed").path("attempts").asInt()).isEqualTo(1);
        awaitState(agent, "available");

        String machineCall = awaitAudit(MACHINE, "dialled").path("callId").asText();
        JsonNode machine = awaitCall(machineCall, "the machine was hung up on", PbxScenarios::ended);
        assertThat(machine.path("agentId").isNull() || machine.path("agentId").asText().isEmpty())
                .as("a machine never reaches an agent").isTrue();
        assertThat(awaitLead(MACHINE, "scheduled").path("attempts").asInt()).isEqualTo(1);

        JsonNode night = awaitAudit(NIGHT, "deferred");
        assertThat(night.path("reason").asText()).isEqualTo("outside-window");
        assertThat(night.path("callId").isNull() || night.path("callId").asText().isEmpty()
                || api.callRecord(night.path("callId").asText()) == null).isTrue();
        assertThat(leadOf(NIGHT).path("state").asText()).isEqualTo("scheduled");

        assertThat(leadOf(OPTED_OUT).path("state").asText()).isEqualTo("dnc");
        assertThat(audit(OPTED_OUT)).noneMatch(row -> row.path("decision").asText().equals("dialled"));
        assertThat(serverLog("event=campaign-dialling")).noneMatch(line -> line.contains("2071230704"));

        api.post("/api/v1/campaigns/winback/pause", "", 200);
    }

    /** A lead in the zone whose local time is now about {@code hour}:00, so the test holds at any hour it runs. */
    private static String lead(String phone, String zone) {
        return "{\"phone\":\"" + phone + "\",\"timeZone\":\"" + zone + "\"}";
    }

    private static String zoneAt(int hour) {
        int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + (-offset));
    }

    private List<JsonNode> audit(String phone) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        api.getJson("/api/v1/dial-audit?campaign=winback&phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8))
                .path("rows").forEach(rows::add);
        return rows;
    }

    private JsonNode awaitAudit(String phone, String decision) throws Exception {
        return api.await("a '" + decision + "' audit row for " + phone, () -> audit(phone),
                rows -> rows.stream().anyMatch(r -> r.path("decision").asText().equals(decision)), SOON)
                .stream().filter(r -> r.path("decision").asText().equals(decision)).findFirst().orElseThrow();
    }

    private JsonNode leadOf(String phone) throws Exception {
        for (JsonNode lead : api.getJson("/api/v1/campaigns/winback/leads?limit=100").path("leads")) {
            if (lead.path("phone").asText().equals(phone)) {
                return lead;
            }
        }
        throw new AssertionError("no lead " + phone);
    }

    private JsonNode awaitLead(String phone, String state) throws Exception {
        return api.await("lead " + phone + " " + state, () -> leadOf(phone),
                lead -> lead.path("state").asText().equals(state), SOON);
    }
}
