package io.switchboard.sim.freeswitch;

import io.switchboard.sim.asterisk.Phone;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The dptools {@code bridge} application of {@code switchboard_connect}: the caller originates the
 * agent's device ({@code {vars}[vars]<dial string>}, {@code originate_timeout}, a given
 * {@code origination_uuid}); the new leg's events name the caller ({@code Other-Type: originator},
 * {@code Other-Leg-Unique-ID}) from CHANNEL_CREATE on. Answered: the caller bridges to it
 * ({@code originate_disposition=SUCCESS}) and, as {@code hangup_after_bridge=false}, goes on with
 * its dialplan when the agent hangs up. Busy, unreachable or unanswered: {@code originate_disposition}
 * is the cause and the dialplan goes on at once ({@code continue_on_fail=true}); {@code error/<cause>}
 * fails so without any channel (Quirk 11).
 */
final class GlueBridge {

    private static final Duration PROVISIONAL = Duration.ofMillis(20);

    private final FsEngine engine;
    private final Originate originate;

    GlueBridge(FsEngine engine) {
        this.engine = engine;
        this.originate = new Originate(engine);
    }

    void run(FsChannel caller, String data, Runnable next, BooleanSupplier alive) {
        Channels channels = engine.channels;
        channels.startApp(caller, "bridge", data);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("origination_caller_id_name", caller.callerIdName);
        vars.put("origination_caller_id_number", caller.callerIdNumber);
        String dial = takeVariables(data.trim(), vars);
        if (dial.startsWith("error/")) {
            // Quirk 11: no channel at all, the cause is the disposition
            caller.set("originate_disposition", dial.substring("error/".length()).toUpperCase(java.util.Locale.ROOT));
            engine.after(PROVISIONAL, () -> {
                if (alive.getAsBoolean()) {
                    channels.completeApp(caller, "");
                    next.run();
                }
            });
            return;
        }
        Duration timeout = Duration.ofSeconds(Long.parseLong(vars.getOrDefault("originate_timeout", "60").trim()));
        FsChannel leg = originate.channel(dial, "mod_sofia", vars);
        leg.set("sip_destination_url", "sip:" + dial.substring(dial.lastIndexOf('/') + 1));
        leg.peer = caller;
        leg.otherType = "originator";
        leg.peerView = caller.snapshot();
        caller.ringing = leg;
        leg.onHangup = cause -> ringEnded(caller, leg, cause, next, alive);
        channels.announce(leg);
        Phone phone = engine.phone(dial);
        if (phone instanceof Phone.Busy) {
            engine.after(PROVISIONAL, () -> fail(caller, leg, "USER_BUSY", "486"));
            return;
        }
        if (phone instanceof Phone.Unreachable) {
            engine.after(PROVISIONAL, () -> fail(caller, leg, "NORMAL_TEMPORARY_FAILURE", "503"));
            return;
        }
        engine.after(PROVISIONAL, () -> {
            if (!leg.gone) {
                leg.networkAddr = "127.0.0.1";
                channels.progress(leg);
            }
        });
        Phone.Answers answers = phone instanceof Phone.Answers a && a.ringFor().compareTo(timeout) < 0 ? a : null;
        if (answers == null) {
            engine.after(timeout, () -> fail(caller, leg, "NO_ANSWER", null));
            return;
        }
        engine.after(answers.ringFor().plus(PROVISIONAL), () -> {
            if (leg.gone || caller.ringing != leg || !alive.getAsBoolean()) {
                return;
            }
            answered(caller, leg, next, alive);
            if (answers.talkFor() != null) {
                engine.after(answers.talkFor(), () -> channels.remoteHangup(leg));
            }
        });
    }

    private void answered(FsChannel caller, FsChannel leg, Runnable next, BooleanSupplier alive) {
        caller.ringing = null;
        leg.onHangup = null;
        engine.channels.answer(leg);
        leg.flipCallerId();
        engine.channels.afterOriginate(leg);
        caller.set("originate_disposition", "SUCCESS");
        caller.afterBridge = () -> {
            engine.channels.completeApp(caller, "");
            if (alive.getAsBoolean()) {
                next.run();
            }
        };
        engine.bridging().bridgeByApplication(caller, leg);
    }

    private void fail(FsChannel caller, FsChannel leg, String cause, String sipStatus) {
        if (leg.gone || caller.ringing != leg) {
            return;
        }
        if (sipStatus != null) {
            leg.set("sip_term_status", sipStatus);
        }
        engine.channels.hangup(leg, cause);
    }

    /** The ringing leg ended unanswered (failed, or killed): the caller's dialplan goes on with the cause. */
    private void ringEnded(FsChannel caller, FsChannel leg, String cause, Runnable next, BooleanSupplier alive) {
        if (caller.ringing != leg) {
            return;
        }
        caller.ringing = null;
        if (!alive.getAsBoolean()) {
            return;
        }
        caller.set("originate_disposition", cause);
        engine.channels.completeApp(caller, "");
        next.run();
    }

    /** Strips leading {@code {a=b,...}} and {@code [a=b,...]} groups into {@code vars}; the rest is the dial string. */
    private static String takeVariables(String dial, Map<String, String> vars) {
        String rest = dial;
        while (rest.startsWith("{") || rest.startsWith("[")) {
            int close = rest.indexOf(rest.charAt(0) == '{' ? '}' : ']');
            if (close < 0) {
                break;
            }
            for (String pair : rest.substring(1, close).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    vars.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            rest = rest.substring(close + 1);
        }
        return rest;
    }
}
