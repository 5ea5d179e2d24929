package io.switchboard.sim.freeswitch;

import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.esl.EslHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The dptools applications Switchboard's glue uses beyond the fixtures' ones: {@code event},
 * {@code transfer}, {@code unset}, {@code endless_playback}, {@code sleep}, {@code record_session},
 * {@code amd} (mod_amd), {@code eavesdrop} and {@code bridge} ({@link GlueBridge}).
 */
final class GlueApps {

    private static final CallingSite EVENT_SITE = new CallingSite("mod_dptools.c", "event_function", 1303);
    private static final String SILENCE = "silence_stream://";
    private static final Duration EAVESDROP_POLL = Duration.ofMillis(200);
    /** How long {@code say} of a number lasts. */
    private static final Duration SAY = Duration.ofMillis(600);
    /** How far into a prompt that reads a key the model's person presses it. */
    private static final Duration PROMPT_KEY = Duration.ofSeconds(1);

    private final FsEngine engine;
    private final Dialplan dialplan;
    private final GlueBridge bridge;

    GlueApps(FsEngine engine, Dialplan dialplan) {
        this.engine = engine;
        this.dialplan = dialplan;
        this.bridge = new GlueBridge(engine);
    }

    /** How long {@code playback} of {@code file} lasts: {@code silence_stream://<ms>} its ms, anything else {@code other}. */
    static Duration playTime(String file, Duration other) {
        if (file.startsWith(SILENCE)) {
            String ms = file.substring(SILENCE.length()).split(",")[0];
            if (ms.matches("\\d+")) {
                return Duration.ofMillis(Long.parseLong(ms));
            }
        }
        return other;
    }

    /**
     * Runs {@code action} on {@code ch}; {@code next} runs the action after it, {@code alive} says the
     * run was not interrupted meanwhile. False if the application is unknown.
     */
    boolean run(FsChannel ch, DialplanAction action, Runnable next, BooleanSupplier alive) {
        Channels channels = engine.channels;
        String data = action.data();
        switch (action.application()) {
            case "event" -> {
                channels.startApp(ch, "event", data);
                engine.fire(event(ch, data));
                channels.completeApp(ch, "");
                next.run();
            }
            case "transfer" -> {
                channels.startApp(ch, "transfer", data);
                channels.completeApp(ch, "");
                String[] words = data.trim().split(" +");
                dialplan.transfer(ch, words[0], words.length > 2 ? words[2] : "default");
            }
            case "unset" -> {
                channels.startApp(ch, "unset", data);
                ch.variables.remove(data);
                channels.completeApp(ch, "");
                next.run();
            }
            case "endless_playback" -> channels.startApp(ch, "endless_playback", data);
            case "say" -> {
                channels.startApp(ch, "say", data);
                String[] words = data.trim().split(" +");
                ch.played.add("#" + words[words.length - 1]);
                engine.after(SAY, () -> {
                    if (alive.getAsBoolean()) {
                        channels.completeApp(ch, "");
                        next.run();
                    }
                });
            }
            case "eavesdrop" -> {
                channels.startApp(ch, "eavesdrop", data);
                eavesdropUntilTargetEnds(ch, data.trim(), next, alive);
            }
            case "sleep" -> {
                channels.startApp(ch, "sleep", data);
                engine.after(Duration.ofMillis(Long.parseLong(data.trim())), () -> {
                    if (alive.getAsBoolean()) {
                        channels.completeApp(ch, "");
                        next.run();
                    }
                });
            }
            case "record_session" -> {
                channels.startApp(ch, "record_session", data);
                engine.fire(engine.events.event("RECORD_START", ch, List.of(), ChannelEvents.headers("Record-File-Path", data)));
                channels.completeApp(ch, "");
                next.run();
            }
            case "amd" -> {
                channels.startApp(ch, "amd", data);
                channels.completeApp(ch, "");
                amd(ch, alive);
                next.run();
            }
            case "bridge" -> bridge.run(ch, data, next, alive);
            case "play_and_get_digits" -> playAndGetDigits(ch, data, next, alive);
            default -> {
                return dialplan.digits.run(ch, action, next);
            }
        }
        return true;
    }

    /**
     * {@code play_and_get_digits <min> <max> <tries> <timeout ms> <terminators> <file> <invalid file> <variable>
     * <regexp>}, one key, one try: the file is played ({@link FsChannel#played}); a phone with keys
     * ({@code Phone.Answers.keys}) presses its first {@link #PROMPT_KEY} into it (a DTMF event), which stops the file
     * and sets the variable when it matches the regexp; a phone without lets the file and the timeout run out and
     * the variable is left as it was.
     */
    private void playAndGetDigits(FsChannel ch, String data, Runnable next, BooleanSupplier alive) {
        engine.channels.startApp(ch, "play_and_get_digits", data);
        String[] args = data.trim().split(" +");
        String file = args.length > 5 ? args[5] : "";
        String variable = args.length > 7 ? args[7] : "";
        String pattern = args.length > 8 ? args[8] : ".";
        long timeout = args.length > 3 && args[3].matches("\\d+") ? Long.parseLong(args[3]) : 5000;
        ch.played.add(file);
        String keys = engine.phone(ch.name) instanceof Phone.Answers answers ? answers.keys() : "";
        Duration wait = keys.isEmpty() ? playTime(file, Dialplan.PLAYBACK).plusMillis(timeout) : PROMPT_KEY;
        engine.after(wait, () -> {
            if (!alive.getAsBoolean()) {
                return;
            }
            if (!keys.isEmpty()) {
                char key = keys.charAt(0);
                dialplan.digits.press(ch, key);
                if (String.valueOf(key).matches(pattern) && !variable.isEmpty()) {
                    ch.set(variable, String.valueOf(key));
                }
            }
            engine.channels.completeApp(ch, "");
            next.run();
        });
    }

    /** {@code eavesdrop} returns when its target is gone; the glue then hangs the supervisor up. */
    private void eavesdropUntilTargetEnds(FsChannel ch, String target, Runnable next, BooleanSupplier alive) {
        engine.after(EAVESDROP_POLL, () -> {
            if (!alive.getAsBoolean()) {
                return;
            }
            if (engine.channels.find(target).filter(t -> !t.gone).isPresent()) {
                eavesdropUntilTargetEnds(ch, target, next, alive);
            } else {
                engine.channels.completeApp(ch, "");
                next.run();
            }
        });
    }

    /**
     * mod_amd's {@code amd_cause} for what Asterisk's AMD() decides about the same audio: the bare word,
     * without AMDCAUSE's numbers (SILENCEAFTERGREETING for a person, INITIALSILENCE for a silent
     * machine, TOOLONG when undecided).
     */
    static String cause(AmdOutcome outcome) {
        return switch (outcome) {
            case HUMAN -> "SILENCEAFTERGREETING";
            case MACHINE -> "INITIALSILENCE";
            case NOTSURE -> "TOOLONG";
        };
    }

    /** mod_amd's media bug: after the phone's analysis time it sets amd_result/amd_cause and runs amd_on_<result>. */
    private void amd(FsChannel ch, BooleanSupplier alive) {
        Phone phone = engine.phone(ch.name);
        AmdOutcome outcome = phone instanceof Phone.Answers a ? a.amd() : AmdOutcome.NOTSURE;
        engine.after(outcome.analysis(), () -> {
            if (!alive.getAsBoolean()) {
                return;
            }
            ch.set("amd_result", outcome.name());
            ch.set("amd_cause", cause(outcome));
            String onResult = ch.variables.getOrDefault("amd_on_" + outcome.name().toLowerCase(Locale.ROOT), "");
            if (onResult.startsWith("transfer:")) {
                engine.channels.completeApp(ch, "");
                String[] words = onResult.substring("transfer:".length()).trim().split(" +");
                dialplan.transfer(ch, words[0], words.length > 2 ? words[2] : "default");
            }
        });
    }

    /**
     * The {@code event} application: Event-Name CUSTOM, Event-Subclass, the core headers (calling
     * function {@code event_function}), the channel's headers, then the argument's own fields in order.
     */
    FsEvent event(FsChannel ch, String data) {
        String subclass = "";
        List<EslHeader> fields = new ArrayList<>();
        for (String pair : data.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (name.equals("Event-Subclass")) {
                subclass = value;
            } else if (!name.equals("Event-Name")) {
                fields.add(new EslHeader(name, value));
            }
        }
        return engine.events.glue(subclass, EVENT_SITE, ch, fields);
    }
}
