package io.switchboard.sim.freeswitch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs dialplan actions on a channel, one after the other, each as CHANNEL_EXECUTE /
 * CHANNEL_EXECUTE_COMPLETE: inbound calls, {@code uuid_transfer} to an XML extension, and inline
 * dialplans (split on commas, Quirk 18: a fragment that is no application hangs up with
 * DESTINATION_OUT_OF_ORDER).
 */
final class Dialplan {

    /** How long {@code playback} of a tone or silence takes in the model. */
    static final Duration PLAYBACK = Duration.ofMillis(300);

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final Pattern UUID_EXISTS = Pattern.compile("\\$\\{uuid_exists\\(([^)]*)\\)}");

    private final FsEngine engine;
    private final FsDialplan routes;
    private final GlueApps glue;
    /** The channels' digit bindings and keys. */
    final DigitActions digits;

    Dialplan(FsEngine engine, FsDialplan routes) {
        this.engine = engine;
        this.routes = routes;
        this.digits = new DigitActions(engine, this);
        this.glue = new GlueApps(engine, this);
    }

    /** The actions of {@code destination} in {@code context} for {@code ch} as it is now, without running them. */
    Optional<List<DialplanAction>> extension(FsChannel ch, String context, String destination) {
        return routes.route(context, destination, text -> expand(ch, text));
    }

    /** What the {@code event} application fires with {@code data} on {@code ch}. */
    FsEvent glueEvent(FsChannel ch, String data) {
        return glue.event(ch, data);
    }

    /**
     * {@code ${name}} as the channel's variable or caller profile field (empty if unset), then
     * {@code ${uuid_exists(uuid)}}; any other {@code ${...}} (strftime) stays as written.
     */
    String expand(FsChannel ch, String text) {
        if (!text.contains("${")) {
            return text;
        }
        Matcher v = VARIABLE.matcher(text);
        String vars = v.replaceAll(m -> Matcher.quoteReplacement(variable(ch, m.group(1))));
        return UUID_EXISTS.matcher(vars).replaceAll(m -> Boolean.toString(
                engine.channels.find(m.group(1)).filter(c -> !c.gone).isPresent()));
    }

    private static String variable(FsChannel ch, String name) {
        return switch (name) {
            case "caller_id_number" -> ch.callerIdNumber;
            case "caller_id_name" -> ch.callerIdName;
            case "destination_number" -> ch.destination;
            default -> ch.variables.getOrDefault(name, "");
        };
    }

    /** The {@code transfer} application and {@code transfer_after_bridge}: a new caller profile, then the extension. */
    void transfer(FsChannel ch, String destination, String context) {
        engine.channels.cancelRinging(ch);
        ch.transferMicros = engine.core.micros();
        ch.profileIndex++;
        ch.rdnis = ch.destination;
        ch.transferSource = ch.transferMicros / 1_000_000 + ":" + UUID.randomUUID() + ":bl_xfer:" + destination
                + "/" + context + "/XML";
        if (!route(ch, context, destination)) {
            engine.channels.hangup(ch, "NO_ROUTE_DESTINATION");
        }
    }

    /** Routes {@code ch} to {@code destination} in {@code context}; false if no extension matches. */
    boolean route(FsChannel ch, String context, String destination) {
        Optional<List<DialplanAction>> actions = routes.route(context, destination, text -> expand(ch, text));
        if (actions.isEmpty()) {
            return false;
        }
        ch.context = context;
        ch.destination = destination;
        ch.hitDialplan = true;
        run(ch, actions.get(), 0, ++ch.dialplanRun);
        return true;
    }

    /** {@code app:arg,app:arg} of an inline transfer. */
    void inline(FsChannel ch, String spec) {
        List<DialplanAction> actions = new ArrayList<>();
        for (String part : spec.split(",")) {
            int colon = part.indexOf(':');
            actions.add(colon < 0 ? new DialplanAction(part.trim(), "")
                    : new DialplanAction(part.substring(0, colon).trim(), part.substring(colon + 1)));
        }
        run(ch, actions, 0, ++ch.dialplanRun);
    }

    private void run(FsChannel ch, List<DialplanAction> actions, int index, int generation) {
        if (ch.gone || ch.dialplanRun != generation || index >= actions.size()) {
            return;
        }
        DialplanAction written = actions.get(index);
        DialplanAction action = new DialplanAction(written.application(), expand(ch, written.data()));
        Channels channels = engine.channels;
        Runnable next = () -> run(ch, actions, index + 1, generation);
        switch (action.application()) {
            case "answer" -> {
                channels.startApp(ch, "answer", "");
                if (!ch.answered()) {
                    channels.progressMedia(ch);
                    channels.answer(ch);
                }
                channels.completeApp(ch, "");
                next.run();
            }
            case "set", "export" -> {
                channels.startApp(ch, action.application(), action.data());
                int eq = action.data().indexOf('=');
                if (eq > 0) {
                    ch.set(action.data().substring(0, eq), action.data().substring(eq + 1));
                }
                if (action.application().equals("export") && eq > 0) {
                    ch.set("export_vars", action.data().substring(0, eq));
                }
                channels.completeApp(ch, "");
                next.run();
            }
            case "playback" -> {
                ch.played.add(action.data());
                channels.startApp(ch, "playback", action.data());
                engine.after(GlueApps.playTime(action.data(), PLAYBACK), () -> {
                    if (!ch.gone && ch.dialplanRun == generation) {
                        channels.completeApp(ch, "FILE PLAYED");
                        next.run();
                    }
                });
            }
            case "park" -> channels.park(ch);
            case "callcenter" -> {
                channels.startApp(ch, "callcenter", action.data());
                engine.callcenter.join(ch);
            }
            case "hangup" -> channels.hangup(ch, action.data().isEmpty() ? "NORMAL_CLEARING" : action.data());
            default -> {
                if (!glue.run(ch, action, next, () -> !ch.gone && ch.dialplanRun == generation)) {
                    channels.hangup(ch, "DESTINATION_OUT_OF_ORDER");
                }
            }
        }
    }
}
