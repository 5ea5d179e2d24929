package io.switchboard.sim.freeswitch;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * mod_dptools' digit bindings as the glue's hold uses them: {@code bind_digit_action
 * <realm>,<digits|~regex>,exec:<app>,<arg>}, {@code clear_digit_action <realm>|all} and
 * {@code digit_action_set_realm <realm>}; and a caller's key. A key is reported as FreeSWITCH reports an RFC 4733
 * digit ({@code DTMF}: DTMF-Digit, DTMF-Duration, DTMF-Source); a key bound in the channel's realm then runs the
 * binding. The model runs only {@code exec:execute_extension,<extension> XML <context>}, and of that extension
 * only its {@code set} and {@code event} actions, inline, with {@code last_matching_digits} set: the application
 * the channel was running (the hold's {@code endless_playback}) goes on, as after FreeSWITCH's non-blocking
 * {@code exec:} broadcast. Engine thread only.
 */
final class DigitActions {

    /** One {@code bind_digit_action} of a channel. */
    record Binding(String realm, String digits, String action, String argument) {

        boolean matches(String key) {
            return digits.startsWith("~") ? Pattern.compile(digits.substring(1)).matcher(key).find() : digits.equals(key);
        }
    }

    private final FsEngine engine;
    private final Dialplan dialplan;

    DigitActions(FsEngine engine, Dialplan dialplan) {
        this.engine = engine;
        this.dialplan = dialplan;
    }

    /** The three digit-binding applications; false for any other. */
    boolean run(FsChannel ch, DialplanAction action, Runnable next) {
        String data = action.data();
        switch (action.application()) {
            case "bind_digit_action" -> {
                String[] args = data.split(",", 4);
                if (args.length >= 3) {
                    ch.digitBindings.add(new Binding(args[0], args[1], args[2], args.length > 3 ? args[3] : ""));
                    if (ch.digitRealm == null) {
                        ch.digitRealm = args[0];
                    }
                }
            }
            case "clear_digit_action" -> {
                String realm = data.split(",", 2)[0];
                if (realm.isEmpty() || realm.equals("all")) {
                    ch.digitBindings.clear();
                    ch.digitRealm = null;
                } else {
                    ch.digitBindings.removeIf(b -> b.realm().equals(realm));
                    if (realm.equals(ch.digitRealm)) {
                        ch.digitRealm = null;
                    }
                }
            }
            case "digit_action_set_realm" -> ch.digitRealm = data.split(",", 2)[0];
            default -> {
                return false;
            }
        }
        engine.channels.startApp(ch, action.application(), data);
        engine.channels.completeApp(ch, "");
        next.run();
        return true;
    }

    /** The caller on {@code ch} presses {@code key}: the DTMF event, then the binding it matches in the realm. */
    void press(FsChannel ch, char key) {
        String digit = String.valueOf(key);
        engine.fire(engine.events.event("DTMF", ch, List.of(),
                ChannelEvents.headers("DTMF-Digit", digit, "DTMF-Duration", "960", "DTMF-Source", "RTP")));
        Optional<Binding> bound = ch.digitBindings.stream()
                .filter(b -> b.realm().equals(ch.digitRealm) && b.matches(digit)).findFirst();
        if (bound.isEmpty() || !bound.get().action().equals("exec:execute_extension")) {
            return;
        }
        String[] target = bound.get().argument().trim().split(" +");
        if (target.length < 3) {
            return;
        }
        ch.set("last_matching_digits", digit);
        dialplan.extension(ch, target[2], target[0]).ifPresent(actions -> actions.forEach(a -> {
            String data = dialplan.expand(ch, a.data());
            if (a.application().equals("event")) {
                engine.fire(dialplan.glueEvent(ch, data));
            } else if (a.application().equals("set") && data.indexOf('=') > 0) {
                ch.set(data.substring(0, data.indexOf('=')), data.substring(data.indexOf('=') + 1));
            }
        }));
    }
}
