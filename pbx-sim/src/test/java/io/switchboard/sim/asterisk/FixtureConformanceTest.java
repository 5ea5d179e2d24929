package io.switchboard.sim.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiDecoder;
import io.switchboard.sim.ami.AmiFrame;
import io.switchboard.sim.ami.AmiHeader;
import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.fixtures.Fixtures;
import io.switchboard.sim.transcript.Direction;
import io.switchboard.sim.transcript.Transcript;
import io.switchboard.sim.transcript.TranscriptBlock;
import io.switchboard.sim.wire.Decoded;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays a fixture's SENT blocks against the simulator over TCP and compares what comes back
 * with the fixture's RECEIVED blocks: per block the same messages (event or response, header
 * names in order), and per channel the same order. Cross-channel interleaving is not compared
 * (Quirks 21, 22, 29: real Asterisk varies it between runs); OriginateResponse is ordered by its
 * ActionID. Every Asterisk fixture is replayed ({@link #every_asterisk_fixture_is_replayed}); 12b as
 * the second session of 12. Left out, each for a reason given where it is declared: VarSet except
 * {@link #comparedVariable} and RTCP ({@link #NOT_MODELLED}), the position (not the count) of
 * {@link #ASYNC} events, and the position of one racing event in a few blocks ({@link #RACY}).
 */
class FixtureConformanceTest {

    /**
     * Events left out of both sides: VarSet (but see {@link #comparedVariable}), whose bulk is
     * Dial/Queue/ConfBridge/chan_sip bookkeeping the simulator does not reproduce, and RTCP reports,
     * which depend on real RTP timing (10c, 11).
     */
    static final Set<String> NOT_MODELLED = Set.of("VarSet", "RTCPSent", "RTCPReceived");

    /**
     * The VarSets that are compared although VarSet is not modelled in general: AMD's result, which
     * reaches AMI only as these two VarSets (Quirk 28), BRIDGEPEER and DIALSTATUS (bridge and Dial
     * outcome), and the fixtures' own {@code CTI_*} variables,
     * set by AMI Setvar (14: a global, a channel variable) or Originate {@code Variable} (03, 10*).
     * The rest is Dial/Queue/ConfBridge/RTP bookkeeping.
     */
    static boolean comparedVariable(String name) {
        return Set.of("AMDSTATUS", "AMDCAUSE", "BRIDGEPEER", "DIALSTATUS").contains(name) || name.startsWith("CTI_");
    }

    /**
     * Events real Asterisk publishes through a taskprocessor, so their place among the events of the
     * same moment varies (05: QueueMemberStatus between two DeviceStateChanges of the same device; 11:
     * after both); a Cdr is posted by the CDR engine when the record is finalised (08b: before its
     * channel's Hangup, 05: after it). Every block must still have the right number of them with the
     * right headers.
     */
    static final Set<String> ASYNC = Set.of("DeviceStateChange", "Cdr");

    /**
     * Events whose place in their channel's order real Asterisk itself varies between runs, per
     * fixture and block; only these are left out of that block's per-channel order (they still count
     * in its multiset). In 09 the busy Local's {@code Newstate Busy} comes after {@code DialEnd} in
     * the async attempt (block 6) but before it in the sync attempt of the same file; the simulator
     * follows the sync order (also 07's). In 10/10c/10d the SIP leg's ConfbridgeJoin came before its
     * BridgeEnter (10/10d: even before the Newexten of ConfBridge), in 08/10b after it (Quirks 22, 29);
     * the simulator follows 08. When 10d's agent leaves, BridgeLeave comes before ConfbridgeLeave; in
     * 08/10c after it. BRIDGEPEER's VarSet races with Confbridge* the same way: in 10b/10c the
     * nailed agent's comes before its ConfbridgeJoin (08/10: after), in 10d the leaving SIP leg's
     * after its ConfbridgeLeave (08/10/10c: before); when 13's caller hangs up, its BRIDGEPEER VarSet
     * comes before AgentComplete (03: after).
     */
    static final Map<String, Map<Integer, Set<String>>> RACY = Map.of(
            "09-originate-failures.ami.txt", Map.of(6, Set.of("Newstate")),
            "10-outbound-sip-amd-to-agent.ami.txt", Map.of(6, Set.of("ConfbridgeJoin")),
            "10b-outbound-amd-machine.ami.txt", Map.of(4, Set.of("VarSet")),
            "13-mixmonitor-chanspy.ami.txt", Map.of(14, Set.of("VarSet")),
            "10c-outbound-amd-human.ami.txt", Map.of(4, Set.of("VarSet"), 6, Set.of("ConfbridgeJoin")),
            "10d-outbound-amd-notsure-no-rtp.ami.txt", Map.of(6, Set.of("ConfbridgeJoin"), 8, Set.of("VarSet"),
                    10, Set.of("ConfbridgeLeave")));

    /** The SIP customer of 10b/10c/10d answers at once; what AMD hears differs (Quirk 28). */
    static final Map<String, AmdOutcome> AMD = Map.of("10-outbound-sip-amd-to-agent.ami.txt", AmdOutcome.HUMAN,
            "10b-outbound-amd-machine.ami.txt", AmdOutcome.MACHINE,
            "10c-outbound-amd-human.ami.txt", AmdOutcome.HUMAN,
            "10d-outbound-amd-notsure-no-rtp.ami.txt", AmdOutcome.NOTSURE);

    /** The {@code eventfilter(action(exclude),name(X))} lines of {@code cti-filtered} in the fixtures' manager.conf. */
    static final Set<String> FILTERED = Set.of("VarSet", "Newexten", "RTCPSent", "RTCPReceived", "NewConnectedLine",
            "DeviceStateChange", "SuccessfulAuth");

    /**
     * 11's caller: {@code sipp -sn uac -s 100 127.0.0.1 -d 8000}, a chan_sip guest (CallerIDNum {@code sipp},
     * DNID 100) who sends BYE 8 s after the answer. It dials in once the session is logged in.
     */
    static final InboundCall SIPP_UAC = new InboundCall("sipp", "sipp", "100", "127.0.0.1")
            .hangingUpAfterAnswer(Duration.ofSeconds(8));

    /**
     * 12b is the second session of 12: it logs in (12 sees its SuccessfulAuth, Quirk 11) and runs the
     * resync queries with {@code Events: off} while 12's two calls are up, just before 12's own queries.
     */
    static final String RESYNC_SESSION = "12b-resync-queries-events-off.ami.txt";

    /** Every fixture but 12b, which is replayed as 12's second session ({@link #RESYNC_SESSION}). */
    static final List<String> REPLAYED = List.of(
            "01-login-success.ami.txt",
            "02-login-failure.ami.txt",
            "02b-login-failure-seen-by-other-session.ami.txt",
            "03-queue-call-answered.ami.txt",
            "03b-queue-call-answered-filtered.ami.txt",
            "04-queue-caller-abandons.ami.txt",
            "05-hold-redirect-agent-answers.ami.txt",
            "05b-hold-redirect-agent-answers-filtered.ami.txt",
            "06-hold-redirect-agent-noanswer.ami.txt",
            "07-hold-redirect-agent-busy.ami.txt",
            "08-nailed-agent-confbridge.ami.txt",
            "08b-agent-customer-ami-bridge.ami.txt",
            "09b-originate-with-channelid.ami.txt",
            "09-originate-failures.ami.txt",
            "10-outbound-sip-amd-to-agent.ami.txt",
            "10b-outbound-amd-machine.ami.txt",
            "10c-outbound-amd-human.ami.txt",
            "10d-outbound-amd-notsure-no-rtp.ami.txt",
            "11-inbound-sip-hold-redirect.ami.txt",
            "12-resync-queries.ami.txt",
            "13-mixmonitor-chanspy.ami.txt",
            "13b-chanspy-sip-supervisor.ami.txt",
            "14-misc-actions-and-shutdown.ami.txt",
            "15-redirect-to-missing-extension.ami.txt");

    static List<String> replayed() {
        return REPLAYED;
    }

    @Test
    void every_asterisk_fixture_is_replayed() {
        List<String> all = Fixtures.allAsterisk().stream().map(p -> p.getFileName().toString()).toList();
        List<String> covered = new ArrayList<>(REPLAYED);
        covered.add(RESYNC_SESSION);
        assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replayed")
    void the_simulator_sends_what_asterisk_sent(String fixture) throws Exception {
        Map<String, Phone> phones = AMD.containsKey(fixture)
                ? Map.of("SIP/5551234@127.0.0.1:5062", new Phone.Answers(Duration.ofMillis(200), null, AMD.get(fixture)))
                : Map.of("SIP/spy@127.0.0.1:5063", new Phone.Answers(Duration.ofMillis(200), null));
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "cti-secret"),
                fixture.startsWith("10-") ? Dialplan.fixturesBefore10b() : Dialplan.fixtures(),
                phones, 0.02, Clock.systemUTC()).withFilteredUser("cti-filtered", "cti-secret", FILTERED)
                .withAmdLoaded(!fixture.startsWith("10-"));
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0)) {
            replay(sim, fixture);
        }
    }

    /** Replays {@code fixture} over a new AMI session and compares every RECEIVED block. */
    private static void replay(AsteriskSimulator sim, String fixture) throws Exception {
        Transcript transcript = Transcript.read(Fixtures.asterisk(fixture));
        AmiDecoder fixtureDecoder = AmiDecoder.clientSide();
        try (AmiTestClient client = new AmiTestClient(sim.port())) {
            for (TranscriptBlock block : transcript.blocks()) {
                if (block.direction() == Direction.SENT) {
                    if (fixture.startsWith("12-") && new String(block.bytes()).contains("CoreShowChannels")) {
                        replay(sim, RESYNC_SESSION);
                    }
                    client.write(block.bytes());
                    continue;
                }
                List<AmiFrame> expected = modelled(decode(fixtureDecoder, block.bytes()));
                List<AmiFrame> actual = new ArrayList<>();
                while (actual.size() < expected.size()) {
                    if (isShutdown(expected.get(actual.size()))) {
                        sim.stop();
                    }
                    Optional<AmiFrame> frame = client.next();
                    assertThat(frame).as("%s %s: EOF after %s", fixture, block, describe(actual)).isPresent();
                    if (!modelled(List.of(frame.get())).isEmpty()) {
                        actual.add(frame.get());
                    }
                    if (fixture.startsWith("11-") && isEvent(frame.get(), "SuccessfulAuth")) {
                        sim.inboundCall(SIPP_UAC);
                    }
                    if (fixture.startsWith("02b") && isEvent(frame.get(), "SuccessfulAuth")) {
                        failedLogin(sim.port());
                    }
                }
                compare(fixture + " " + block, expected, actual,
                        RACY.getOrDefault(fixture, Map.of()).getOrDefault(block.index(), Set.of()));
            }
            if (fixture.startsWith("02") || fixture.startsWith("14")) {
                assertThat(client.next()).as("%s ends with the server's EOF", fixture).isEmpty();
            }
        }
    }

    private static void compare(String where, List<AmiFrame> expected, List<AmiFrame> actual, Set<String> racy) {
        assertThat(signatures(actual)).as("%s: same messages", where)
                .containsExactlyInAnyOrderElementsOf(signatures(expected));
        Set<String> unordered = new java.util.HashSet<>(racy);
        unordered.addAll(ASYNC);
        assertThat(byKey(without(unordered, actual))).as("%s: same order per channel (racing %s left out)", where, racy)
                .isEqualTo(byKey(without(unordered, expected)));
    }

    private static List<AmiFrame> without(Set<String> events, List<AmiFrame> frames) {
        return frames.stream().filter(f -> !(f instanceof AmiMessage m) || m.event().filter(events::contains).isEmpty())
                .toList();
    }

    static List<String> signatures(List<AmiFrame> frames) {
        return frames.stream().map(FixtureConformanceTest::signature).toList();
    }

    static Map<String, List<String>> byKey(List<AmiFrame> frames) {
        Map<String, List<String>> keyed = new LinkedHashMap<>();
        for (AmiFrame f : frames) {
            keyed.computeIfAbsent(key(f), k -> new ArrayList<>()).add(signature(f));
        }
        return new java.util.TreeMap<>(keyed);
    }

    private static String key(AmiFrame frame) {
        if (!(frame instanceof AmiMessage m)) {
            return "banner";
        }
        if (m.event().filter("OriginateResponse"::equals).isPresent()) {
            return "originate " + m.actionId().orElse("");
        }
        if (m.event().filter(e -> e.startsWith("Bridge")).isPresent()) {
            return m.first("Channel").orElse("bridge");
        }
        return m.first("Channel").or(() -> m.first("DestChannel")).or(() -> m.first("LocalOneChannel"))
                .orElse(m.event().isPresent() ? "event" : "response");
    }

    private static String signature(AmiFrame frame) {
        if (!(frame instanceof AmiMessage m)) {
            return new String(frame.encode()).trim();
        }
        String head = m.event().map(e -> "Event " + e).orElse("Response " + m.first("Response").orElse("?"));
        return head + " " + m.headers().stream().map(AmiHeader::name).toList();
    }

    private static String describe(List<AmiFrame> frames) {
        return signatures(frames).toString();
    }

    /** 02's client, whose failed login 02b's session sees as InvalidPassword (Quirk 11). */
    private static void failedLogin(int port) throws Exception {
        try (AmiTestClient other = new AmiTestClient(port)) {
            other.write(Transcript.read(Fixtures.asterisk("02-login-failure.ami.txt")).blocks().stream()
                    .filter(b -> b.direction() == Direction.SENT).findFirst().orElseThrow().bytes());
            assertThat(other.next()).isPresent();
            assertThat(other.next()).isPresent();
        }
    }

    private static boolean isShutdown(AmiFrame frame) {
        return isEvent(frame, "Shutdown");
    }

    private static boolean isEvent(AmiFrame frame, String name) {
        return frame instanceof AmiMessage m && m.event().filter(name::equals).isPresent();
    }

    private static List<AmiFrame> modelled(List<AmiFrame> frames) {
        return frames.stream().filter(f -> !(f instanceof AmiMessage m) || m.event().filter(NOT_MODELLED::contains)
                .isEmpty() || m.first("Variable").filter(FixtureConformanceTest::comparedVariable).isPresent()).toList();
    }

    static List<AmiFrame> decode(AmiDecoder decoder, byte[] bytes) {
        return decoder.feed(bytes).stream()
                .map(d -> ((Decoded.Ok<AmiFrame>) d).value()).toList();
    }
}
