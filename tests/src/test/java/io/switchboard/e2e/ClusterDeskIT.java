package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.SessionCommand;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's "an agent's desktop can be connected to any node": what a desk asks of the PBX through a node that does
 * not own it is carried out by the owner (docs/cluster.md, "Commands through any node"). Three nodes on loopback
 * over real sockets ({@link Cluster}), FreeSWITCH (Asterisk refuses hold by design). An agent is connected to a
 * caller through the owner; hold, unhold, a supervisor's monitor and a blind transfer from the desk, then a transfer
 * of a second call by its id, go through the two other nodes; the PBX receives them from the owner's event socket
 * ({@link io.switchboard.sim.CommandLog}), never from another, and every node's desk snapshot shows the result. A
 * nailed-up line opened, used for a click-to-dial call and closed through the other nodes is driven by the owner the
 * same way, and so is a preview campaign's offer shown and dialled through them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ClusterDeskIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String DID = "4930100970";
    private static final String EXTENSION = "7801";
    private static final String AGENT = "desk-agent-" + EXTENSION;
    /** Answers after a second and never hangs up: the call stays connected for the whole case. */
    private static final Phone STAYS = new Phone.Answers(Duration.ofSeconds(1), null);
    private static final String LINE_EXTENSION = "7802";
    private static final String LINE_AGENT = "line-agent-" + LINE_EXTENSION;
    private static final String CUSTOMER = "+442071230001";
    private static final String SUPERVISOR_EXTENSION = "7890";
    private static final String PREVIEW_EXTENSION = "7803";
    private static final String PREVIEW_AGENT = "preview-agent-" + PREVIEW_EXTENSION;
    private static final String PREVIEW_QUEUE = "4930100971";
    private static final String LEAD = "+442071230002";

    private final PbxFlavour flavour = PbxFlavour.FREESWITCH;
    private Cluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = Cluster.start(flavour, "desk", Map.of(flavour.device(EXTENSION), STAYS,
                flavour.device(LINE_EXTENSION), STAYS,
                flavour.customer(CUSTOMER), new Phone.Answers(Duration.ofSeconds(2), Duration.ofSeconds(20)),
                flavour.device(PREVIEW_EXTENSION), STAYS,
                flavour.customer(LEAD), new Phone.Answers(Duration.ofSeconds(2), Duration.ofSeconds(20)),
                flavour.device(SUPERVISOR_EXTENSION), STAYS),
                Set.of(EXTENSION, LINE_EXTENSION, PREVIEW_EXTENSION), 3,
                Map.of("SWITCHBOARD_PBX_0_OUTBOUND_CHANNEL", flavour.outboundChannel(),
                        "SWITCHBOARD_HAZELCAST_EXPECTED_MEMBERS", "3"));
        ServerApi api = cluster.api();
        api.post("/api/v1/agents", "{\"id\":\"" + AGENT + "\",\"displayName\":\"Desk agent\",\"device\":\""
                + flavour.device(EXTENSION) + "\"}", 201);
        api.post("/api/v1/agents", "{\"id\":\"" + LINE_AGENT + "\",\"displayName\":\"Line agent\",\"device\":\""
                + flavour.device(LINE_EXTENSION) + "\"}", 201);
        api.post("/api/v1/agents", "{\"id\":\"" + PREVIEW_AGENT + "\",\"displayName\":\"Preview agent\","
                + "\"device\":\"" + flavour.device(PREVIEW_EXTENSION) + "\"}", 201);
        api.post("/api/v1/queues", "{\"id\":\"" + PREVIEW_QUEUE + "\",\"name\":\"preview\",\"ringTimeoutSeconds\":10,"
                + "\"wrapUpSeconds\":0,\"members\":[\"" + PREVIEW_AGENT + "\"]}", 201);
        api.post("/api/v1/queues", "{\"id\":\"" + DID + "\",\"name\":\"desk\",\"ringTimeoutSeconds\":10,"
                + "\"wrapUpSeconds\":0,\"members\":[\"" + AGENT + "\"]}", 201);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void hold_unhold_and_transfer_through_nodes_that_do_not_own_the_pbx_are_sent_by_the_owner_and_every_desk_sees_them()
            throws Exception {
        cluster.awaitFormed(Cluster.STARTUP);
        ClusterNode owner = cluster.owner(SOON);
        List<ClusterNode> others = cluster.nodes().stream().filter(node -> node != owner).toList();
        owner.api().post("/api/v1/agents/" + AGENT + "/state", "{\"state\":\"available\"}", 200);

        String caller = cluster.pbx().inboundCall(InboundCall.of("+4930777001", DID));
        cluster.await("the caller connected to " + AGENT + " as every node's desk shows it", () -> {
            for (ClusterNode node : cluster.nodes()) {
                if (!"connected".equals(desk(node).path("call").path("phase").asText())) {
                    return false;
                }
            }
            return true;
        }, SOON);
        SessionCommand connecting = cluster.commands().first(c -> c.drives() && c.command().first("Command")
                .filter(line -> line.startsWith("uuid_transfer " + caller)).isPresent()).orElseThrow();
        int ownersSession = connecting.session();
        String callId = desk(owner).path("call").path("callId").asText();

        Instant before = Instant.now();
        JsonNode held = others.get(0).api().post("/api/v1/agents/" + AGENT + "/call/hold", "", 202);
        assertThat(held.path("done").asText()).isEqualTo("held");
        assertThat(held.path("callId").asText()).isEqualTo(callId);
        assertSentOnlyByTheOwner("uuid_hold ", before, ownersSession);
        cluster.await("every node's desk showing the call held", () -> allDesksShow(true), SOON);
        assertThat(others.get(0).log("event=desk-command-forwarded", "agentId=" + AGENT, "command=hold",
                "pbx=" + Cluster.PBX)).as("the forwarding logged on %s", others.get(0)).isNotEmpty();
        assertThat(owner.log("event=desk-command-forwarded")).as("the owner forwards nothing").isEmpty();

        Instant beforeUnhold = Instant.now();
        JsonNode unheld = others.get(1).api().post("/api/v1/agents/" + AGENT + "/call/unhold", "", 202);
        assertThat(unheld.path("done").asText()).isEqualTo("unheld");
        assertSentOnlyByTheOwner("uuid_hold off ", beforeUnhold, ownersSession);
        cluster.await("every node's desk showing the call taken off hold", () -> allDesksShow(false), SOON);

        String notOnCall = others.get(1).api().postError("/api/v1/agents/" + AGENT + "/call/recording/resume", "",
                409);
        assertThat(notOnCall).as("the owner's refusal, as the owner answered it").isEqualTo("not-recording");
        reportForwardingTime(owner, others.get(0));

        Instant beforeMonitor = Instant.now();
        JsonNode monitor = others.get(0).api().post("/api/v1/agents/" + AGENT + "/monitor", "{\"mode\":\"listen\","
                + "\"device\":\"" + flavour.device(SUPERVISOR_EXTENSION) + "\"}", 202);
        String monitorId = monitor.path("id").asText();
        assertThat(monitor.path("callId").asText()).isEqualTo(callId);
        cluster.await("the supervisor's phone rung by the owner", () -> cluster.commands().after(beforeMonitor,
                c -> c.drives() && command(c).filter(line -> line.contains("originate")
                        && line.contains(SUPERVISOR_EXTENSION)).isPresent()).stream()
                .anyMatch(c -> c.session() == ownersSession), SOON);
        assertThat(others.get(1).api().getJson("/api/v1/monitors").path("monitors").findValuesAsText("id"))
                .as("the owner's monitor listed through another node").contains(monitorId);
        HttpResponse<String> unmonitored = others.get(1).api().delete("/api/v1/monitors/" + monitorId);
        assertThat(unmonitored.statusCode()).as(unmonitored.body()).isEqualTo(202);
        assertThat(owner.api().getJson("/api/v1/monitors").path("monitors").findValuesAsText("id"))
                .doesNotContain(monitorId);

        Instant beforeTransfer = Instant.now();
        JsonNode transferred = others.get(0).api().post("/api/v1/agents/" + AGENT + "/call/transfer",
                "{\"to\":\"+4930555000\",\"mode\":\"blind\"}", 202);
        assertThat(transferred.path("callId").asText()).isEqualTo(callId);
        assertThat(transferred.path("to").asText()).as("the number masked").doesNotContain("4930555000");
        assertSentOnlyByTheOwner("uuid_transfer " + caller + " ", beforeTransfer, ownersSession);
        cluster.await("every node's desk showing the call ended by the transfer", () -> {
            for (ClusterNode node : cluster.nodes()) {
                if (!"ended".equals(desk(node).path("call").path("phase").asText())) {
                    return false;
                }
            }
            return true;
        }, SOON);

        String second = cluster.pbx().inboundCall(InboundCall.of("+4930777002", DID));
        cluster.await("a second caller connected to " + AGENT, () -> "connected".equals(desk(others.get(1))
                .path("call").path("phase").asText()) && !callId.equals(desk(others.get(1)).path("call")
                .path("callId").asText()), SOON);
        String secondId = desk(others.get(1)).path("call").path("callId").asText();
        Instant beforeByCallId = Instant.now();
        JsonNode byCallId = others.get(1).api().post("/api/v1/calls/" + URLEncoder.encode(secondId,
                StandardCharsets.UTF_8) + "/transfer", "{\"to\":\"+4930555001\",\"mode\":\"blind\"}", 202);
        assertThat(byCallId.path("callId").asText()).isEqualTo(secondId);
        assertSentOnlyByTheOwner("uuid_transfer " + second + " ", beforeByCallId, ownersSession);
        assertThat(others.get(1).log("event=call-transfer-forwarded", "pbx=" + Cluster.PBX)).isNotEmpty();
    }

    @Test
    void a_nailed_up_line_opened_dialled_on_and_closed_through_nodes_that_do_not_own_the_pbx_is_driven_by_the_owner()
            throws Exception {
        cluster.awaitFormed(Cluster.STARTUP);
        ClusterNode owner = cluster.owner(SOON);
        List<ClusterNode> others = cluster.nodes().stream().filter(node -> node != owner).toList();

        JsonNode opening = others.get(0).api().post("/api/v1/agents/" + LINE_AGENT + "/session", "", 202);
        assertThat(opening.path("pbx").asText()).isEqualTo(Cluster.PBX);
        cluster.await(LINE_AGENT + "'s line open as every node reads it", () -> {
            for (ClusterNode node : cluster.nodes()) {
                if (!node.api().getJson("/api/v1/agents/" + LINE_AGENT + "/session").path("open").asBoolean()) {
                    return false;
                }
            }
            return true;
        }, SOON);
        cluster.await(LINE_AGENT + " available", () -> "available".equals(others.get(1).api().agentState(LINE_AGENT)),
                SOON);
        assertThat(others.get(0).log("event=agent-line-forwarded", "agentId=" + LINE_AGENT, "op=open"))
                .as("the opening forwarded by %s", others.get(0)).isNotEmpty();

        Instant beforeDial = Instant.now();
        JsonNode placed = others.get(1).api().post("/api/v1/agents/" + LINE_AGENT + "/calls",
                "{\"to\":\"" + CUSTOMER + "\"}", 202);
        assertThat(placed.path("to").asText()).as("the number masked").doesNotContain(CUSTOMER.substring(4));
        String callId = placed.path("callId").asText();
        cluster.await("the customer dialled by the owner", () -> !cluster.commands().after(beforeDial,
                c -> c.drives() && command(c).filter(line -> line.contains("originate")).isPresent()).isEmpty(), SOON);
        cluster.await("the click-to-dial call connected to " + LINE_AGENT, () -> PbxScenarios.agentAnswered(
                others.get(0).api().callRecord(callId)), SOON);

        HttpResponse<String> closing = others.get(0).api().delete("/api/v1/agents/" + LINE_AGENT + "/session");
        assertThat(closing.statusCode()).as(closing.body()).isEqualTo(202);
        cluster.await(LINE_AGENT + "'s line closed", () -> !owner.api()
                .getJson("/api/v1/agents/" + LINE_AGENT + "/session").path("open").asBoolean(), SOON);
    }

    @Test
    void a_preview_offer_shown_and_dialled_through_nodes_that_do_not_dial_is_dialled_by_the_owner() throws Exception {
        cluster.awaitFormed(Cluster.STARTUP);
        ClusterNode owner = cluster.owner(SOON);
        List<ClusterNode> others = cluster.nodes().stream().filter(node -> node != owner).toList();
        owner.api().post("/api/v1/agents/" + PREVIEW_AGENT + "/session", "", 202);
        cluster.await(PREVIEW_AGENT + " available on an open line", () -> "available".equals(
                owner.api().agentState(PREVIEW_AGENT)), SOON);
        ServerApi api = others.get(0).api();
        api.post("/api/v1/campaigns", "{\"id\":\"cluster-preview\",\"name\":\"Preview\",\"mode\":\"preview\","
                + "\"queue\":\"" + PREVIEW_QUEUE + "\",\"jurisdiction\":\"uk\",\"defaultRegion\":\"GB\","
                + "\"callingWindow\":{\"opens\":\"09:00\",\"closes\":\"20:00\"}}", 201);
        api.post("/api/v1/campaigns/cluster-preview/leads", "[{\"phone\":\"" + LEAD + "\",\"timeZone\":\""
                + zoneAt(14) + "\"}]", 201);
        api.post("/api/v1/campaigns/cluster-preview/start", "", 200);

        cluster.await("the lead offered to " + PREVIEW_AGENT + " as another node shows it", () -> LEAD.equals(
                others.get(0).api().getJson("/api/v1/agents/" + PREVIEW_AGENT + "/preview").path("phone").asText()),
                SOON);
        Instant beforeDial = Instant.now();
        JsonNode dialled = others.get(1).api().post("/api/v1/agents/" + PREVIEW_AGENT + "/preview/dial", "", 200);
        assertThat(dialled.path("result").asText()).as("%s", dialled).isEqualTo("dialled");
        cluster.await("the lead dialled by the owner", () -> !cluster.commands().after(beforeDial,
                c -> c.drives() && command(c).filter(line -> line.contains("originate")
                        && line.contains(LEAD.substring(1))).isPresent()).isEmpty(), SOON);
        assertThat(others.get(1).api().get("/api/v1/agents/" + PREVIEW_AGENT + "/preview").statusCode())
                .as("the offer taken").isEqualTo(404);
        api.post("/api/v1/campaigns/cluster-preview/pause", "", 200);
    }

    /** A zone whose local time is now about {@code hour}:00, so the calling window holds at any hour the test runs. */
    private static String zoneAt(int hour) {
        int utcHour = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + (-offset));
    }

    /**
     * Prints the median answer time of a desk command the owner answers without asking the PBX (resume on a call not
     * being recorded) through the owner and through another node: the cost of the forwarding, for docs/cluster.md.
     */
    private void reportForwardingTime(ClusterNode owner, ClusterNode other) throws Exception {
        int rounds = 21;
        long[] direct = new long[rounds];
        long[] forwarded = new long[rounds];
        String path = "/api/v1/agents/" + AGENT + "/call/recording/resume";
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            owner.api().postRaw(path, "");
            direct[i] = System.nanoTime() - start;
            start = System.nanoTime();
            other.api().postRaw(path, "");
            forwarded[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(direct);
        java.util.Arrays.sort(forwarded);
        System.out.printf(java.util.Locale.ROOT, "cluster desk (%s): a desk command answered in %.1f ms through the"
                + " owner, %.1f ms through another node (medians of %d)%n", flavour.type(), direct[rounds / 2] / 1e6,
                forwarded[rounds / 2] / 1e6, rounds);
    }

    /** One command starting with {@code prefix} reached the PBX after {@code since}, from the owner's session only. */
    private void assertSentOnlyByTheOwner(String prefix, Instant since, int ownersSession) throws Exception {
        cluster.await("'" + prefix.trim() + "' reaching the PBX", () -> !sent(prefix, since).isEmpty(), SOON);
        List<SessionCommand> sent = sent(prefix, since);
        System.out.printf("cluster desk (%s): '%s' sent by session %s, the owner's is %d%n", flavour.type(),
                prefix.trim(), sent.stream().map(SessionCommand::session).toList(), ownersSession);
        assertThat(sent).extracting(SessionCommand::session).as("sessions that sent %s", prefix.trim())
                .containsOnly(ownersSession);
    }

    private List<SessionCommand> sent(String prefix, Instant since) {
        return cluster.commands().after(since, c -> command(c).filter(line -> line.startsWith(prefix)).isPresent());
    }

    private static Optional<String> command(SessionCommand command) {
        return command.command().first("Command").map(String::trim);
    }

    private boolean allDesksShow(boolean held) throws Exception {
        for (ClusterNode node : cluster.nodes()) {
            if (desk(node).path("call").path("held").asBoolean(!held) != held) {
                return false;
            }
        }
        return true;
    }

    private JsonNode desk(ClusterNode node) throws Exception {
        return node.api().getJson("/api/v1/agents/" + AGENT + "/desk");
    }
}
