package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queue behaviours an app_queue or mod_callcenter admin expects of ring-all: a nailed-up agent among the members
 * is joined at once (an open line answers at once) rather than left out while the others ring; every ring leg
 * shows the caller's number on the agent's phone; an agent who hangs up first after a ring-all answer ends the
 * call for the caller too, as after a plain connect; callers leave a queue with nobody logged in only after its
 * {@code leaveWhenEmptyAfterSeconds} (mod_callcenter's {@code max-wait-time-with-no-agent}).
 */
abstract class QueueBehaviourScenarios extends PbxScenarios {

    private static final String NAILED_DID = "4930100900";
    private static final String SHOWN_DID = "4930100910";
    private static final String CALLER = "+4930555910";
    private static final String GRACE_DID = "4930100920";

    /** Every command the server sent the PBX, as {@code name: value} lines joined by {@code |}. */
    private final List<String> commands = new CopyOnWriteArrayList<>();

    QueueBehaviourScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAndAgents() throws Exception {
        Map<String, Phone> phones = new HashMap<>();
        phones.put(flavour.device("7401"), new Phone.NeverAnswers());
        phones.put(flavour.device("7402"), new Phone.Answers(Duration.ofSeconds(1), null));
        phones.put(flavour.device("7411"), new Phone.Answers(Duration.ofSeconds(1), null));
        phones.put(flavour.device("7412"), new Phone.NeverAnswers());
        attach("queue-behaviours", phones);
        pbx.drive(world -> world.listenCommands(command -> commands.add(command.headers().stream()
                .map(h -> h.name() + ": " + h.value()).collect(Collectors.joining("|")))));
        agent("ringer", "Rita", "7401");
        agent("nailed", "Nils", "7402");
        agent("shown1", "Sean", "7411");
        agent("shown2", "Sina", "7412");
        agent("absent", "Abe", "7421");
    }

    @Test
    void ring_all_joins_the_nailed_up_member_at_once_and_rings_nobody_else() throws Exception {
        api.post("/api/v1/queues", "{\"id\":\"" + NAILED_DID + "\",\"name\":\"nailed-ring-all\",\"strategy\":"
                + "\"ring-all\",\"reservationTimeoutSeconds\":5,\"members\":[\"ringer\",\"nailed\"]}", 201);
        openLine("nailed");
        availableInTurn("ringer");

        String caller = pbx.inboundCall(InboundCall.of("+4930555900", NAILED_DID));

        List<JsonNode> log = awaitQueueLog("queue=" + NAILED_DID, "CONNECT");
        assertThat(events(log)).as("the ringer's phone never rang: no RINGNOANSWER, no RINGCANCELED")
                .containsExactly("ENTERQUEUE:NONE", "CONNECT:nailed");
        assertThat(agentLeg(api.callRecord(log.get(0).path("callid").asText())).path("endpoint").asText())
                .as("joined to the line").isEqualTo(session("nailed").path("legId").asText());
        assertThat(api.agentState("ringer")).isEqualTo("available");
        assertThat(commands).noneMatch(command -> command.contains(flavour.device("7401")));

        pbx.callerHangsUp(caller);
        awaitQueueLog("queue=" + NAILED_DID, "COMPLETE");
        awaitState("nailed", "available");
    }

    @Test
    void each_agent_phone_rung_shows_the_callers_number_and_an_agent_hanging_up_first_ends_the_call()
            throws Exception {
        api.post("/api/v1/queues", "{\"id\":\"" + SHOWN_DID + "\",\"name\":\"shown-ring-all\",\"strategy\":"
                + "\"ring-all\",\"reservationTimeoutSeconds\":15,\"members\":[\"shown1\",\"shown2\"]}", 201);
        availableInTurn("shown1", "shown2");

        pbx.inboundCall(InboundCall.of(CALLER, SHOWN_DID));

        List<JsonNode> log = awaitQueueLog("queue=" + SHOWN_DID, "CONNECT");
        assertThat(events(log)).containsExactlyInAnyOrder("ENTERQUEUE:NONE", "RINGCANCELED:shown2", "CONNECT:shown1");
        for (String device : List.of(flavour.device("7411"), flavour.device("7412"))) {
            assertThat(commands).filteredOn(command -> command.toLowerCase(java.util.Locale.ROOT).contains("originate")
                    && command.contains(device)).singleElement()
                    .as("the ring of " + device).satisfies(command -> assertThat(command).contains(CALLER));
        }
        String callId = log.get(0).path("callid").asText();
        String agentChannel = bridgedAgentChannel();
        pbx.drive(world -> world.hangUp(agentChannel));

        assertThat(events(awaitQueueLog("queue=" + SHOWN_DID, "COMPLETE"))).contains("COMPLETEAGENT:shown1")
                .doesNotContain("COMPLETECALLER:shown1");
        JsonNode ended = awaitCall(callId, "the caller hung up by the PBX", PbxScenarios::ended);
        assertThat(ended.path("endReason").asText()).isEqualTo("completeagent");
        awaitState("shown1", "available");
    }

    @Test
    void a_caller_leaves_a_queue_nobody_is_logged_in_to_only_after_its_grace() throws Exception {
        api.post("/api/v1/queues", "{\"id\":\"" + GRACE_DID + "\",\"name\":\"graced\",\"members\":[\"absent\"],"
                + "\"leaveWhenEmpty\":[\"paused\"],\"leaveWhenEmptyAfterSeconds\":4,\"exits\":{\"leaveempty\":"
                + "{\"action\":\"extension\",\"context\":\"voicemail\",\"extension\":\"8001\"}}}", 201);

        String caller = pbx.inboundCall(InboundCall.of("+4930555920", GRACE_DID));

        long entered = System.nanoTime();
        assertThat(events(awaitQueueLog("queue=" + GRACE_DID, "ENTERQUEUE"))).as("still waiting in the grace")
                .containsExactly("ENTERQUEUE:NONE");
        List<JsonNode> log = awaitQueueLog("queue=" + GRACE_DID, "EXITEMPTY");
        assertThat(Duration.ofNanos(System.nanoTime() - entered)).isGreaterThan(Duration.ofSeconds(3));
        assertThat(events(log)).containsExactly("ENTERQUEUE:NONE", "EXITEMPTY:NONE");
        api.await("the caller in voicemail", () -> whereIs(caller), "voicemail,8001:LEAVEEMPTY"::equals, SOON);
        pbx.callerHangsUp(caller);
    }

    /** Where the simulated PBX has the channel, {@code <context>,<extension>:<QUEUESTATUS>}, or {@code gone}. */
    private String whereIs(String channel) {
        String[] where = new String[1];
        pbx.drive(world -> where[0] = world.dialplanLocation(channel)
                .map(at -> at + ":" + world.variable(channel, "QUEUESTATUS").orElse("")).orElse("gone"));
        return where[0];
    }

    /**
     * The agent's channel of the last bridge the adapter made (a first answer): AMI {@code Bridge}'s
     * {@code Channel2}, ESL {@code uuid_bridge <customer> <agent>}'s second uuid.
     */
    private String bridgedAgentChannel() {
        List<String> sent = List.copyOf(commands);
        for (int i = sent.size() - 1; i >= 0; i--) {
            String command = sent.get(i);
            for (String header : command.split("\\|")) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("channel2: ")) {
                    return header.substring("channel2: ".length()).trim();
                }
                if (lower.startsWith("command: uuid_bridge ")) {
                    String[] words = header.trim().split(" ");
                    return words[words.length - 1];
                }
            }
        }
        throw new AssertionError("no bridge command in " + commands);
    }
}
