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
    private final Map<String, SimChannel> channels = new LinkedHashMap<>();
    private final Map<String, Integer> channelSequence = new HashMap<>();
    private final long epochSecond;
    private int uniqueidSequence;
    private int bridgeSequence;

    Calls(Events events, Dialplan dialplan, Map<String, Phone> phones, Consumer<AmiMessage> sink, Timers timers,
            long epochSecond) {
        this.events = events;
        this.dialplan = dialplan;
        this.sink = sink;
        this.timers = timers;
        this.epochSecond = epochSecond;
        this.dialing = new Dialing(this, phones);
        this.bridges = new Bridges(this);
        this.conferences = new Conferences(this);
        this.hangups = new Hangups(this);
    }

    Bridges bridges() {
        return bridges;
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
        Events.Builder b = events.channel(event, privilegeOf(event), channel);
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
        return announce(new SimChannel(name, uniqueid, linkedid == null ? uniqueid : linkedid, state, context, exten));
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
            emit("Newexten", c, "Extension", c.exten, "Application", step.application(), "AppData", appData(c, step));
            if (!execute(c, step, extension.get())) {
                return;
            }
        }
    }

    private String appData(SimChannel c, Step step) {
        if (step instanceof Step.GotoIfNoMarked g) {
            return (conferences.hasMarked(g.conference().apply(c)) ? "0" : "1") + step.appData(c);
        }
        return step.appData(c);
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

    boolean execute(SimChannel c, Step step, Extension extension) {
        int generation = c.generation;
        if (step instanceof Step.NoOp) {
            c.priority++;
        } else if (step instanceof Step.Answer) {
            c.priority++;
            answer(c);
        } else if (step instanceof Step.Set s) {
            setVariable(c, s.variable(), s.value().apply(c));
            c.priority++;
        } else if (step instanceof Step.UserEvent u) {
            emit(events.channel("UserEvent", "user,all", c).add("UserEvent", u.name()).addAll(u.fields().apply(c)).build());
            c.priority++;
        } else if (step instanceof Step.MusicOnHold m) {
            c.mohClass = m.mohClass();
            emit("MusicOnHoldStart", c, "Class", m.mohClass());
            return false;
        } else if (step instanceof Step.Wait w) {
            c.timer = after(w.duration(), () -> resume(c, generation));
            return false;
        } else if (step instanceof Step.Ringing) {
            c.priority++;
            if (c.partner != null && c.partner.dialledBy != null) {
                dialing.ringing(c.partner.dialledBy);
            }
        } else if (step instanceof Step.Busy) {
            newState(c, SimChannel.BUSY);
            if (c.partner != null && c.partner.dialledBy != null) {
                dialing.failed(c.partner.dialledBy, "BUSY");
            }
            return false;
        } else if (step instanceof Step.Dial d) {
            dialing.dial(c, d.target().apply(c), d.timeout().apply(c));
            return false;
        } else if (step instanceof Step.GotoIf g) {
            c.priority = g.condition().test(c) ? extension.priority(g.label()).orElse(c.priority + 1) : c.priority + 1;
        } else if (step instanceof Step.Goto g) {
            return jump(c, g);
        } else if (step instanceof Step.ConfBridge cb) {
            conferences.join(c, cb);
            return false;
        } else if (step instanceof Step.GotoIfNoMarked g) {
            c.priority = !conferences.hasMarked(g.conference().apply(c))
                    ? extension.priority(g.label()).orElse(c.priority + 1) : c.priority + 1;
        } else if (step instanceof Step.Amd) {
            AmdOutcome outcome = c.amd;
            c.timer = after(outcome.analysis(), () -> {
                if (c.alive && c.generation == generation) {
                    setVariable(c, "AMDSTATUS", outcome.name());
                    setVariable(c, "AMDCAUSE", outcome.cause());
                    resume(c, generation);
                }
            });
            return false;
        } else if (step instanceof Step.Instant) {
            c.priority++;
        } else if (step instanceof Step.Hangup) {
            hangup(c, true, 16);
            return false;
        } else {
            return false;
        }
        return true;
    }

    private boolean jump(SimChannel c, Step.Goto g) {
        String context = g.context() == null ? c.context : g.context();
        Optional<Extension> target = dialplan.find(context, g.exten());
        c.context = context;
        c.exten = g.exten();
        c.priority = target.map(t -> t.priority(g.label()).orElse(1)).orElse(1);
        if (target.isEmpty()) {
            hangup(c, false, 0);
            return false;
        }
        return true;
    }

    private void resume(SimChannel c, int generation) {
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
    }

    void newState(SimChannel c, int state) {
        c.state = state;
        emit("Newstate", c);
    }

    void setVariable(SimChannel c, String name, String value) {
        c.variables.put(name, value);
        emit("VarSet", c, "Variable", name, "Value", value);
    }

    /** AMI Redirect: leaves music on hold and runs the new extension, or hangs up if it is missing. */
    void redirect(SimChannel c, String context, String exten, int priority) {
        c.cancelTimer();
        c.generation++;
        stopMusic(c);
        c.context = context;
        c.exten = exten;
        c.priority = priority;
        if (dialplan.find(context, exten).isEmpty()) {
            hangup(c, true, 0);
        } else {
            run(c);
        }
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
    }
}
