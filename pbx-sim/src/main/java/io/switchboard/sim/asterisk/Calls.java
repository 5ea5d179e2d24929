package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiMessage;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The channels of the simulated PBX and how they run the modelled dialplan: Local pairs, Dial,
 * bridges, music on hold, hangups. Every method runs on the engine thread.
 */
final class Calls {

    /** Schedules work on the engine thread after a simulated delay. */
    interface Timers {
        VirtualScheduler.Timer after(Duration delay, Runnable task);
    }

    final Events events;
    final Dialplan dialplan;
    private final Consumer<AmiMessage> sink;
    private final Timers timers;
    private final Dialing dialing;
    private final Bridges bridges;
    private final Conferences conferences;
    private final Hangups hangups;
    private final Applications applications;
    private final Queues queues;
    private final ChanSpy chanSpy;
    private final DeviceStates deviceStates;
    private final Cdrs cdrs;
    private final Map<String, SimChannel> channels = new LinkedHashMap<>();
    private final io.switchboard.sim.GonePlayed gone = new io.switchboard.sim.GonePlayed();
    private final Map<String, Integer> channelSequence = new HashMap<>();
    private final long epochSecond;
    private int uniqueidSequence;
    private int bridgeSequence;

    Calls(Events events, SimulatorConfig config, Consumer<AmiMessage> sink, Timers timers, long epochSecond) {
        this.events = events;
        this.dialplan = config.dialplan();
        this.sink = sink;
        this.timers = timers;
        this.epochSecond = epochSecond;
        this.dialing = new Dialing(this, config.phones());
        this.queues = new Queues(this, epochSecond);
        this.chanSpy = new ChanSpy(this);
        this.deviceStates = new DeviceStates(this, config.phones().keySet());
        this.cdrs = new Cdrs(this);
        this.applications = new Applications(this, new AmdDetector(this, config.amdLoaded()));
        this.bridges = new Bridges(this);
        this.conferences = new Conferences(this);
        this.hangups = new Hangups(this);
    }

    Bridges bridges() {
        return bridges;
    }

    Cdrs cdrs() {
        return cdrs;
    }

    DeviceStates deviceStates() {
        return deviceStates;
    }

    ChanSpy chanSpy() {
        return chanSpy;
    }

    Queues queues() {
        return queues;
    }

    Conferences conferences() {
        return conferences;
    }

    Optional<SimChannel> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    Collection<SimChannel> all() {
        return List.copyOf(channels.values());
    }

    Dialing dialing() {
        return dialing;
    }

    void emit(AmiMessage event) {
        sink.accept(event);
    }

    void emit(String event, SimChannel channel, String... extra) {
        if ("Newexten".equals(event)) {
            channel.application = extra[3];
            channel.applicationData = extra[5];
        }
        Events.Builder b = events.channel(event, Events.privilegeOf(event), channel);
        for (int i = 0; i < extra.length; i += 2) {
            b.add(extra[i], extra[i + 1]);
        }
        emit(b.build());
    }

    private static String privilegeOf(String event) {
        return switch (event) {
            case "Newexten", "VarSet" -> "dialplan,all";
            case "UserEvent" -> "user,all";
            default -> "call,all";
        };
    }

    VirtualScheduler.Timer after(Duration delay, Runnable task) {
        return timers.after(delay, task);
    }

    String nextUniqueid() {
        return epochSecond + "." + uniqueidSequence++;
    }

    String nextBridgeId() {
        return String.format("00000000-0000-4000-8000-%012d", bridgeSequence++);
    }

    String nextName(String prefix, String tech) {
        int n = channelSequence.merge(tech, 1, Integer::sum) - 1;
        return prefix + "-" + String.format("%08x", n);
    }

    /** Creates and announces a channel (Newchannel). */
    SimChannel create(String name, String uniqueid, String linkedid, int state, String context, String exten) {
        return create(name, uniqueid, linkedid, state, context, exten, c -> { });
    }

    /** Creates a channel, lets {@code before} set what its Newchannel already shows, and announces it. */
    SimChannel create(String name, String uniqueid, String linkedid, int state, String context, String exten,
            Consumer<SimChannel> before) {
        SimChannel c = new SimChannel(name, uniqueid, linkedid == null ? uniqueid : linkedid, state, context, exten);
        c.created = events.now();
        before.accept(c);
        channels.put(name, c);
        emit("Newchannel", c);
        return c;
    }

    /** Announces a channel built by the caller, e.g. with a phone's caller id already set (Newchannel). */
    SimChannel announce(SimChannel c) {
        c.created = events.now();
        channels.put(c.name, c);
        emit("Newchannel", c);
        return c;
    }

    /** Runs the channel's dialplan from its current priority until an application waits. */
    void run(SimChannel c) {
        int generation = c.generation;
        while (c.alive && c.generation == generation) {
            Optional<Extension> extension = dialplan.find(c.context, c.exten);
            if (extension.isEmpty() || c.priority > extension.get().steps().size()) {
                hangup(c, false, 0);
                return;
            }
            Step step = extension.get().steps().get(c.priority - 1);
            emit("Newexten", c, "Extension", c.exten, "Application", step.application(), "AppData", applications.appData(c, step));
            if (!execute(c, step, extension.get())) {
                return;
            }
        }
    }

    /**
     * Runs an Originate's Application on the answered channel. No Newexten is sent for it, and
     * when it returns the channel hangs up (08, 09b).
     */
    void runApplication(SimChannel c, Step step) {
        c.applicationOnly = true;
        c.application = step.application();
        c.applicationData = step.appData(c);
        execute(c, step, Extension.of(step));
    }

    /** Runs one priority; true if the dialplan goes on at once (see {@link Applications}). */
    boolean execute(SimChannel c, Step step, Extension extension) {
        return applications.execute(c, step, extension);
    }


    void resume(SimChannel c, int generation) {
        if (c.alive && c.generation == generation) {
            c.timer = null;
            if (c.applicationOnly) {
                hangup(c, false, 0);
                return;
            }
            c.priority++;
            run(c);
        }
    }

    /** Continues the dialplan after an application that returned (ConfBridge of a kicked user). */
    void continueAfterApplication(SimChannel c) {
        c.priority++;
        run(c);
    }

    /** Continues the dialplan at the next priority (after Dial returned). */
    void continueAfterDial(SimChannel c) {
        c.dialling = null;
        c.priority++;
        run(c);
    }

    void answer(SimChannel c) {
        if (c.state != SimChannel.UP) {
            newState(c, SimChannel.UP);
        }
        if (c.partner != null && !c.localOne && c.partner.dialledBy != null) {
            dialing.answered(c.partner.dialledBy);
        }
        if (c.byeAfterAnswer != null) {
            after(c.byeAfterAnswer, () -> hangups.farEndHangsUp(c));
            c.byeAfterAnswer = null;
        }
    }

    void newState(SimChannel c, int state) {
        c.state = state;
        if (state == SimChannel.UP && c.answeredAt == null) {
            c.answeredAt = events.now();
        }
        emit("Newstate", c);
        deviceStates.channelChanged(c);
        queues.deviceChanged(c);
    }

    void setVariable(SimChannel c, String name, String value) {
        if (ChannelFunctions.writeCallerId(c, name, value)) {
            emit("NewCallerid", c, "CID-CallingPres", "0 (Presentation Allowed, Not Screened)");
            return;
        }
        c.variables.put(name, value);
        emit("VarSet", c, "Variable", name, "Value", value);
    }

    void stopMusic(SimChannel c) {
        if (c.mohClass != null) {
            c.mohClass = null;
            emit("MusicOnHoldStop", c);
        }
    }

    /** Hangs a channel up and the other half of a Local pair with it: see {@link Hangups}. */
    void hangup(SimChannel c, boolean requested, int cause) {
        hangups.hangup(c, requested, cause);
    }

    /** The Hangup event of one channel, which is forgotten. */
    void finish(SimChannel c, int cause) {
        hangups.finish(c, cause);
    }

    void forget(SimChannel c) {
        channels.remove(c.name);
        gone.remember(c.name, c.played);
    }

    /** What {@code name} has been played, live or among the last channels gone. */
    java.util.List<String> played(String name) {
        SimChannel live = channels.get(name);
        return live != null ? java.util.List.copyOf(live.played) : gone.of(name);
    }
}
