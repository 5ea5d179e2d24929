package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor listens, whispers and barges on an agent's connected call through {@code POST
 * /api/v1/agents/{id}/monitor}: the PBX rings the supervisor's phone into the glue's spy context (Asterisk:
 * {@code ChanSpy} with {@code qE}, {@code qwE}, {@code qBE}; FreeSWITCH: {@code eavesdrop} with the whisper legs
 * set), {@code GET /api/v1/monitors} lists it, {@code DELETE /api/v1/monitors/{id}} hangs the supervisor's leg up,
 * and the customer and the agent stay connected throughout.
 */
abstract class MonitorScenarios extends PbxScenarios {

    private static final String SUPPORT_DID = "4930100700";
    private static final String NAILED_DID = "4930100701";
    private static final Phone ANSWERS_AND_STAYS = new Phone.Answers(Duration.ofSeconds(1), null);

    /** Asterisk: spyer channel by its Uniqueid while ChanSpy runs (ChanSpyStart to ChanSpyStop). */
    private final Map<String, String> spying = new ConcurrentHashMap<>();
    private final List<AmiMessage> commands = new CopyOnWriteArrayList<>();

    MonitorScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAgentsAndQueue() throws Exception {
        attach("monitor", Map.of(
                flavour.device("3201"), ANSWERS_AND_STAYS,
                flavour.device("3202"), ANSWERS_AND_STAYS,
                flavour.device("3203"), ANSWERS_AND_STAYS,
                flavour.device("3290"), ANSWERS_AND_STAYS));
        pbx.drive(world -> {
            world.listen(this::seen);
            world.listenCommands(commands::add);
        });
        agent("m1", "Mia", "3201");
        agent("m2", "Max", "3202");
        agent("m3", "Mo", "3203");
        queue(SUPPORT_DID, "support", 1, "m1");
        queue(NAILED_DID, "nailed", 1, "m3");
        availableInTurn("m1", "m2");
        openLine("m3");
    }

    private void seen(AmiMessage event) {
        String name = event.first("Event").orElse("");
        if (name.equals("ChanSpyStart")) {
            spying.put(event.first("SpyerUniqueid").orElseThrow(), event.first("SpyerChannel").orElseThrow());
        } else if (name.equals("ChanSpyStop")) {
            spying.remove(event.first("SpyerUniqueid").orElse(""));
        }
    }

    @Test
    void a_supervisor_listens_whispers_and_barges_and_ending_each_leaves_the_customer_and_agent_talking()
            throws Exception {
        String caller = pbx.inboundCall(InboundCall.of("+4930555700", SUPPORT_DID));
        String callId = awaitQueueLog("queue=" + SUPPORT_DID, "CONNECT").get(0).path("callid").asText();
        awaitState("m1", "on-call");
        awaitCall(callId, "m1's leg answered in the call record", PbxScenarios::agentAnswered);

        for (String mode : List.of("listen", "whisper", "barge")) {
            JsonNode started = api.post("/api/v1/agents/m1/monitor", "{\"mode\":\"" + mode + "\",\"device\":\""
                    + flavour.device("3290") + "\"}", 202);
            String id = started.path("id").asText();
            String leg = started.path("legId").asText();
            assertThat(started.path("callId").asText()).isEqualTo(callId);
            assertThat(started.path("mode").asText()).isEqualTo(mode);
            assertThat(leg).isEqualTo("sim/" + id);

            api.await("the PBX has the supervisor on the call in " + mode, () -> supervising(leg),
                    Optional.of(mode)::equals, SOON);
            assertThat(monitorIds()).contains(id);

            HttpResponse<String> ended = api.delete("/api/v1/monitors/" + id);
            assertThat(ended.statusCode()).as(ended.body()).isEqualTo(202);
            assertThat(monitorIds()).doesNotContain(id);
            if (flavour == PbxFlavour.FREESWITCH) {
                api.await("the supervisor's leg is gone", () -> supervising(leg).isEmpty(), SOON);
            } else {
                assertThat(commands).as("AMI Hangup of the spyer; Quirk 24: ChanSpy runs until the call ends")
                        .anyMatch(c -> c.first("Action").filter("Hangup"::equalsIgnoreCase).isPresent()
                                && c.first("Channel").equals(Optional.ofNullable(spying.get(id))));
            }
            assertThat(bridged(caller)).as("the customer still talks to the agent after the " + mode).isTrue();
            assertThat(api.agentState("m1")).isEqualTo("on-call");
        }

        pbx.callerHangsUp(caller);
        awaitState("m1", "available");
        api.await("every spyer gone with the call", () -> spying.isEmpty() || flavour == PbxFlavour.FREESWITCH, SOON);
        assertThat(monitorIds()).isEmpty();
    }

    @Test
    void a_monitor_of_an_agent_not_on_a_call_or_with_a_bad_field_is_refused_with_a_stable_error_id()
            throws Exception {
        String device = flavour.device("3290");
        assertThat(api.postError("/api/v1/agents/m2/monitor", "{\"mode\":\"listen\",\"device\":\"" + device + "\"}",
                409)).isEqualTo("agent-not-on-call");
        JsonNode badMode = api.error("/api/v1/agents/m2/monitor", "{\"mode\":\"spy\",\"device\":\"" + device + "\"}",
                400);
        assertThat(badMode.path("errorId").asText()).isEqualTo("invalid-field");
        assertThat(badMode.path("details").path("field").asText()).isEqualTo("mode");
        JsonNode badDevice = api.error("/api/v1/agents/m2/monitor", "{\"mode\":\"barge\",\"device\":\"SIP/1,2\"}",
                400);
        assertThat(badDevice.path("details").path("field").asText()).isEqualTo("device");
        assertThat(api.postError("/api/v1/agents/nobody/monitor", "{\"mode\":\"listen\",\"device\":\"" + device
                + "\"}", 404)).isEqualTo("agent-not-found");
        assertThat(api.delete("/api/v1/monitors/sb-0000000000000000").statusCode()).isEqualTo(404);
        assertThat(monitorIds()).isEmpty();
    }

    @Test
    void a_nailed_up_agent_forced_out_during_a_call_keeps_the_call_and_their_line_until_after_it() throws Exception {
        String caller = pbx.inboundCall(InboundCall.of("+4930555701", NAILED_DID));
        awaitQueueLog("queue=" + NAILED_DID, "CONNECT");
        awaitState("m3", "on-call");

        api.post("/api/v1/agents/m3/state", "{\"state\":\"logged-out\"}", 200);

        assertThat(api.agentState("m3")).isEqualTo("logged-out");
        assertThat(bridged(caller)).as("the customer still talks to the agent").isTrue();
        assertThat(lineOpen("m3")).as("the line carrying the call stays").isTrue();

        pbx.callerHangsUp(caller);
        awaitQueueLog("queue=" + NAILED_DID, "COMPLETE");
        assertThat(api.agentState("m3")).as("still logged out after the call").isEqualTo("logged-out");
        assertThat(api.delete("/api/v1/agents/m3/session").statusCode()).isEqualTo(202);
        api.await("m3's line closed", () -> !lineOpen("m3"), SOON);
    }

    private List<String> monitorIds() throws Exception {
        return api.getJson("/api/v1/monitors").path("monitors").findValuesAsText("id");
    }

    private boolean bridged(String channel) {
        AtomicBoolean bridged = new AtomicBoolean();
        pbx.drive(world -> bridged.set(world.isBridged(channel)));
        return bridged.get();
    }

    /**
     * How the PBX has the supervisor of {@code leg} on the call now, from its own state: Asterisk, the options of
     * the spyer's running ChanSpy; FreeSWITCH, the whisper legs of the supervisor channel's eavesdrop. Empty when
     * the supervisor is not (or no longer) on the call.
     */
    private Optional<String> supervising(String leg) {
        String uniqueid = leg.substring(leg.indexOf('/') + 1);
        AtomicReference<Optional<String>> mode = new AtomicReference<>(Optional.empty());
        pbx.drive(world -> {
            if (flavour == PbxFlavour.ASTERISK) {
                mode.set(Optional.ofNullable(spying.get(uniqueid))
                        .flatMap(channel -> world.variable(channel, "SWITCHBOARD_SPY_OPTIONS"))
                        .map(options -> options.contains("B") ? "barge" : options.contains("w") ? "whisper" : "listen"));
            } else {
                Optional<String> aleg = world.variable(uniqueid, "eavesdrop_whisper_aleg");
                Optional<String> bleg = world.variable(uniqueid, "eavesdrop_whisper_bleg");
                if (aleg.isPresent() && bleg.isPresent()) {
                    mode.set(Optional.of(aleg.get().equals("true") ? "barge" : bleg.get().equals("true") ? "whisper"
                            : "listen"));
                }
            }
        });
        return mode.get();
    }
}
