package io.switchboard.sim.freeswitch;

import io.switchboard.sim.asterisk.Phone;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code originate {vars}<endpoint> <app>}: the result ({@code +OK <uuid>\n} or
 * {@code -ERR <CAUSE>\n}) is handed back only after answer or failure (Quirk 10). Endpoints:
 * {@code error/<cause>} fails without channel events (Quirk 11); {@code null/<x>} answers after
 * {@code null_auto_answer_delay} ms; {@code sofia/...} behaves as its {@link Phone} (Quirk 17:
 * CREATE, PROGRESS, ANSWER; busy 486, unreachable 503, no answer at {@code originate_timeout}).
 */
final class Originate {

    private static final Duration PROVISIONAL = Duration.ofMillis(20);

    private final FsEngine engine;

    Originate(FsEngine engine) {
        this.engine = engine;
    }

    void run(String args, Consumer<String> result) {
        Map<String, String> vars = new LinkedHashMap<>();
        String rest = args.trim();
        if (rest.startsWith("{")) {
            int close = rest.indexOf('}');
            for (String pair : rest.substring(1, Math.max(1, close)).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    vars.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            rest = rest.substring(close + 1);
        }
        int space = rest.indexOf(' ');
        String dial = space < 0 ? rest : rest.substring(0, space);
        String app = space < 0 ? "" : rest.substring(space + 1).trim();
        if (dial.startsWith("error/")) {
            result.accept("-ERR " + dial.substring("error/".length()).toUpperCase() + "\n");
        } else if (dial.startsWith("null/")) {
            FsChannel ch = channel(dial, "mod_loopback", vars);
            ch.hasCodec = true;
            engine.channels.announce(ch);
            long delay = Long.parseLong(vars.getOrDefault("null_auto_answer_delay", "0"));
            engine.after(Duration.ofMillis(delay), () -> answered(ch, app, result));
        } else if (dial.startsWith("sofia/") || dial.startsWith("user/")) {
            // user/<user>@<domain> (the glue's feature-code device) behaves as its Phone, like sofia/
            sofia(dial, vars, app, result);
        } else {
            result.accept("-ERR CHAN_NOT_IMPLEMENTED\n");
        }
    }

    private void sofia(String dial, Map<String, String> vars, String app, Consumer<String> result) {
        FsChannel ch = channel(dial, "mod_sofia", vars);
        ch.set("sip_destination_url", "sip:" + dial.substring(dial.lastIndexOf('/') + 1));
        engine.channels.announce(ch);
        Phone phone = engine.phone(dial);
        Duration timeout = Duration.ofSeconds(Long.parseLong(vars.getOrDefault("originate_timeout", "60")));
        if (phone instanceof Phone.Busy) {
            engine.after(PROVISIONAL, () -> {
                ch.networkAddr = "127.0.0.1";
                fail(ch, "USER_BUSY", "486", result);
            });
        } else if (phone instanceof Phone.Unreachable) {
            engine.after(PROVISIONAL, () -> fail(ch, "NORMAL_TEMPORARY_FAILURE", "503", result));
        } else {
            engine.after(PROVISIONAL, () -> {
                if (!ch.gone) {
                    ch.networkAddr = "127.0.0.1";
                    engine.channels.progress(ch);
                }
            });
            Phone.Answers answers = phone instanceof Phone.Answers a && a.ringFor().compareTo(timeout) < 0 ? a : null;
            if (answers == null) {
                engine.after(timeout, () -> fail(ch, "NO_ANSWER", null, result));
                return;
            }
            engine.after(answers.ringFor().plus(PROVISIONAL), () -> {
                if (ch.gone) {
                    return;
                }
                answered(ch, app, result);
                if (answers.talkFor() != null) {
                    engine.after(answers.talkFor(), () -> engine.channels.remoteHangup(ch));
                }
            });
        }
    }

    /**
     * A leg mod_callcenter calls ({@code {vars}null/...}) with the member's caller id: {@code answered}
     * runs once it answers.
     */
    void leg(String contact, FsChannel caller, Consumer<FsChannel> answered) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("origination_caller_id_name", caller.callerIdName);
        vars.put("origination_caller_id_number", caller.callerIdNumber);
        String dial = contact.trim();
        if (dial.startsWith("{")) {
            int close = dial.indexOf('}');
            for (String pair : dial.substring(1, close).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    vars.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            dial = dial.substring(close + 1);
        }
        FsChannel ch = channel(dial, "mod_loopback", vars);
        ch.hasCodec = true;
        engine.channels.announce(ch);
        long delay = Long.parseLong(vars.getOrDefault("null_auto_answer_delay", "0"));
        engine.after(Duration.ofMillis(delay), () -> {
            if (!ch.gone) {
                engine.channels.answer(ch);
                ch.flipCallerId();
                answered.accept(ch);
            }
        });
    }

    /**
     * The leg {@code att_xfer} dials from {@code caller} (a {@code loopback/<number>/<context>} or a device):
     * CREATE, PROGRESS and ANSWER as its {@link Phone} rings and answers; {@code answered} gets the leg,
     * {@code failed} the cause of a leg that did not answer (busy, unreachable, no answer in 60 s, cancelled).
     */
    FsChannel consultation(String dial, FsChannel caller, Consumer<FsChannel> answered, Consumer<String> failed) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("origination_caller_id_name", caller.callerIdName);
        vars.put("origination_caller_id_number", caller.callerIdNumber);
        FsChannel ch = channel(dial, dial.startsWith("loopback/") ? "mod_loopback" : "mod_sofia", vars);
        ch.onHangup = failed;
        engine.channels.announce(ch);
        Phone phone = engine.phone(dial);
        if (phone instanceof Phone.Busy) {
            engine.after(PROVISIONAL, () -> engine.channels.hangup(ch, "USER_BUSY"));
        } else if (phone instanceof Phone.Unreachable) {
            engine.after(PROVISIONAL, () -> engine.channels.hangup(ch, "NORMAL_TEMPORARY_FAILURE"));
        } else {
            engine.after(PROVISIONAL, () -> {
                if (!ch.gone) {
                    engine.channels.progress(ch);
                }
            });
            Duration timeout = Duration.ofSeconds(60);
            Phone.Answers answers = phone instanceof Phone.Answers a && a.ringFor().compareTo(timeout) < 0 ? a : null;
            if (answers == null) {
                engine.after(timeout, () -> engine.channels.hangup(ch, "NO_ANSWER"));
                return ch;
            }
            engine.after(answers.ringFor().plus(PROVISIONAL), () -> {
                if (ch.gone) {
                    return;
                }
                ch.onHangup = null;
                engine.channels.answer(ch);
                ch.flipCallerId();
                answered.accept(ch);
                if (answers.talkFor() != null) {
                    engine.after(answers.talkFor(), () -> engine.channels.remoteHangup(ch));
                }
            });
        }
        return ch;
    }

    private void fail(FsChannel ch, String cause, String sipStatus, Consumer<String> result) {
        if (ch.gone) {
            return;
        }
        if (sipStatus != null) {
            ch.set("sip_term_status", sipStatus);
        }
        engine.channels.hangup(ch, cause);
        result.accept("-ERR " + cause + "\n");
    }

    FsChannel channel(String dial, String source, Map<String, String> vars) {
        String uuid = vars.getOrDefault("origination_uuid", UUID.randomUUID().toString());
        FsChannel ch = engine.channels.create(uuid, dial, source, false);
        String target = dial.substring(dial.lastIndexOf('/') + 1);
        String user = target.contains("@") ? target.substring(0, target.indexOf('@')) : target;
        String number = vars.getOrDefault("origination_caller_id_number", "0000000000");
        ch.callerIdName = vars.getOrDefault("origination_caller_id_name", "");
        ch.callerIdNumber = number;
        ch.origCallerIdName = ch.callerIdName;
        ch.origCallerIdNumber = number;
        ch.calleeIdName = "Outbound Call";
        ch.calleeIdNumber = user;
        ch.ani = number;
        ch.destination = user;
        if (dial.startsWith("user/") && target.contains("@")) {
            // the directory's default dial-string: {presence_id=${dialed_user}@${dialed_domain}}
            ch.presenceId = target;
            ch.set("presence_id", target);
            ch.set("dialed_user", user);
            ch.set("dialed_domain", target.substring(target.indexOf('@') + 1));
        }
        vars.forEach(ch::set);
        ch.set("originate_early_media", "true");
        ch.set("originate_endpoint", source.equals("mod_sofia") ? "sofia" : "null");
        return ch;
    }

    private void answered(FsChannel ch, String app, Consumer<String> result) {
        if (ch.gone) {
            return;
        }
        engine.channels.answer(ch);
        ch.flipCallerId();
        result.accept("+OK " + ch.uuid + "\n");
        engine.channels.afterOriginate(ch);
        runApp(ch, app);
    }

    private void runApp(FsChannel ch, String app) {
        if (app.startsWith("&")) {
            String call = app.substring(1);
            int paren = call.indexOf('(');
            String name = paren < 0 ? call : call.substring(0, paren);
            String data = paren < 0 ? "" : call.substring(paren + 1, call.lastIndexOf(')'));
            if (name.equals("park")) {
                engine.channels.park(ch);
            } else {
                engine.channels.startApp(ch, name, data);
            }
            return;
        }
        String[] words = app.split(" +");
        String context = words.length > 2 ? words[2] : "default";
        if (!engine.dialplan.route(ch, context, words[0])) {
            engine.channels.hangup(ch, "NO_ROUTE_DESTINATION");
        }
    }
}
