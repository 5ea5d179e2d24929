package io.switchboard.sim.asterisk;

import java.util.Optional;

/**
 * What each modelled dialplan application does when a channel reaches its priority, and the
 * {@code AppData} its Newexten shows. Engine thread only.
 */
final class Applications {

    private final Calls calls;
    private final AmdDetector amd;

    Applications(Calls calls, AmdDetector amd) {
        this.calls = calls;
        this.amd = amd;
    }

    /** The {@code AppData} of the Newexten for {@code step}, with what Asterisk expands at run time. */
    String appData(SimChannel c, Step step) {
        if (step instanceof Step.GotoIfNoMarked g) {
            return (calls.conferences().hasMarked(g.conference().apply(c)) ? "0" : "1") + step.appData(c);
        }
        if (step instanceof Step.Amd) {
            return amd.appData();
        }
        return step.appData(c);
    }

    /** Runs one priority; true if the dialplan goes on at once, false if the application waits. */
    boolean execute(SimChannel c, Step step, Extension extension) {
        int generation = c.generation;
        if (step instanceof Step.NoOp) {
            c.priority++;
        } else if (step instanceof Step.Answer) {
            c.priority++;
            calls.answer(c);
        } else if (step instanceof Step.Set s) {
            calls.setVariable(c, s.variable(), s.value().apply(c));
            c.priority++;
        } else if (step instanceof Step.UserEvent u) {
            calls.emit(calls.events.channel("UserEvent", "user,all", c).add("UserEvent", u.name())
                    .addAll(u.fields().apply(c)).build());
            c.priority++;
        } else if (step instanceof Step.MusicOnHold m) {
            c.mohClass = m.mohClass();
            calls.emit("MusicOnHoldStart", c, "Class", m.mohClass());
            return false;
        } else if (step instanceof Step.WaitExten w) {
            Keypad.waitExten(calls, c, w);
            return false;
        } else if (step instanceof Step.Read r) {
            Keypad.read(calls, c, r);
            return false;
        } else if (step instanceof Step.Wait w) {
            c.timer = calls.after(w.duration(), () -> calls.resume(c, generation));
            return false;
        } else if (step instanceof Step.WaitFor w) {
            c.timer = calls.after(w.duration(c), () -> calls.resume(c, generation));
            return false;
        } else if (step instanceof Step.Ringing) {
            c.priority++;
            if (c.partner != null && c.partner.dialledBy != null) {
                calls.dialing().ringing(c.partner.dialledBy);
            }
        } else if (step instanceof Step.Busy) {
            calls.newState(c, SimChannel.BUSY);
            if (c.partner != null && c.partner.dialledBy != null) {
                calls.dialing().failed(c.partner.dialledBy, "BUSY");
            }
            return false;
        } else if (step instanceof Step.Dial d) {
            calls.dialing().dial(c, d.target().apply(c), d.timeout().apply(c));
            return false;
        } else if (step instanceof Step.GotoIf g) {
            c.priority = g.condition().test(c) ? extension.priority(g.label()).orElse(c.priority + 1) : c.priority + 1;
        } else if (step instanceof Step.Goto g) {
            return jump(c, g);
        } else if (step instanceof Step.GotoVariable g) {
            return jump(c, new Step.Goto(g.context().apply(c), g.exten().apply(c), "1"));
        } else if (step instanceof Step.ConfBridge cb) {
            calls.conferences().join(c, cb);
            return false;
        } else if (step instanceof Step.GotoIfNoMarked g) {
            c.priority = !calls.conferences().hasMarked(g.conference().apply(c))
                    ? extension.priority(g.label()).orElse(c.priority + 1) : c.priority + 1;
        } else if (step instanceof Step.Queue q) {
            calls.queues().join(c, q.queue());
            return false;
        } else if (step instanceof Step.ChanSpy spy) {
            calls.chanSpy().start(c, spy.prefix().apply(c), spy.options().apply(c));
            return false;
        } else if (step instanceof Step.Amd) {
            return amd.run(c);
        } else if (step instanceof Step.Instant i) {
            if ("Playback".equals(i.app())) {
                c.played.add(i.data().apply(c));
            } else if ("SayNumber".equals(i.app())) {
                c.played.add("#" + i.data().apply(c));
            }
            c.priority++;
        } else if (step instanceof Step.Hangup) {
            calls.hangup(c, true, 16);
            return false;
        } else {
            return false;
        }
        return true;
    }

    private boolean jump(SimChannel c, Step.Goto g) {
        String context = g.context() == null ? c.context : g.context();
        Optional<Extension> target = calls.dialplan.find(context, g.exten());
        c.context = context;
        c.exten = g.exten();
        c.priority = target.map(t -> t.priority(g.label()).orElse(1)).orElse(1);
        if (target.isEmpty()) {
            calls.hangup(c, false, 0);
            return false;
        }
        return true;
    }
}
