package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agentless campaign (a recorded message, no agent) runs through the server's dialer against pbx-sim
 * customers with no agent logged in at all: never more than its lines in flight, every live answer hears the
 * broadcast, the machine gets the machine message, the person who presses the opt-out digit lands on the
 * campaign's DNC list and is never dialled again, and the DNC and out-of-hours leads are never dialled, with audit
 * rows saying why.
 */
abstract class AgentlessScenarios extends PbxScenarios {

    private static final String QUEUE = "4930100980";
    private static final String LIVE_1 = "+442071230801";
    private static final String LIVE_2 = "+442071230802";
    private static final String LIVE_3 = "+442071230803";
    private static final String MACHINE = "+442071230804";
    private static final String OPTS_OUT = "+442071230805";
    private static final String ON_DNC = "+442071230806";
    private static final String NIGHT = "+442071230807";
    private static final String MESSAGE = "custom/flu-clinic";
    private static final String MACHINE_MESSAGE = "custom/flu-clinic-vm";
    private static final int LINES = 2;
    private static final Duration RING = Duration.ofSeconds(2);

    /** Customer channels up now, and the most ever up at once. */
    private final Set<String> up = ConcurrentHashMap.newKeySet();
    private final AtomicInteger mostUp = new AtomicInteger();
    /** The customer channel of each number dialled, in the order dialled. */
    private final Map<String, List<String>> channelsOf = new ConcurrentHashMap<>();

    AgentlessScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxAndServerWithNoAgent() throws Exception {
        attach("agentless", Map.of(
                flavour.customer(LIVE_1), new Phone.Answers(RING, null, AmdOutcome.HUMAN),
                flavour.customer(LIVE_2), new Phone.Answers(RING, null, AmdOutcome.HUMAN),
                flavour.customer(LIVE_3), new Phone.Answers(RING, null, AmdOutcome.NOTSURE),
                flavour.customer(MACHINE), new Phone.Answers(RING, null, AmdOutcome.MACHINE),
                flavour.customer(OPTS_OUT), new Phone.Answers(RING, null, AmdOutcome.HUMAN).pressing("9"),
                flavour.customer(ON_DNC), new Phone.Answers(RING, null, AmdOutcome.HUMAN),
                flavour.customer(NIGHT), new Phone.Answers(RING, null, AmdOutcome.HUMAN)));
        pbx.drive(world -> world.listen(event -> {
            String name = event.event().orElse("");
            if (name.equals("DialBegin")) {
                String dialString = event.first("DialString").orElse("");
                String channel = event.first("DestChannel").orElse("");
                for (String number : List.of(LIVE_1, LIVE_2, LIVE_3, MACHINE, OPTS_OUT, ON_DNC, NIGHT)) {
                    if (dialString.contains(number.substring(1))) {
                        channelsOf.computeIfAbsent(number, n -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                .add(channel);
                        up.add(channel);
                        mostUp.accumulateAndGet(up.size(), Math::max);
                    }
                }
            } else if (name.equals("Hangup")) {
                up.remove(event.first("Channel").orElse(""));
            }
        }));
        api.post("/api/v1/queues", "{\"id\":\"" + QUEUE + "\",\"name\":\"flu-clinic\",\"members\":[]}", 201);
    }

    @Test
    void an_agentless_campaign_plays_its_broadcast_within_its_lines_and_honours_an_opt_out_at_once()
            throws Exception {
        api.post("/api/v1/campaigns", "{\"id\":\"flu\",\"name\":\"Flu clinic\",\"mode\":\"agentless\","
                + "\"queue\":\"" + QUEUE + "\",\"jurisdiction\":\"uk\",\"defaultRegion\":\"GB\","
                + "\"callingWindow\":{\"opens\":\"09:00\",\"closes\":\"20:00\"},\"broadcastMessage\":\"" + MESSAGE
                + "\",\"lines\":" + LINES + ",\"optOutDigit\":\"9\",\"machine\":\"message\",\"machineMessage\":\""
                + MACHINE_MESSAGE + "\"}", 201);
        api.post("/api/v1/campaigns/flu/leads", "[" + lead(LIVE_1, 14) + "," + lead(LIVE_2, 14) + ","
                + lead(LIVE_3, 15) + "," + lead(MACHINE, 14) + "," + lead(OPTS_OUT, 14) + "," + lead(ON_DNC, 14)
                + "," + lead(NIGHT, 3) + "]", 201);
        importDncList(ON_DNC);

        api.post("/api/v1/campaigns/flu/start", "", 200);

        for (String live : List.of(LIVE_1, LIVE_2, LIVE_3)) {
            assertThat(awaitLead(live, "completed").path("attempts").asInt()).as(live).isEqualTo(1);
            assertThat(heard(live)).as("what %s heard", live).containsExactly(MESSAGE);
            assertThat(leadOf(live).path("lastDisposition").asText()).as(live).isEqualTo("broadcast");
        }
        assertThat(awaitLead(MACHINE, "scheduled").path("lastDisposition").asText()).isEqualTo("machine-message");
        assertThat(heard(MACHINE)).containsExactly(MACHINE_MESSAGE);

        assertThat(awaitLead(OPTS_OUT, "dnc").path("lastDisposition").asText()).isEqualTo("opted-out");
        assertThat(heard(OPTS_OUT)).containsExactly(MESSAGE);
        JsonNode dnc = api.getJson("/api/v1/dnc/" + URLEncoder.encode(OPTS_OUT, StandardCharsets.UTF_8));
        assertThat(dnc.path("onDnc").asBoolean()).isTrue();
        assertThat(dnc.path("entries").get(0).path("source").asText()).isEqualTo("campaign");
        assertThat(dnc.path("entries").get(0).path("campaignId").asText()).isEqualTo("flu");

        JsonNode onDnc = awaitAudit(ON_DNC, "skipped");
        assertThat(onDnc.path("reason").asText()).isEqualTo("dnc");
        assertThat(awaitAudit(NIGHT, "deferred").path("reason").asText()).isEqualTo("outside-window");
        assertThat(leadOf(NIGHT).path("state").asText()).isEqualTo("scheduled");

        // a few passes later: nothing more is dialled, the opted-out number least of all
        api.await("the campaign's calls all ended", () -> up.isEmpty(), SOON);
        Thread.sleep(3000);
        assertThat(dialled(OPTS_OUT)).as("the opted-out number is dialled once").hasSize(1);
        assertThat(dialled(ON_DNC)).isEmpty();
        assertThat(dialled(NIGHT)).isEmpty();
        assertThat(channelsOf).doesNotContainKeys(ON_DNC, NIGHT);
        assertThat(mostUp.get()).as("customer calls up at once").isBetween(1, LINES);
        assertThat(api.getJson("/api/v1/agents").path("agents")).as("no agent at all").isEmpty();
        for (JsonNode row : dialled(LIVE_1)) {
            JsonNode call = api.callRecord(row.path("callId").asText());
            assertThat(call.path("agentId").isNull() || call.path("agentId").asText().isEmpty())
                    .as("no agent on %s", call).isTrue();
        }

        api.post("/api/v1/campaigns/flu/pause", "", 200);
    }

    /**
     * Imports a national DNC list holding {@code number} ({@code POST /api/v1/dnc/import}, a job), which leaves the
     * campaign's leads as they are: the gate finds the number at the dial and writes why it skipped it.
     */
    private void importDncList(String number) throws Exception {
        HttpResponse<String> started = api.postAs("/api/v1/dnc/import?source=tps&region=GB", "text/csv",
                "phone\n" + number + "\n");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = started.headers().firstValue("location").orElseThrow();
        assertThat(api.await("the DNC import", () -> api.getJson(job).path("state").asText(),
                state -> state.equals("succeeded") || state.equals("failed"), SOON)).isEqualTo("succeeded");
    }

    /** What the simulated PBX played to the number's (one) call. */
    private List<String> heard(String number) {
        List<String> channels = channelsOf.getOrDefault(number, List.of());
        assertThat(channels).as("%s was dialled once", number).hasSize(1);
        AtomicReference<List<String>> heard = new AtomicReference<>();
        pbx.drive(world -> heard.set(world.played(channels.get(0))));
        return heard.get();
    }

    /** A lead in the zone whose local time is now about {@code hour}:00, so the test holds at any hour it runs. */
    private static String lead(String phone, int hour) {
        int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;
        String zone = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + (-offset));
        return "{\"phone\":\"" + phone + "\",\"timeZone\":\"" + zone + "\"}";
    }

    private List<JsonNode> audit(String phone) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        api.getJson("/api/v1/dial-audit?campaign=flu&phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8))
                .path("rows").forEach(rows::add);
        return rows;
    }

    private List<JsonNode> dialled(String phone) throws Exception {
        return audit(phone).stream().filter(r -> r.path("decision").asText().equals("dialled")).toList();
    }

    private JsonNode awaitAudit(String phone, String decision) throws Exception {
        return api.await("a '" + decision + "' audit row for " + phone, () -> audit(phone),
                rows -> rows.stream().anyMatch(r -> r.path("decision").asText().equals(decision)), SOON)
                .stream().filter(r -> r.path("decision").asText().equals(decision)).findFirst().orElseThrow();
    }

    private JsonNode leadOf(String phone) throws Exception {
        for (JsonNode lead : api.getJson("/api/v1/campaigns/flu/leads?limit=100").path("leads")) {
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
