package io.switchboard.sim.freeswitch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs dialplan actions on a channel, one after the other, each as CHANNEL_EXECUTE /
 * CHANNEL_EXECUTE_COMPLETE: inbound calls, {@code uuid_transfer} to an XML extension, and inline
 * dialplans (split on commas, Quirk 18: a fragment that is no application hangs up with
 * DESTINATION_OUT_OF_ORDER).
 */
final class Dialplan {

    /** How long {@code playback} of a tone or silence takes in the model. */
    static final Duration PLAYBACK = Duration.ofMillis(300);

    private final FsEngine engine;
    private final FsDialplan routes;

    Dialplan(FsEngine engine, FsDialplan routes) {
        this.engine = engine;
        this.routes = routes;
    }

    /** Routes {@code ch} to {@code destination} in {@code context}; false if no extension matches. */
    boolean route(FsChannel ch, String context, String destination) {
        Optional<List<DialplanAction>> actions = routes.route(context, destination);
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
        DialplanAction action = actions.get(index);
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
                channels.startApp(ch, "playback", action.data());
                engine.after(PLAYBACK, () -> {
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
            default -> channels.hangup(ch, "DESTINATION_OUT_OF_ORDER");
        }
    }
}
