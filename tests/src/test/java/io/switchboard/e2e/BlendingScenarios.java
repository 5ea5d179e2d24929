package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blending end to end: an inbound queue and a power campaign share two blended agents on nailed-up lines, beside
 * an inbound-only and an outbound-only agent. With inbound quiet the campaign uses the blended agents; a surge of
 * callers pulls them back to inbound before any caller waits past the threshold, and the campaign hands them no
 * call while callers wait nor until inbound has been calm for {@code outbound.blend-calm-seconds}; after that
 * they get campaign calls again.
 *
 * <p>Times are compared on the server's clock only: the {@code ts} of its log lines ({@code task-created},
 * {@code task-assigned} of the inbound calls, {@code campaign-joining} of a campaign answer given to an agent).
 * The PBX's event times run ten times faster and are not used, except for the callers' hold times (queue_log's
 * {@code CONNECT}), which are in simulated seconds, as the queue's threshold is.
 */
abstract class BlendingScenarios extends PbxScenarios {

    private static final String INBOUND = "4930100980";
    private static final String OUTBOUND = "4930100981";
    private static final int CALM_SECONDS = 8;
    private static final int LEADS = 100;
    private static final int CALLERS = 6;
    /** The inbound queue's service-level threshold, in the PBX's (simulated) seconds. */
    private static final int THRESHOLD_SECONDS = 120;
    /** Grace for a campaign answer whose agent was looked up just before the first caller was known. */
    private static final Duration RACE = Duration.ofMillis(250);
    private static final Set<String> BLENDED = Set.of("bea", "ben");
    private static final Pattern TS = Pattern.compile("ts=(\\S+)");
    private static final Pattern AGENT = Pattern.compile("agentId=(\\S*)");
    private static final Pattern CALL = Pattern.compile("callId=(\\S+)");
    private static final Phone ANSWERS_AND_STAYS = new Phone.Answers(Duration.ofSeconds(1), null);
    /** A customer who answers after 2 s and talks 20 s (2 s of real time). */
    private static final Phone LIVE_CUSTOMER = new Phone.Answers(Duration.ofSeconds(2), Duration.ofSeconds(20),
            AmdOutcome.HUMAN);

    BlendingScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAndAgents() throws Exception {
        Map<String, Phone> phones = new HashMap<>();
        for (String extension : List.of("7801", "7802", "7803", "7804")) {
            phones.put(flavour.device(extension), ANSWERS_AND_STAYS);
        }
        for (int i = 0; i < LEADS; i++) {
            phones.put(flavour.customer(customer(i)), LIVE_CUSTOMER);
        }
        attach("blending", phones, Map.of("SWITCHBOARD_OUTBOUND_BLEND_CALM_SECONDS", String.valueOf(CALM_SECONDS)));
        agent("bea", "Bea", "7801");
        agent("ben", "Ben", "7802");
        agent("ivy", "Ivy", "7803");
        agent("otto", "Otto", "7804");
        api.post("/api/v1/queues", "{\"id\":\"" + INBOUND + "\",\"name\":\"service\",\"ringTimeoutSeconds\":5,"
                + "\"serviceLevelSeconds\":" + THRESHOLD_SECONDS + ",\"serviceLevelTargetPercent\":90,"
                + "\"members\":[\"bea\",\"ben\",\"ivy\"]}", 201);
        queue(OUTBOUND, "renewals", 0, "bea", "ben", "otto");
        for (String agent : List.of("bea", "ben", "ivy", "otto")) {
            openLine(agent);
        }
    }

    @Test
    void an_inbound_surge_takes_the_blended_agents_off_the_campaign_and_they_go_back_once_inbound_is_calm()
            throws Exception {
        JsonNode kpis = api.await("the queue's own target in its KPIs", () -> api.getJson("/api/v1/queues/"
                + INBOUND + "/kpis"), k -> k.path("serviceLevelTarget").asDouble() == 0.9, SOON);
        assertThat(kpis.path("serviceLevelThresholdSeconds").asDouble()).isEqualTo(THRESHOLD_SECONDS);
        api.post("/api/v1/campaigns", "{\"id\":\"blend\",\"name\":\"Renewals\",\"mode\":\"power\",\"dialRatio\":1,"
                + "\"queue\":\"" + OUTBOUND + "\",\"jurisdiction\":\"uk\",\"defaultRegion\":\"GB\","
                + "\"callingWindow\":{\"opens\":\"09:00\",\"closes\":\"20:00\"}}", 201);
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add("{\"phone\":\"" + customer(i) + "\",\"timeZone\":\"" + zoneAt(14) + "\"}");
        }
        api.post("/api/v1/campaigns/blend/leads", "[" + String.join(",", leads) + "]", 201);

        api.post("/api/v1/campaigns/blend/start", "", 200);

        api.await("both blended agents given campaign calls while inbound is quiet",
                () -> agentsJoinedAfter(Instant.EPOCH), joined -> joined.containsAll(BLENDED), SOON);

        for (int i = 0; i < CALLERS; i++) {
            pbx.inboundCall(InboundCall.of("+49305558" + String.format("%02d", i), INBOUND)
                    .hangingUpAfterAnswer(Duration.ofSeconds(30 + 20L * i)));
        }
        List<String> callers = api.await("the surge's callers queued", this::inboundCalls,
                calls -> calls.size() == CALLERS, SOON);
        Map<String, Join> answered = api.await("every caller answered", () -> answers(callers),
                a -> a.size() == CALLERS, SOON);
        Instant surge = serverLog("event=task-created", "queueId=" + INBOUND).stream().map(BlendingScenarios::ts)
                .min(Instant::compareTo).orElseThrow();
        Instant calmFrom = answered.values().stream().map(Join::at).max(Instant::compareTo).orElseThrow();

        assertThat(joins().stream().filter(j -> BLENDED.contains(j.agent()))
                .filter(j -> j.at().isAfter(surge.plus(RACE)) && !j.at().isAfter(calmFrom)))
                .as(() -> "no blended agent is handed a campaign call while callers wait\n" + timeline()).isEmpty();
        Map<String, Instant> back = api.await("both blended agents on campaign calls again after the calm",
                () -> firstJoinAfter(calmFrom), b -> b.keySet().containsAll(BLENDED), SOON);
        assertThat(BLENDED.stream().map(back::get).max(Instant::compareTo).orElseThrow())
                .as(() -> "the last caller needed one of them until answered: it is lent back only once inbound "
                        + "has been calm for " + CALM_SECONDS + " s since\n" + timeline())
                .isAfterOrEqualTo(calmFrom.plusSeconds(CALM_SECONDS));
        assertThat(joins().stream().filter(j -> j.agent().equals("otto"))
                .filter(j -> j.at().isAfter(surge) && j.at().isBefore(calmFrom)))
                .as("the outbound-only agent kept the campaign going through the surge").isNotEmpty();
        assertThat(answered.values()).extracting(Join::agent).as("callers reach inbound agents only")
                .isSubsetOf("bea", "ben", "ivy");

        List<JsonNode> log = api.await("every caller's CONNECT in queue_log", () -> callRows(api.queueLog("queue="
                + INBOUND)), rows -> rows.stream().filter(BlendingScenarios::connect).count() == CALLERS, SOON);
        assertThat(log).filteredOn(BlendingScenarios::connect)
                .as("no inbound caller waited past the threshold (hold times in simulated seconds)")
                .allSatisfy(row -> assertThat(row.path("data1").asInt()).isLessThanOrEqualTo(THRESHOLD_SECONDS));
        assertThat(log).noneMatch(row -> row.path("event").asText().startsWith("ABANDON"));

        api.post("/api/v1/campaigns/blend/pause", "", 200);
    }

    /** An agent given a call (a campaign answer, or an inbound caller), at the server's time. */
    private record Join(String agent, Instant at) {
    }

    /**
     * Every agent given a campaign call: a live answer joined to them ({@code campaign-joining}), or a call placed
     * with them reserved first ({@code campaign-dialling} with an agent: agent-first while the abandon budget is
     * spent).
     */
    private List<Join> joins() {
        List<Join> joins = new ArrayList<>();
        serverLog("event=campaign-joining").forEach(line -> joins.add(new Join(match(AGENT, line), ts(line))));
        serverLog("event=campaign-dialling", "campaignId=blend", "leadId=").stream()
                .map(line -> new Join(match(AGENT, line), ts(line))).filter(join -> !join.agent().isEmpty())
                .forEach(joins::add);
        return joins;
    }

    private Set<String> agentsJoinedAfter(Instant from) {
        return joins().stream().filter(j -> !j.at().isBefore(from)).map(Join::agent).collect(Collectors.toSet());
    }

    /** Each agent's first campaign answer at or after {@code from}. */
    private Map<String, Instant> firstJoinAfter(Instant from) {
        Map<String, Instant> first = new HashMap<>();
        joins().stream().filter(j -> !j.at().isBefore(from)).forEach(j -> first.merge(j.agent(), j.at(),
                (a, b) -> a.isBefore(b) ? a : b));
        return first;
    }

    private List<String> inboundCalls() {
        return serverLog("event=task-created", "queueId=" + INBOUND).stream().map(line -> match(CALL, line))
                .distinct().toList();
    }

    /** Who answered each of {@code calls} that has been answered, and when, keyed by call. */
    private Map<String, Join> answers(List<String> calls) {
        Map<String, Join> byCall = new HashMap<>();
        serverLog("event=task-assigned").stream().filter(line -> calls.contains(match(CALL, line)))
                .forEach(line -> byCall.put(match(CALL, line), new Join(match(AGENT, line), ts(line))));
        return byCall;
    }

    private static boolean connect(JsonNode row) {
        return row.path("event").asText().equals("CONNECT");
    }

    /** The server's log lines this scenario reasons about, for a failure to show. */
    private String timeline() {
        return serverLog("event=").stream().filter(line -> line.contains("event=task-") || line.contains(
                "event=campaign-joining") || line.contains("event=campaign-dialling") || line.contains("event=agent-"))
                .map(line -> line.replaceAll("level=\\S+ logger=\\S+ thread=\\S+ ", ""))
                .collect(Collectors.joining("\n"));
    }

    private static Instant ts(String line) {
        return Instant.parse(match(TS, line));
    }

    private static String match(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return Optional.of(m).filter(Matcher::find).map(x -> x.group(1)).orElseThrow(
                () -> new AssertionError("no " + pattern + " in " + line));
    }

    private static String customer(int i) {
        return "+4420712308" + String.format("%02d", i);
    }

    /** A zone whose local time is now about {@code hour}:00, so the calling window is open whenever this runs. */
    private static String zoneAt(int hour) {
        int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + (-offset));
    }
}
