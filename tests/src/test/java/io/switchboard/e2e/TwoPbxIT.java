package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.SimTrunk;
import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.asterisk.DeskPhone;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8's two-PBX test: ONE server attached at once to a simulated Asterisk ({@code pbx/ast}, AMI) and a simulated
 * FreeSWITCH ({@code pbx/fs}, ESL), joined by simulated trunks both ways, one agent pool serving callers on both.
 * Agents {@code a1}, {@code a2} have phones on the Asterisk ({@code SIP/2001}, {@code SIP/2002}), {@code f1},
 * {@code f2} on the FreeSWITCH ({@code user/1001@default}, {@code user/1002@default}). A local queue's caller never
 * crosses; an {@code any} queue's caller is rung through the trunk on the caller's own PBX; nobody is double-booked;
 * queue_log and the call record name the caller's PBX.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TwoPbxIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String LOCAL = "4930200100";
    private static final String ANY = "4930200200";
    private static final String BOTH = "4930200300";
    private static final String TO_ASTERISK = "4930200400";
    private static final String TO_FS = "PJSIP/{device}@trunk-fs";
    private static final String TO_AST = "sofia/gateway/trunk-ast/{device}";
    /** Every agent's phone rings 1 s (simulated) and stays up until the caller hangs up. */
    private static final Phone ANSWERS = new Phone.Answers(Duration.ofSeconds(1), null);

    /** a1's phone: answers after 1 s and its agent hangs up after 3 s (simulated). */
    private static final Phone TALKS = new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(3));

    private Path workDir;
    private SimulatedPbx ast;
    private SimulatedPbx fs;
    private SimTrunk astToFs;
    private SimTrunk fsToAst;
    private ServerProcess server;
    private ServerApi api;

    @BeforeAll
    void startBothPbxsTheTrunksAndOneServer() throws Exception {
        workDir = Files.createDirectories(Path.of(System.getProperty("e2e.work.dir", "target/e2e"),
                "two-pbx-" + UUID.randomUUID()));
        String secret = "Sim-Secret-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Phone> astPhones = new HashMap<>(Map.of("SIP/2001", TALKS, "SIP/2002", ANSWERS));
        Map<String, Phone> fsPhones = new HashMap<>(Map.of("user/1001@default", ANSWERS,
                "user/1002@default", ANSWERS));
        for (String user : List.of("1001", "1002")) {
            astPhones.put(TO_FS.replace("{device}", user), SimTrunk.throughTrunk(ANSWERS));
        }
        fsPhones.put(TO_AST.replace("{device}", "2001"), SimTrunk.throughTrunk(TALKS));
        fsPhones.put(TO_AST.replace("{device}", "2002"), SimTrunk.throughTrunk(ANSWERS));
        ast = PbxFlavour.ASTERISK.start(astPhones, "cti", secret, 0);
        fs = PbxFlavour.FREESWITCH.start(fsPhones, "cti", secret, 0);
        astToFs = SimTrunk.connect(ast, TO_FS, fs, DeskPhone.of("user/trunk-ast@default"));
        fsToAst = SimTrunk.connect(fs, TO_AST, ast, DeskPhone.of("SIP/trunk-fs"));
        int http = ServerProcess.freePort();
        Path config = workDir.resolve("server.yaml");
        Files.writeString(config, """
                http:
                  host: 127.0.0.1
                  port: %d
                database:
                  embedded:
                    data-dir: %s
                logging:
                  level: debug
                pbx:
                  - name: ast
                    type: asterisk
                    host: 127.0.0.1
                    port: %d
                    username: cti
                    secret: %s
                    outbound-channel: SIP/{number}@carrier
                    trunks:
                      - {to: fs, dial: '%s'}
                  - name: fs
                    type: freeswitch
                    host: 127.0.0.1
                    port: %d
                    secret: %s
                    outbound-channel: sofia/gateway/carrier/{number}
                    trunks:
                      - {to: ast, dial: '%s'}
                """.formatted(http, workDir.resolve("db").toAbsolutePath(), ast.port(), secret, TO_FS, fs.port(),
                secret, TO_AST));
        server = ServerProcess.start(Map.of(), "run", "--config", config.toString());
        api = new ServerApi(http, server);
        api.await("pbx/ast up", () -> "up".equals(api.pbxState("ast")), Duration.ofSeconds(120));
        api.await("pbx/fs up", () -> "up".equals(api.pbxState("fs")), Duration.ofSeconds(120));
        agent("a1", "SIP/2001");
        agent("a2", "SIP/2002");
        agent("f1", "user/1001@default");
        agent("f2", "user/1002@default");
        queue(LOCAL, "local", "f1");
        queue(ANY, "any", "f1");
        queue(BOTH, "any", "a2", "f2");
        queue(TO_ASTERISK, "any", "a1");
        for (String agent : List.of("a1", "a2", "f1", "f2")) {
            api.post("/api/v1/agents/" + agent + "/state", "{\"state\":\"available\"}", 200);
        }
    }

    @AfterAll
    void stopAll() throws Exception {
        for (AutoCloseable trunk : new AutoCloseable[] {astToFs, fsToAst}) {
            if (trunk != null) {
                trunk.close();
            }
        }
        if (fs != null) {
            fs.stop();
        }
        ServerProcess.stopAll(server, ast, workDir);
    }

    @Test
    void a_local_queues_caller_waits_for_an_agent_on_their_own_pbx_and_never_crosses_the_trunk() throws Exception {
        int crossedBefore = astToFs.crossings().size();
        String onAst = ast.inboundCall(InboundCall.of("+4930555201", LOCAL));
        api.await("the Asterisk caller waits", () -> waiting(LOCAL) == 1, SOON);
        String onFs = fs.inboundCall(InboundCall.of("+4930555202", LOCAL));

        List<JsonNode> fsRows = awaitEvent(LOCAL, "fs/", "CONNECT");
        assertThat(events(fsRows)).containsExactly("ENTERQUEUE:NONE", "CONNECT:f1");
        assertThat(waiting(LOCAL)).as("the Asterisk caller still waits: f1 is on the other PBX").isEqualTo(1);

        ast.callerHangsUp(onAst);
        List<JsonNode> astRows = awaitEvent(LOCAL, "ast/", "ABANDON");
        assertThat(events(astRows)).as("f1, free before the FreeSWITCH caller came, was never offered it")
                .containsExactly("ENTERQUEUE:NONE", "ABANDON:NONE");
        assertThat(legs(api.callRecord(callId(astRows)))).containsExactly("caller:");
        assertThat(astToFs.crossings()).as("nothing crossed the trunk").hasSize(crossedBefore);
        fs.callerHangsUp(onFs);
        awaitEvent(LOCAL, "fs/", "COMPLETECALLER");
        awaitState("f1", "available");
    }

    @Test
    void an_any_queues_caller_is_rung_through_to_an_agent_on_the_other_pbx_and_the_call_ends_as_a_local_one()
            throws Exception {
        String onAst = ast.inboundCall(InboundCall.of("+4930555203", ANY));

        List<JsonNode> rows = awaitEvent(ANY, "ast/", "CONNECT");
        assertThat(events(rows)).containsExactly("ENTERQUEUE:NONE", "CONNECT:f1");
        JsonNode call = api.callRecord(callId(rows));
        assertThat(call.path("pbx").asText()).isEqualTo("ast");
        assertThat(agentLeg(call).path("endpoint").asText()).as("rung by the Asterisk through its trunk")
                .isEqualTo("PJSIP/1001@trunk-fs");
        awaitState("f1", "on-call");
        SimTrunk.Crossing crossed = astToFs.crossings().get(astToFs.crossings().size() - 1);
        assertThat(crossed.number()).as("the FreeSWITCH rang its own phone of f1").isEqualTo("1001");
        api.await("f1's phone answered on the FreeSWITCH", () -> bridgedOn(fs, crossed.far()), SOON);

        ast.callerHangsUp(onAst);
        List<JsonNode> ended = awaitEvent(ANY, "ast/", "COMPLETE");
        assertThat(events(ended)).containsExactly("ENTERQUEUE:NONE", "CONNECT:f1", "COMPLETECALLER:f1");
        api.await("the call record ends", () -> api.callRecord(callId(rows)), c -> !c.path("endedAt").isNull(),
                SOON);
        api.await("the caller's hang-up crossed the trunk: f1's phone is free", () -> !bridgedOn(fs, crossed.far()),
                SOON);
        awaitState("f1", "available");
    }

    @Test
    void a_freeswitch_caller_is_rung_through_to_an_asterisk_agent_whose_hang_up_crosses_back_and_completes_the_call()
            throws Exception {
        fs.inboundCall(InboundCall.of("+4930555207", TO_ASTERISK));

        List<JsonNode> rows = awaitEvent(TO_ASTERISK, "fs/", "COMPLETE");
        assertThat(events(rows)).containsExactly("ENTERQUEUE:NONE", "CONNECT:a1", "COMPLETEAGENT:a1");
        JsonNode call = api.callRecord(callId(rows));
        assertThat(call.path("pbx").asText()).isEqualTo("fs");
        assertThat(agentLeg(call).path("endpoint").asText()).as("rung by the FreeSWITCH through its gateway")
                .isEqualTo("sofia/gateway/trunk-ast/2001");
        assertThat(fsToAst.crossings()).extracting(SimTrunk.Crossing::number).contains("2001");
        awaitState("a1", "available");
    }

    @Test
    void one_pool_serves_callers_on_both_pbxs_at_once_and_an_agent_busy_on_one_is_never_offered_the_others()
            throws Exception {
        String first = ast.inboundCall(InboundCall.of("+4930555204", BOTH));
        String second = fs.inboundCall(InboundCall.of("+4930555205", BOTH));
        List<JsonNode> astRows = awaitEvent(BOTH, "ast/", "CONNECT");
        List<JsonNode> fsRows = awaitEvent(BOTH, "fs/", "CONNECT");
        String astAgent = connected(astRows);
        String fsAgent = connected(fsRows);
        assertThat(List.of(astAgent, fsAgent)).as("one agent each").containsExactlyInAnyOrder("a2", "f2");

        String third = ast.inboundCall(InboundCall.of("+4930555206", BOTH));
        api.await("the third caller waits while both agents talk", () -> waiting(BOTH) == 1, SOON);
        Instant busyAt = Instant.now();
        while (Instant.now().isBefore(busyAt.plusSeconds(2))) {
            assertThat(waiting(BOTH)).as("nobody is offered a second call").isEqualTo(1);
            Thread.sleep(200);
        }

        fs.callerHangsUp(second);
        List<JsonNode> thirdRows = api.await("the third caller is connected", () -> rowsOf(BOTH, "ast/"),
                all -> all.stream().filter(r -> r.path("event").asText().equals("CONNECT")).count() == 2, SOON);
        List<String> astConnects = thirdRows.stream().filter(r -> r.path("event").asText().equals("CONNECT"))
                .map(r -> r.path("agent").asText()).toList();
        assertThat(astConnects).as("the freed agent took the third caller").containsExactly(astAgent, fsAgent);


        ast.callerHangsUp(first);
        ast.callerHangsUp(third);
        api.await("every call of the queue completed", () -> rowsOf(BOTH, ""),
                all -> all.stream().filter(r -> r.path("event").asText().startsWith("COMPLETE")).count() == 3, SOON);
        List<JsonNode> all = rowsOf(BOTH, "");
        assertThat(all.stream().filter(r -> r.path("event").asText().equals("ENTERQUEUE"))
                .map(r -> callerPbx(r.path("callid").asText()))).as("two callers on the Asterisk, one on FreeSWITCH")
                .containsExactlyInAnyOrder("ast", "fs", "ast");
        for (JsonNode enter : all.stream().filter(r -> r.path("event").asText().equals("ENTERQUEUE")).toList()) {
            String callId = enter.path("callid").asText();
            assertThat(api.callRecord(callId).path("pbx").asText()).as("the record of %s", callId)
                    .isEqualTo(callerPbx(callId));
        }
        assertNeverDoubleBooked(all);
        assertCrossedThroughTheTrunk(all);
        awaitState("a2", "available");
        awaitState("f2", "available");
    }

    private static boolean bridgedOn(SimulatedPbx pbx, String channel) {
        boolean[] bridged = new boolean[1];
        pbx.drive(world -> bridged[0] = world.isBridged(channel));
        return bridged[0];
    }

    /**
     * Every CONNECT of an agent whose phone is on the other PBX than the caller's rang that phone through the
     * caller's PBX's trunk (which caller went to whom depends on who arrived first: both are fair).
     */
    private void assertCrossedThroughTheTrunk(List<JsonNode> rows) {
        Map<String, String> pbxOf = Map.of("a2", "ast", "f2", "fs");
        Map<String, String> numberOf = Map.of("a2", "2002", "f2", "1002");
        for (JsonNode row : rows.stream().filter(r -> r.path("event").asText().equals("CONNECT")).toList()) {
            String agent = row.path("agent").asText();
            String caller = callerPbx(row.path("callid").asText());
            if (!pbxOf.get(agent).equals(caller)) {
                SimTrunk trunk = caller.equals("ast") ? astToFs : fsToAst;
                assertThat(trunk.crossings()).extracting(SimTrunk.Crossing::number)
                        .as("%s rang %s through %s's trunk", caller, agent, caller).contains(numberOf.get(agent));
            }
        }
    }

    /** Between an agent's CONNECT and their COMPLETE, the agent has no other CONNECT. */
    private static void assertNeverDoubleBooked(List<JsonNode> rows) {
        Map<String, String> talking = new HashMap<>();
        for (JsonNode row : rows) {
            String event = row.path("event").asText();
            String agent = row.path("agent").asText();
            if (event.equals("CONNECT")) {
                assertThat(talking.put(agent, row.path("callid").asText())).as("%s double-booked", agent).isNull();
            } else if (event.startsWith("COMPLETE")) {
                talking.remove(agent);
            }
        }
    }

    /** The PBX a call id names: {@code ast} of {@code ast/1732.5}. */
    private static String callerPbx(String callId) {
        return callId.substring(0, callId.indexOf('/'));
    }

    private void agent(String id, String device) throws Exception {
        api.post("/api/v1/agents", "{\"id\":\"" + id + "\",\"displayName\":\"" + id + "\",\"device\":\"" + device
                + "\"}", 201);
    }

    private void queue(String did, String scope, String... members) throws Exception {
        api.post("/api/v1/queues", "{\"id\":\"" + did + "\",\"name\":\"" + scope + "-" + did
                + "\",\"ringTimeoutSeconds\":5,\"agentScope\":\"" + scope + "\",\"members\":[\""
                + String.join("\",\"", members) + "\"]}", 201);
    }

    private long waiting(String queue) throws Exception {
        return api.tasks().stream().filter(t -> queue.equals(t.path("queueId").asText())
                && t.path("status").asText().equalsIgnoreCase("pending")).count();
    }

    /** The queue's call rows whose call id starts with {@code pbxPrefix} ({@code ast/}, {@code fs/}). */
    private List<JsonNode> rowsOf(String queue, String pbxPrefix) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode row : api.queueLog("queue=" + queue)) {
            String callId = row.path("callid").asText();
            if (!callId.equals("NONE") && callId.startsWith(pbxPrefix)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Waits for the first call of {@code queue} on that PBX to log {@code event}; returns that call's rows. */
    private List<JsonNode> awaitEvent(String queue, String pbxPrefix, String event) throws Exception {
        List<JsonNode> rows = api.await(event + " of a " + pbxPrefix + " call in " + queue,
                () -> rowsOf(queue, pbxPrefix), found -> found.stream()
                        .anyMatch(r -> r.path("event").asText().startsWith(event)), SOON);
        String callId = rows.stream().filter(r -> r.path("event").asText().startsWith(event)).findFirst()
                .orElseThrow().path("callid").asText();
        return rows.stream().filter(r -> r.path("callid").asText().equals(callId)).toList();
    }

    private void awaitState(String agent, String wanted) throws Exception {
        api.await(agent + " " + wanted, () -> api.agentState(agent), wanted::equals, SOON);
    }

    private static String callId(List<JsonNode> rows) {
        return rows.get(0).path("callid").asText();
    }

    private static String connected(List<JsonNode> rows) {
        return rows.stream().filter(r -> r.path("event").asText().equals("CONNECT")).findFirst().orElseThrow()
                .path("agent").asText();
    }

    private static List<String> events(List<JsonNode> rows) {
        return rows.stream().map(r -> r.path("event").asText() + ":" + r.path("agent").asText()).toList();
    }

    private static List<String> legs(JsonNode call) {
        List<String> legs = new ArrayList<>();
        call.path("legs").forEach(leg -> legs.add(leg.path("role").asText() + ":" + leg.path("agentId").asText("")));
        return legs;
    }

    private static JsonNode agentLeg(JsonNode call) {
        for (JsonNode leg : call.path("legs")) {
            if (leg.path("role").asText().equals("agent")) {
                return leg;
            }
        }
        throw new AssertionError("no agent leg in " + call);
    }
}
