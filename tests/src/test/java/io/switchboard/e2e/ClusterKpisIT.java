package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8's "KPIs are shared": three nodes on loopback ({@link Cluster}), one Asterisk owned by one of them. Callers
 * are routed by the owner only, yet {@code /api/v1/kpis} read through each of the other two nodes shows the same
 * offered, answered, abandoned, waiting and repeat-caller figures as through the owner, agent states set through a
 * non-owner show on every node, and the KPI history holds one row per interval and queue with the whole cluster's
 * counts. A node restarted afterwards shows the caller still waiting (from the calls in flight) and counts from its
 * start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ClusterKpisIT {

    private static final PbxFlavour FLAVOUR = PbxFlavour.ASTERISK;
    private static final Duration SOON = Duration.ofSeconds(60);
    /** Past the next minute's history write (a second after each minute), with room for a busy machine. */
    private static final Duration HISTORY = Duration.ofSeconds(100);
    private static final String DID = "4930100970";
    private static final List<String> AGENTS = List.of("kpi-7801", "kpi-7802");
    /** Rings a second and talks twenty (simulated; the simulator's clock runs ten times faster), then hangs up. */
    private static final Phone AGENT_PHONE = new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(20));
    private static final String REPEATING = "+4930555001";

    private Cluster cluster;

    @BeforeAll
    void startClusterAgentsAndQueue() throws Exception {
        Map<String, Phone> phones = new HashMap<>();
        Set<String> extensions = new LinkedHashSet<>();
        for (String agent : AGENTS) {
            String extension = agent.substring(agent.indexOf('-') + 1);
            phones.put(FLAVOUR.device(extension), AGENT_PHONE);
            extensions.add(extension);
        }
        cluster = Cluster.start(FLAVOUR, "kpis", phones, extensions, 3, Map.of(
                "SWITCHBOARD_PBX_0_OUTBOUND_CHANNEL", FLAVOUR.outboundChannel(),
                "SWITCHBOARD_HAZELCAST_EXPECTED_MEMBERS", "3"));
        ServerApi api = cluster.api();
        for (String agent : AGENTS) {
            String extension = agent.substring(agent.indexOf('-') + 1);
            api.post("/api/v1/agents", "{\"id\":\"" + agent + "\",\"displayName\":\"" + agent + "\",\"device\":\""
                    + FLAVOUR.device(extension) + "\"}", 201);
        }
        api.post("/api/v1/queues", "{\"id\":\"" + DID + "\",\"name\":\"kpis\",\"ringTimeoutSeconds\":5,"
                + "\"wrapUpSeconds\":0,\"members\":[\"" + String.join("\",\"", AGENTS) + "\"]}", 201);
        for (String agent : AGENTS) {
            api.post("/api/v1/agents/" + agent + "/state", "{\"state\":\"available\"}", 200);
        }
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void every_node_shows_the_calls_the_owner_routes_and_the_history_holds_one_row_per_interval_and_queue()
            throws Exception {
        cluster.awaitFormed(Cluster.STARTUP);
        ClusterNode owner = cluster.owner(SOON);
        List<ClusterNode> others = cluster.serving().stream().filter(node -> node != owner).toList();
        assertThat(others).hasSize(2);

        for (int i = 1; i <= 4; i++) {
            cluster.pbx().inboundCall(InboundCall.of("+493055500" + i, DID));
        }
        awaitQueueLog("CONNECT", 4);
        for (String agent : AGENTS) {
            cluster.await(agent + " available again", () -> "available".equals(owner.api().agentState(agent)), SOON);
            others.get(0).api().post("/api/v1/agents/" + agent + "/state", "{\"state\":\"paused\",\"reason\":\"kpi\"}",
                    200);
        }
        String repeat = cluster.pbx().inboundCall(InboundCall.of(REPEATING, DID));
        String gone = cluster.pbx().inboundCall(InboundCall.of("+4930555006", DID));
        cluster.pbx().inboundCall(InboundCall.of("+4930555007", DID));
        awaitQueueLog("ENTERQUEUE", 7);
        cluster.pbx().callerHangsUp(repeat);
        cluster.pbx().callerHangsUp(gone);
        awaitQueueLog("ABANDON", 2);

        for (ClusterNode node : cluster.serving()) {
            cluster.await("the whole cluster's calls counted on " + node, () -> {
                JsonNode queue = queueKpis(node);
                JsonNode today = queue.path("windows").path("today");
                return today.path("offered").asInt() == 7 && today.path("answered").asInt() == 4
                        && today.path("abandoned").asInt() + today.path("shortAbandons").asInt() == 2
                        && queue.path("waiting").asInt() == 1;
            }, SOON);
        }
        JsonNode throughOwner = queueKpis(owner).path("windows").path("today");
        for (ClusterNode node : others) {
            JsonNode today = queueKpis(node).path("windows").path("today");
            for (String figure : List.of("offered", "answered", "answeredWithinThreshold", "abandoned",
                    "shortAbandons", "repeatCallers", "handled")) {
                assertThat(today.path(figure).asInt()).as("%s through %s and through the owner %s", figure, node,
                        owner).isEqualTo(throughOwner.path(figure).asInt());
            }
            assertThat(today.path("repeatCallers").asInt()).as("repeat callers through %s", node).isEqualTo(1);
        }
        for (ClusterNode node : cluster.serving()) {
            for (String agent : AGENTS) {
                JsonNode kpis = node.api().getJson("/api/v1/agents/" + agent + "/kpis");
                assertThat(kpis.path("state").asText()).as("%s paused through %s, seen on %s", agent, others.get(0),
                        node).isEqualTo("paused");
                assertThat(kpis.path("windows").path("today").path("answered").asInt()).as("%s's answers on %s",
                        agent, node).isEqualTo(throughAgentsOf(owner, agent));
            }
        }

        cluster.await("the history rows holding the cluster's calls", () -> {
            List<long[]> rows = historyRows();
            return rows.stream().mapToLong(r -> r[1]).sum() == 7 && rows.stream().mapToLong(r -> r[2]).sum() == 4;
        }, HISTORY);
        List<long[]> rows = historyRows();
        assertThat(rows).as("rows of queue %s (interval start, offered, answered, count)", DID)
                .allSatisfy(row -> assertThat(row[3]).as("rows for the interval starting %s", row[0]).isEqualTo(1));
        System.out.printf("cluster-kpis: owner %s; history rows %d; figures through every node: %s%n", owner,
                rows.size(), throughOwner);

        ClusterNode restarted = others.get(1);
        restarted.stop();
        restarted.start();
        cluster.awaitMembers(Cluster.STARTUP);
        cluster.await("the caller still waiting seen by the restarted " + restarted,
                () -> queueKpis(restarted).path("waiting").asInt() == 1, SOON);
        assertThat(queueKpis(restarted).path("windows").path("today").path("offered").asInt())
                .as("a restarted node counts from its start (docs/kpis.md)").isZero();
        assertThat(queueKpis(owner).path("windows").path("today").path("offered").asInt()).isEqualTo(7);
    }

    private int throughAgentsOf(ClusterNode node, String agent) throws Exception {
        return node.api().getJson("/api/v1/agents/" + agent + "/kpis").path("windows").path("today")
                .path("answered").asInt();
    }

    /** The queue's entry of {@code GET /api/v1/kpis} on {@code node}, or an empty node while it has none. */
    private static JsonNode queueKpis(ClusterNode node) throws Exception {
        for (JsonNode queue : node.api().getJson("/api/v1/kpis").path("queues")) {
            if (DID.equals(queue.path("queue").asText())) {
                return queue;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private void awaitQueueLog(String event, int count) throws Exception {
        cluster.await(count + " " + event + " rows", () -> cluster.database().callRows().stream()
                .filter(row -> DID.equals(row.queue()) && row.event().equals(event)).count() >= count, SOON);
    }

    /** Per interval of the queue: start (epoch seconds), offered summed, answered summed, how many rows. */
    private List<long[]> historyRows() throws Exception {
        List<long[]> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(cluster.database().jdbcUrl(), ClusterDatabase.USER,
                "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT UNIX_TIMESTAMP(interval_start), SUM(offered),"
                        + " SUM(answered), COUNT(*) FROM kpi_queue_intervals WHERE queue_id = '" + DID + "'"
                        + " GROUP BY interval_start ORDER BY interval_start")) {
            while (result.next()) {
                rows.add(new long[] {result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4)});
            }
        }
        return rows;
    }
}
