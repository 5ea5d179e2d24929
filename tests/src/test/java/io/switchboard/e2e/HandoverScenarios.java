package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.server.persistence.SharedMariaDb;
import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner of a PBX dies mid-traffic and the other node carries its calls on (docs/routing.md, "Failover"): two
 * server processes in one Hazelcast cluster on one database, both configured for the same simulated PBX; node A
 * owns it, routes a caller to an agent and keeps two waiting, and is killed ({@code destroyForcibly}, no clean-up);
 * node B takes the PBX over, connects and resyncs. The waiting callers are routed by B without a second
 * {@code ENTERQUEUE}, the call in progress is completed once when its caller hangs up, and the agent who talked
 * takes the next caller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
abstract class HandoverScenarios {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String DID = "4930100960";
    private static final String USER = "cti";

    private final PbxFlavour flavour;
    private final String secret = "Sim-Secret-" + UUID.randomUUID().toString().substring(0, 8);
    private Path workDir;
    private SharedMariaDb database;
    private SimulatedPbx pbx;
    private ServerProcess nodeA;
    private ServerProcess nodeB;
    private ServerApi apiA;
    private ServerApi apiB;
    private boolean nodeAKilled;
    private final Map<ServerProcess, Integer> httpPorts = new HashMap<>();

    HandoverScenarios(PbxFlavour flavour) {
        this.flavour = flavour;
    }

    @BeforeAll
    void startDatabasePbxAndTwoNodes() throws Exception {
        workDir = Path.of(System.getProperty("e2e.work.dir", "target/e2e"),
                "handover-" + flavour.type() + "-" + UUID.randomUUID());
        Files.createDirectories(workDir);
        database = SharedMariaDb.start(workDir.resolve("db"));
        pbx = flavour.start(Map.of(
                flavour.device("7301"), new Phone.Answers(Duration.ofSeconds(1), null),
                flavour.device("7302"), new Phone.Answers(Duration.ofSeconds(1), null)), USER, secret, 0);
        int portA = ServerProcess.freePort();
        int portB = ServerProcess.freePort();
        String cluster = "handover-" + UUID.randomUUID();
        nodeA = node("a", portA, portB, cluster);
        apiA = api(nodeA);
        apiA.await("node A owns and drives pbx/sim", () -> drives(apiA), PbxScenarios.STARTUP);
        nodeB = node("b", portB, portA, cluster);
        apiB = api(nodeB);
        apiB.await("node B in A's cluster", () -> apiB.getJson("/status").path("dependencies").path("hazelcast")
                .findValue("members").asInt(), members -> members == 2, PbxScenarios.STARTUP);
        assertThat(ownedHere(apiB)).as("B stands by: A owns the PBX").isFalse();
        for (String[] agent : List.of(new String[] {"h1", "7301"}, new String[] {"h2", "7302"})) {
            apiA.post("/api/v1/agents", "{\"id\":\"" + agent[0] + "\",\"displayName\":\"" + agent[0]
                    + "\",\"device\":\"" + flavour.device(agent[1]) + "\"}", 201);
        }
        apiA.post("/api/v1/queues", "{\"id\":\"" + DID + "\",\"name\":\"Handover\",\"ringTimeoutSeconds\":10,"
                + "\"wrapUpSeconds\":0,\"members\":[\"h1\",\"h2\"]}", 201);
    }

    @AfterAll
    void stopAll() throws Exception {
        if (nodeA != null) {
            nodeA.close();
        }
        ServerProcess.stopAll(nodeB, pbx, null);
        if (database != null) {
            database.close();
        }
        ServerProcess.deleteTree(workDir);
    }

    @Test
    void callers_waiting_and_talking_when_the_owner_dies_are_carried_on_by_the_next_owner_and_recorded_once()
            throws Exception {
        apiA.post("/api/v1/agents/h1/state", "{\"state\":\"available\"}", 200);
        String talking = pbx.inboundCall(InboundCall.of("+4930555961", DID));
        String talkingId = callIds(1).get(0);
        apiA.await("h1 talks to the first caller", () -> events(talkingId), rows -> rows.contains("CONNECT:h1"),
                SOON);
        pbx.inboundCall(InboundCall.of("+4930555962", DID));
        pbx.inboundCall(InboundCall.of("+4930555963", DID));
        List<String> ids = callIds(3);
        String firstWaiting = ids.get(1);
        String secondWaiting = ids.get(2);

        nodeA.close();
        nodeAKilled = true;
        apiB.await("node B owns and drives pbx/sim", () -> drives(apiB), SOON);
        apiB.await("the calls taken over", () -> nodeB.stdout().stream()
                .filter(line -> line.contains("event=pbx-calls-taken-over") && line.contains("pbx=sim")).toList(),
                lines -> !lines.isEmpty(), SOON);
        assertThat(nodeB.stdout()).filteredOn(line -> line.contains("event=pbx-calls-taken-over"))
                .first().asString().contains("calls=3");

        apiB.post("/api/v1/agents/h2/state", "{\"state\":\"available\"}", 200);
        apiB.await("h2 takes the caller waiting longest", () -> events(firstWaiting),
                rows -> rows.contains("CONNECT:h2"), SOON);
        pbx.callerHangsUp(talking);
        apiB.await("the first call completed", () -> events(talkingId),
                rows -> rows.stream().anyMatch(row -> row.startsWith("COMPLETECALLER")), SOON);
        apiB.await("h1, free again, takes the last caller", () -> events(secondWaiting),
                rows -> rows.contains("CONNECT:h1"), SOON);

        assertThat(events(talkingId)).containsExactly("ENTERQUEUE:NONE", "CONNECT:h1", "COMPLETECALLER:h1");
        assertThat(events(firstWaiting)).containsExactly("ENTERQUEUE:NONE", "CONNECT:h2");
        assertThat(events(secondWaiting)).containsExactly("ENTERQUEUE:NONE", "CONNECT:h1");
        Map<String, Long> entered = apiB.queueLog("queue=" + DID).stream()
                .filter(row -> row.path("event").asText().equals("ENTERQUEUE"))
                .collect(Collectors.groupingBy(row -> row.path("callid").asText(), Collectors.counting()));
        assertThat(entered).as("each caller entered once over both nodes")
                .isEqualTo(Map.of(talkingId, 1L, firstWaiting, 1L, secondWaiting, 1L));
    }

    private ServerProcess node(String name, int memberPort, int otherPort, String cluster) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SWITCHBOARD_PBX_0_OUTBOUND_CHANNEL", flavour.outboundChannel());
        env.put("SWITCHBOARD_DATABASE_URL", database.jdbcUrl());
        env.put("SWITCHBOARD_DATABASE_USER", database.user());
        env.put("SWITCHBOARD_HAZELCAST_CLUSTER_NAME", cluster);
        env.put("SWITCHBOARD_HAZELCAST_MEMBER_PORT", String.valueOf(memberPort));
        env.put("SWITCHBOARD_HAZELCAST_JOIN_METHOD", "tcp-ip");
        env.put("SWITCHBOARD_HAZELCAST_JOIN_MEMBERS", "127.0.0.1:" + memberPort + ",127.0.0.1:" + otherPort);
        // two nodes, either may carry on alone: the survivor of a crash must keep a quorum (docs/cluster.md)
        env.put("SWITCHBOARD_HAZELCAST_EXPECTED_MEMBERS", "1");
        int http = ServerProcess.freePort();
        ServerProcess node = ServerProcess.attachedTo(workDir, name, http, flavour.type(), pbx.port(), USER, secret,
                env);
        httpPorts.put(node, http);
        return node;
    }

    private ServerApi api(ServerProcess node) {
        return new ServerApi(httpPorts.get(node), node);
    }

    /** Whether the node owns {@code pbx/sim} and its connection is up. */
    private static boolean drives(ServerApi api) throws Exception {
        return ownedHere(api) && "up".equals(api.pbxState("sim"));
    }

    /** Whether {@code /status} says this node owns {@code pbx/sim} (docs/cluster.md). */
    private static boolean ownedHere(ServerApi api) throws Exception {
        JsonNode owned = api.getJson("/status").path("dependencies").path("pbx/sim").findValue("ownedHere");
        return owned != null && owned.asBoolean();
    }

    /** The ids of the first {@code count} callers of the queue, in the order they entered. */
    private List<String> callIds(int count) throws Exception {
        return apiA.await(count + " callers entered", () -> apiA.queueLog("queue=" + DID).stream()
                .filter(r -> r.path("event").asText().equals("ENTERQUEUE")).map(r -> r.path("callid").asText())
                .toList(), ids -> ids.size() >= count, SOON).subList(0, count);
    }

    /** The call's queue_log rows as {@code EVENT:agent}, read from whichever node is alive. */
    private List<String> events(String callId) throws Exception {
        ServerApi api = nodeAKilled ? apiB : apiA;
        return PbxScenarios.events(api.queueLog("callid=" + callId));
    }
}
