package io.switchboard.sim;

import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.asterisk.DeskPhone;
import io.switchboard.sim.asterisk.Phone;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trunk from one simulated PBX to another, one way, as two real PBXs joined by a SIP or IAX2 trunk look from
 * their manager interfaces: when {@code from} dials the trunk's dial string ({@code PJSIP/{device}@trunk-fs} on an
 * Asterisk, {@code sofia/gateway/trunk-ast/{device}} on a FreeSWITCH), the call arrives at {@code to} from the trunk
 * and rings the phone whose number is {@code {device}} there, as the far side's dialplan would
 * ({@code exten => _X.,1,Dial(PJSIP/${EXTEN})}, FreeSWITCH's {@code Local_Extension}). Each PBX reports only its own
 * channels and device states, over its own wire protocol: nothing of the fixtures' shapes changes.
 *
 * <p>The trunk's leg on {@code from} behaves as its {@link Phone} entry in {@code from}'s phones (give it
 * {@link #throughTrunk} of the far phone: it answers when the far phone does and stays up); the far side's call is
 * placed by a desk phone named after the trunk ({@code trunkPhone}, dialling the number), so it rings the far phone
 * as that phone's own {@link Phone} says. Hang-ups cross the trunk both ways: the caller's side ending hangs up the
 * far call, the far call ending (the agent hangs up) hangs up the trunk's leg. Cross-PBX steps run on a thread of
 * the trunk's own, never on an engine thread, since each simulator's engine waits for nobody.
 */
public final class SimTrunk implements AutoCloseable {

    /**
     * One call that crossed the trunk.
     *
     * @param number the far phone's number that was dialled
     * @param near   the trunk's leg on the caller's PBX (a channel name or uuid)
     * @param far    the call from the trunk on the far PBX (its channel name or uuid)
     */
    public record Crossing(String number, String near, String far) {
    }

    private final List<Crossing> crossings = new CopyOnWriteArrayList<>();

    private final SimulatedPbx from;
    private final SimulatedPbx to;
    private final Pattern dial;
    private final DeskPhone trunkPhone;
    private final ExecutorService hops = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "pbx-sim-trunk");
        thread.setDaemon(true);
        return thread;
    });
    /** Touched only on {@link #hops}: the trunk's leg on {@code from} and the far call on {@code to}, both ways. */
    private final Map<String, String> farOf = new HashMap<>();
    private final Map<String, String> nearOf = new HashMap<>();

    private SimTrunk(SimulatedPbx from, String dialTemplate, SimulatedPbx to, DeskPhone trunkPhone) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.dial = pattern(dialTemplate);
        this.trunkPhone = Objects.requireNonNull(trunkPhone, "trunkPhone");
    }

    /**
     * Joins {@code from} to {@code to}: {@code from}'s dial strings matching {@code dialTemplate} (holding
     * {@code {device}}) reach {@code to}'s phone of that number, called by {@code trunkPhone} ({@code SIP/trunk-ast}
     * on an Asterisk, {@code user/trunk-ast@default} on a FreeSWITCH). Returns once both sides listen.
     */
    public static SimTrunk connect(SimulatedPbx from, String dialTemplate, SimulatedPbx to, DeskPhone trunkPhone) {
        SimTrunk trunk = new SimTrunk(from, dialTemplate, to, trunkPhone);
        from.drive(world -> world.listen(trunk::onNear));
        to.drive(world -> world.listen(trunk::onFar));
        return trunk;
    }

    /**
     * How the trunk's leg on the caller's PBX behaves for a far phone that behaves as {@code far}: it rings as long,
     * answers when the far phone answers and then stays up until a hang-up crosses the trunk; a busy or unreachable
     * far phone is busy or unreachable through the trunk.
     */
    public static Phone throughTrunk(Phone far) {
        return far instanceof Phone.Answers answers ? new Phone.Answers(answers.ringFor(), null) : far;
    }

    /** The far phone's number in a dial string of the caller's PBX, if the dial string is this trunk's. */
    public Optional<String> numberIn(String dialString) {
        Matcher m = dial.matcher(dialString);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** An event of the caller's PBX, on its engine thread: the trunk dialled, or one of its legs gone. */
    private void onNear(AmiMessage event) {
        String name = event.event().orElse("");
        if (name.equals("DialBegin")) {
            String leg = event.first("DestChannel").orElse("");
            numberIn(fullDial(event)).ifPresent(number -> hops.execute(() -> dialFar(leg, number)));
        } else if (name.equals("Hangup")) {
            String leg = event.first("Channel").orElse("");
            hops.execute(() -> nearEnded(leg));
        }
    }

    /** An event of the far PBX, on its engine thread: a call that came over the trunk ended. */
    private void onFar(AmiMessage event) {
        if (event.event().filter("Hangup"::equals).isPresent()) {
            String channel = event.first("Channel").orElse("");
            hops.execute(() -> farEnded(channel));
        }
    }

    /**
     * The dial string of a {@code DialBegin}: FreeSWITCH's names the whole channel ({@code DestChannelName}); an
     * Asterisk one has the technology of {@code DestChannel} and the rest as {@code DialString}.
     */
    private static String fullDial(AmiMessage event) {
        return event.first("DestChannelName").orElseGet(() -> {
            String dest = event.first("DestChannel").orElse("");
            int slash = dest.indexOf('/');
            return (slash < 0 ? "" : dest.substring(0, slash + 1)) + event.first("DialString").orElse("");
        });
    }

    /** The trunk's leg dialled: the call arrives at the far PBX (its hang-up, if any, is queued after this). */
    private void dialFar(String leg, String number) {
        String far = to.phoneDials(trunkPhone, number);
        crossings.add(new Crossing(number, leg, far));
        farOf.put(leg, far);
        nearOf.put(far, leg);
    }

    private void nearEnded(String leg) {
        String far = farOf.remove(leg);
        if (far != null) {
            nearOf.remove(far);
            to.callerHangsUp(far);
        }
    }

    private void farEnded(String channel) {
        String leg = nearOf.remove(channel);
        if (leg != null) {
            farOf.remove(leg);
            from.callerHangsUp(leg);
        }
    }

    private static Pattern pattern(String template) {
        int at = template.indexOf("{device}");
        if (at < 0) {
            throw new IllegalArgumentException("dialTemplate must hold {device}: " + template);
        }
        return Pattern.compile(Pattern.quote(template.substring(0, at)) + "([0-9A-Za-z._-]+)"
                + Pattern.quote(template.substring(at + "{device}".length())));
    }

    /** The calls that crossed the trunk so far, oldest first. */
    public List<Crossing> crossings() {
        return List.copyOf(crossings);
    }

    /** Stops crossing calls; the simulators keep running. */
    @Override
    public void close() {
        hops.shutdownNow();
        try {
            hops.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
