package io.switchboard.sim.asterisk;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Dial() and Originate: creates the dialled channel (a Local pair or a phone), reports
 * DialBegin/DialState/DialEnd and OriginateResponse, bridges on answer. Engine thread only.
 */
final class Dialing {

    private final Calls calls;
    private final Map<String, Phone> phones;
    private java.util.function.Function<String, Phone> resolver = target -> null;
    /** True while {@link #dialForQueue} starts its dial. */
    private boolean queueDial;

    Dialing(Calls calls, Map<String, Phone> phones) {
        this.calls = calls;
        this.phones = phones;
    }

    /** Decides phones per dial before the configured map is asked ({@link SimWorld#phones}). */
    void resolver(java.util.function.Function<String, Phone> next) {
        this.resolver = next;
    }

    private Phone phoneFor(String target) {
        Phone decided = resolver.apply(target);
        return decided != null ? decided : phones.getOrDefault(target, new Phone.Unreachable());
    }

    /** Dial() run by {@code caller}'s dialplan. */
    void dial(SimChannel caller, String target, Duration timeout) {
        if (!queueDial) {
            calls.setVariable(caller, "DIALSTATUS", "");
        }
        start(caller, target, null, timeout);
    }

    /** app_queue rings member {@code iface} for the queue caller {@code caller}. */
    void dialForQueue(SimChannel caller, String iface, Duration timeout) {
        queueDial = true;
        try {
            dial(caller, iface, timeout);
        } finally {
            queueDial = false;
        }
    }

    /** An AMI Originate, after its response was written. */
    void originate(OriginateRequest request) {
        start(null, request.dialString(), request, request.timeout());
    }

    /** Whether a synchronous Originate will fail, so its response can be written first (Quirk 3). */
    boolean willFail(OriginateRequest request) {
        String target = request.dialString();
        if (target.startsWith("Local/")) {
            String spec = target.substring("Local/".length());
            Optional<Extension> extension = calls.dialplan.find(Dialplan.contextOf(spec), Dialplan.extenOf(spec));
            return extension.map(e -> e.steps().stream().filter(s -> !(s instanceof Step.NoOp)).findFirst()
                    .map(s -> s instanceof Step.Busy || s instanceof Step.Ringing).orElse(false)).orElse(true);
        }
        return !(phones.get(target) instanceof Phone.Answers);
    }

    private void start(SimChannel caller, String target, OriginateRequest o, Duration timeout) {
        String linkedid = caller != null ? caller.linkedid : null;
        String uid = o != null && o.channelId() != null ? o.channelId() : calls.nextUniqueid();
        if (target.startsWith("Local/")) {
            startLocal(caller, target.substring("Local/".length()), o, timeout, linkedid, uid);
        } else {
            startPhone(caller, target, o, timeout, linkedid, uid);
        }
    }

    private void startLocal(SimChannel caller, String spec, OriginateRequest o, Duration timeout, String linkedid,
            String uid1) {
        String exten = Dialplan.extenOf(spec);
        String context = Dialplan.contextOf(spec);
        String base = calls.nextName("Local/" + exten + "@" + context, "Local");
        String uid2 = o != null && o.otherChannelId() != null ? o.otherChannelId()
                : o != null && o.channelId() != null ? o.channelId() + ";2" : calls.nextUniqueid();
        String linked = linkedid != null ? linkedid : uid1;
        SimChannel one = calls.create(base + ";1", uid1, linked, SimChannel.DOWN, context, exten);
        SimChannel two = calls.create(base + ";2", uid2, linked, SimChannel.RING, context, exten);
        one.localOne = true;
        one.partner = two;
        two.partner = one;
        DialAttempt attempt = new DialAttempt(caller, one, spec, o, queueDial);
        one.dialledBy = attempt;
        if (caller != null) {
            caller.dialling = attempt;
        }
        calls.emit("Newexten", one, "Extension", exten, "Application",
                o != null ? "AppDial2" : attempt.byQueue() ? "AppQueue" : "AppDial", "AppData", "(Outgoing Line)");
        setOriginateVariables(o, one, two);
        announceCallerId(caller, o, one, two);
        if (calls.dialplan.find(context, exten).isEmpty()) {
            calls.finish(two, 0);
            calls.finish(one, 0);
            outcome(attempt, "CHANUNAVAIL", 0);
            return;
        }
        calls.emit(calls.events.event("LocalBridge", "call,all").channel("LocalOne", one).channel("LocalTwo", two)
                .add("Context", context).add("Exten", exten).add("LocalOptimization", "Yes").build());
        if (attempt.byQueue()) {
            calls.queues().agentCalled(attempt);
        }
        dialBegin(attempt);
        one.timer = calls.after(timeout, () -> timedOut(attempt));
        calls.run(two);
    }

    private void startPhone(SimChannel caller, String target, OriginateRequest o, Duration timeout, String linkedid,
            String uid) {
        int slash = target.indexOf('/');
        String tech = slash < 0 ? "SIP" : target.substring(0, slash);
        String rest = slash < 0 ? target : target.substring(slash + 1);
        String peer = rest.contains("@") ? rest.substring(rest.indexOf('@') + 1) : rest;
        Phone phone = phoneFor(target);
        SimChannel dest = calls.create(calls.nextName(tech + "/" + peer, tech), uid, linkedid, SimChannel.DOWN,
                "default", "s");
        DialAttempt attempt = new DialAttempt(caller, dest, rest, o, queueDial);
        dest.dialledBy = attempt;
        if (caller != null) {
            caller.dialling = attempt;
        }
        if (o != null) {
            dest.exten = "";
            calls.emit("Newexten", dest, "Extension", "", "Application", "AppDial2", "AppData", "(Outgoing Line)");
            setOriginateVariables(o, dest);
        }
        announceCallerId(caller, o, dest, null);
        dialBegin(attempt);
        if (phone instanceof Phone.Answers answers) {
            dest.amd = answers.amd();
            dest.keys = answers.keys();
            ringing(attempt);
            dest.timer = calls.after(answers.ringFor().compareTo(timeout) < 0 ? answers.ringFor() : timeout,
                    () -> phoneAnswers(attempt, answers, timeout));
        } else if (phone instanceof Phone.NeverAnswers) {
            ringing(attempt);
            dest.timer = calls.after(timeout, () -> timedOut(attempt));
        } else if (phone instanceof Phone.Busy) {
            failed(attempt, "BUSY");
        } else {
            dest.timer = calls.after(timeout, () -> timedOut(attempt));
        }
    }

    private void phoneAnswers(DialAttempt attempt, Phone.Answers answers, Duration timeout) {
        if (answers.ringFor().compareTo(timeout) >= 0) {
            timedOut(attempt);
            return;
        }
        SimChannel dest = attempt.dest();
        answered(attempt);
        if (answers.talkFor() != null && dest.alive) {
            dest.timer = calls.after(answers.talkFor(), () -> calls.hangup(dest, false, 16));
        }
    }

    /** An Originate's {@code Variable}s, set (VarSet) on the new channel and on a Local {@code ;2} (03, 10). */
    private void setOriginateVariables(OriginateRequest o, SimChannel... channels) {
        if (o != null) {
            o.variables().forEach((name, value) ->
                    java.util.Arrays.stream(channels).forEach(c -> calls.setVariable(c, name, value)));
        }
    }

    private void announceCallerId(SimChannel caller, OriginateRequest o, SimChannel first, SimChannel second) {
        String num = caller != null ? caller.callerNum : o == null ? null : o.callerNum();
        String name = caller != null ? caller.callerName : o == null ? null : o.callerName();
        if (num == null) {
            return;
        }
        for (SimChannel c : second == null ? new SimChannel[] {first} : new SimChannel[] {first, second}) {
            c.callerNum = num;
            c.callerName = name == null ? "" : name;
            c.connectedNum = num;
            c.connectedName = c.callerName;
            calls.emit("NewCallerid", c, "CID-CallingPres", "0 (Presentation Allowed, Not Screened)");
            if (!(queueDial && c == first)) {
                calls.emit("NewConnectedLine", c);
            }
        }
    }

    Events.Builder dialEvent(String name, DialAttempt attempt) {
        Events.Builder b = calls.events.event(name, "call,all");
        if (attempt.caller() != null) {
            b.channel("", attempt.caller());
        }
        return b.channel("Dest", attempt.dest());
    }

    private void dialBegin(DialAttempt attempt) {
        calls.emit(dialEvent("DialBegin", attempt).add("DialString", attempt.dialString()).build());
    }

    /** The dialled channel rings: Newstate Ringing and DialState RINGING. */
    void ringing(DialAttempt attempt) {
        if (attempt.dest().state != SimChannel.RINGING) {
            calls.newState(attempt.dest(), SimChannel.RINGING);
        }
        calls.emit(dialEvent("DialState", attempt).add("DialStatus", "RINGING").build());
    }

    /** The dialled channel answered: OriginateResponse and the dialplan, or a bridge with the caller. */
    void answered(DialAttempt attempt) {
        SimChannel dest = attempt.dest();
        dest.cancelTimer();
        dest.dialledBy = null;
        if (dest.state != SimChannel.UP) {
            calls.newState(dest, SimChannel.UP);
        }
        OriginateRequest o = attempt.originate();
        if (o != null) {
            if (o.async()) {
                calls.emit(Originates.response(calls.events, o, dest, true, 4));
            }
            calls.emit(dialEvent("DialEnd", attempt).add("DialStatus", "ANSWER").build());
            if (o.application() != null) {
                calls.runApplication(dest, Originates.applicationStep(o));
            } else {
                dest.context = o.context();
                dest.exten = o.exten();
                dest.priority = o.priority();
                calls.run(dest);
            }
            return;
        }
        if (attempt.byQueue()) {
            dest.dialledCallee = true;
            calls.queues().connect(attempt, dialEvent("DialEnd", attempt));
            return;
        }
        SimChannel caller = attempt.caller();
        dest.dialledCallee = true;
        caller.dialling = null;
        calls.setVariable(caller, "DIALSTATUS", "ANSWER");
        calls.emit(dialEvent("DialEnd", attempt).add("DialStatus", "ANSWER").build());
        if (dest.localOne) {
            dest.exten = "";
        }
        calls.bridges().bridge(dest, caller, false);
    }

    /** The dialled channel is busy or gave up: DialEnd, hang it up, report the outcome. */
    void failed(DialAttempt attempt, String status) {
        SimChannel dest = attempt.dest();
        dest.cancelTimer();
        dest.dialledBy = null;
        calls.emit(dialEvent("DialEnd", attempt).add("DialStatus", status).build());
        calls.hangup(dest, false, dest.isLocal() ? 0 : "BUSY".equals(status) ? 17 : 0);
        outcome(attempt, status, "BUSY".equals(status) ? 5 : 3);
    }

    private void timedOut(DialAttempt attempt) {
        if (attempt.dest().dialledBy != attempt) {
            return;
        }
        if (attempt.originate() == null) {
            failed(attempt, "NOANSWER");
            return;
        }
        attempt.dest().dialledBy = null;
        calls.hangup(attempt.dest(), false, 19);
        outcome(attempt, "NOANSWER", 3);
    }

    /** The caller hung up while dialling: DialEnd CANCEL and the dialled channel goes too. */
    void cancel(DialAttempt attempt) {
        SimChannel dest = attempt.dest();
        if (!dest.alive) {
            return;
        }
        dest.dialledBy = null;
        calls.emit(dialEvent("DialEnd", attempt).add("DialStatus", "CANCEL").build());
        calls.hangup(dest, false, 0);
    }

    private void outcome(DialAttempt attempt, String status, int reason) {
        if (attempt.originate() != null) {
            if (attempt.originate().async()) {
                calls.emit(Originates.response(calls.events, attempt.originate(), attempt.dest(), false, reason));
            }
        } else if (attempt.byQueue()) {
            calls.queues().ringFailed(attempt);
        } else if (attempt.caller().alive) {
            attempt.caller().failedDials.add("NOANSWER".equals(status) ? "NO ANSWER" : status);
            calls.setVariable(attempt.caller(), "DIALSTATUS", status);
            calls.continueAfterDial(attempt.caller());
        }
    }
}
