package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.SimTrunk;
import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.DeskPhone;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.asterisk.SimulatorConfig;
import io.switchboard.sim.esl.EventFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A simulated FreeSWITCH rings an agent's phone on a simulated Asterisk through a trunk: the caller's FreeSWITCH
 * dials {@code sofia/gateway/trunk-ast/2001}, the call arrives at the Asterisk from the trunk and rings
 * {@code SIP/2001} there; each side reports only its own channels, and hang-ups cross the trunk.
 */
class SimTrunkTest {

    private static final String TRUNK = "sofia/gateway/trunk-ast/{device}";
    private static final Phone AGENT = new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(3));

    private static FreeswitchSimulator freeswitch(Phone far) {
        return new FreeswitchSimulator(FreeswitchConfig.of("ClueCon").withTimeScale(0.01)
                .withDialplan(FsDialplan.switchboard())
                .withPhones(Map.of("sofia/gateway/trunk-ast/2001", SimTrunk.throughTrunk(far)))).start(0);
    }

    private static AsteriskSimulator asterisk(Phone agent) {
        return new AsteriskSimulator(SimulatorConfig.of("cti", "s").withPhones(Map.of("SIP/2001", agent))
                .withTimeScale(0.01)).start(0);
    }

    @Test
    void the_far_phone_rings_answers_and_its_hang_up_ends_the_trunk_leg_and_the_call() throws Exception {
        try (FreeswitchSimulator fs = freeswitch(AGENT); AsteriskSimulator ast = asterisk(AGENT);
                SimTrunk trunk = SimTrunk.connect(fs, TRUNK, ast, DeskPhone.of("SIP/trunk-fs"));
                GlueClient client = new GlueClient(fs, EventFormat.PLAIN)) {
            List<AmiMessage> far = new CopyOnWriteArrayList<>();
            ast.drive(world -> world.listen(far::add));
            String caller = fs.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);

            SwitchboardGlueInboundTest.connect(client, caller, "agent-leg-1", "sofia/gateway/trunk-ast/2001");
            client.until("CHANNEL_BRIDGE", caller);
            List<EventView> end = client.until("switchboard::agent_dial_result", caller);

            assertThat(far).anySatisfy(e -> {
                assertThat(e.event()).contains("DialBegin");
                assertThat(e.first("DialString")).contains("2001");
                assertThat(e.first("Channel")).hasValueSatisfying(c -> assertThat(c).startsWith("SIP/trunk-fs-"));
            });
            assertThat(far).anySatisfy(e -> {
                assertThat(e.event()).contains("DeviceStateChange");
                assertThat(e.first("Device")).contains("SIP/2001");
                assertThat(e.first("State")).contains("INUSE");
            });
            assertThat(end.get(end.size() - 1).header("Switchboard-Disposition")).contains("SUCCESS");
            assertThat(end).anySatisfy(e -> {
                assertThat(e.name()).as("the far phone hung up: the trunk leg ends").isEqualTo("CHANNEL_HANGUP");
                assertThat(e.header("Unique-ID")).contains("agent-leg-1");
            });
        }
    }

    @Test
    void the_caller_hanging_up_ends_the_call_on_the_far_pbx_and_frees_the_far_phone() throws Exception {
        try (FreeswitchSimulator fs = freeswitch(AGENT); AsteriskSimulator ast = asterisk(
                new Phone.Answers(Duration.ofSeconds(1), null));
                SimTrunk trunk = SimTrunk.connect(fs, TRUNK, ast, DeskPhone.of("SIP/trunk-fs"));
                GlueClient client = new GlueClient(fs, EventFormat.PLAIN)) {
            List<AmiMessage> far = new CopyOnWriteArrayList<>();
            ast.drive(world -> world.listen(far::add));
            String caller = fs.inboundCall(InboundCall.of("02079460000", "7000"));
            client.until("switchboard::caller_on_hold", caller);
            SwitchboardGlueInboundTest.connect(client, caller, "agent-leg-2", "sofia/gateway/trunk-ast/2001");
            client.until("CHANNEL_BRIDGE", caller);

            fs.callerHangsUp(caller);

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (far.stream().noneMatch(SimTrunkTest::phoneFreed) && System.nanoTime() < until) {
                Thread.sleep(20); // the far side's hang-up crosses on the trunk's thread
            }
            assertThat(far).anyMatch(SimTrunkTest::phoneFreed);
            assertThat(far.stream().filter(e -> e.event().filter("Hangup"::equals).isPresent())
                    .map(e -> e.first("Channel").orElse(""))).anyMatch(c -> c.startsWith("SIP/2001-"))
                    .anyMatch(c -> c.startsWith("SIP/trunk-fs-"));
        }
    }

    private static boolean phoneFreed(AmiMessage e) {
        return e.event().filter("DeviceStateChange"::equals).isPresent()
                && e.first("Device").filter("SIP/2001"::equals).isPresent()
                && e.first("State").filter("NOT_INUSE"::equals).isPresent();
    }

    @Test
    void only_dial_strings_of_the_trunk_cross_it() {
        try (FreeswitchSimulator fs = freeswitch(AGENT); AsteriskSimulator ast = asterisk(AGENT);
                SimTrunk trunk = SimTrunk.connect(fs, TRUNK, ast, DeskPhone.of("SIP/trunk-fs"))) {
            assertThat(trunk.numberIn("sofia/gateway/trunk-ast/2001")).contains("2001");
            assertThat(trunk.numberIn("sofia/gateway/carrier/2001")).isEmpty();
            assertThat(trunk.numberIn("sofia/internal/2001@10.0.0.1")).isEmpty();
        }
    }
}
