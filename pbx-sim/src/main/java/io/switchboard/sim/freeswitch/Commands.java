package io.switchboard.sim.freeswitch;

import io.switchboard.sim.SessionCommand;
import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.esl.EslCommand;
import io.switchboard.sim.esl.EslFrames;
import io.switchboard.sim.esl.EslHeader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ESL commands of an inbound connection, answered as FreeSWITCH 1.10 answers them (Quirks 2,
 * 8, 9, 12, 20): {@code auth}, {@code api}, {@code bgapi} (client Job-UUID), {@code event},
 * {@code filter}, {@code noevents}, {@code log}/{@code nolog}, {@code sendmsg}, {@code exit}.
 */
final class Commands {

    private final FsEngine engine;
    private final ApiCommands api;

    Commands(FsEngine engine) {
        this.engine = engine;
        this.api = new ApiCommands(engine);
    }

    void handle(EslSession session, EslCommand command) {
        if (session.isClosed()) {
            return;
        }
        if (!engine.sessionCommandListeners.isEmpty()) {
            SessionCommand logged = new SessionCommand(session.id, Instant.now(), logged(command));
            engine.sessionCommandListeners.forEach(listener -> listener.accept(logged));
        }
        if (!session.authenticated) {
            auth(session, command);
            return;
        }
        if (command instanceof EslCommand.Api c) {
            engine.commandListeners.forEach(l -> l.accept(c.command()));
            api.run(c.command(), body -> session.send(EslFrames.apiResponse(body)));
        } else if (command instanceof EslCommand.BgApi c) {
            engine.commandListeners.forEach(l -> l.accept(c.command()));
            String job = c.jobUuid().orElseGet(() -> UUID.randomUUID().toString());
            session.send(EslFrames.bgapiAccepted(job));
            api.run(c.command(), body -> engine.fire(backgroundJob(job, c.command(), body)));
        } else if (command instanceof EslCommand.Event c) {
            reply(session, session.subscription.subscribe(c.format(), c.names()));
        } else if (command instanceof EslCommand.Filter c) {
            reply(session, session.subscription.addFilter(c.header(), c.value()));
        } else if (command instanceof EslCommand.FilterDelete c) {
            reply(session, session.subscription.deleteFilter(c.header(), c.value()));
        } else if (command instanceof EslCommand.NoEvents) {
            reply(session, session.subscription.clear());
        } else if (command instanceof EslCommand.Log c) {
            String level = c.level().orElse("7");
            session.logLevel = Integer.parseInt(level.replaceAll("\\D", "0"));
            reply(session, "+OK log level " + level + " [" + session.logLevel + "]");
        } else if (command instanceof EslCommand.NoLog) {
            session.logLevel = -1;
            reply(session, "+OK no longer logging");
        } else if (command instanceof EslCommand.SendMsg c) {
            reply(session, "+OK");
            sendmsg(c);
        } else if (command instanceof EslCommand.Exit) {
            reply(session, "+OK bye");
            goodbye(session);
        } else {
            reply(session, "-ERR command not found");
        }
    }

    /** The command as {@code Action: <verb>}, {@code Command: <rest of the line>}; an auth without its password. */
    private static AmiMessage logged(EslCommand command) {
        if (command instanceof EslCommand.Auth) {
            return AmiMessage.of("Action", "auth");
        }
        String bytes = new String(command.encode(), StandardCharsets.UTF_8);
        String line = bytes.lines().findFirst().orElse("").trim();
        int space = line.indexOf(' ');
        return space < 0 ? AmiMessage.of("Action", line)
                : AmiMessage.of("Action", line.substring(0, space), "Command", line.substring(space + 1));
    }

    private void auth(EslSession session, EslCommand command) {
        if (command instanceof EslCommand.Auth a && a.password().equals(engine.config.password())) {
            session.authenticated = true;
            reply(session, "+OK accepted");
        } else if (command instanceof EslCommand.Auth) {
            reply(session, "-ERR invalid");
            goodbye(session);
        } else {
            reply(session, "-ERR invalid");
        }
    }

    private void goodbye(EslSession session) {
        session.send(EslFrames.disconnectNotice(EslFrames.GOODBYE));
        session.closeAfterFlush();
        engine.sessions.remove(session);
    }

    private static void reply(EslSession session, String text) {
        session.send(EslFrames.commandReply(text));
    }

    /** {@code call-command: execute|hangup} on a channel (Quirk 20). */
    private void sendmsg(EslCommand.SendMsg msg) {
        FsChannel ch = msg.uuid().flatMap(engine.channels::find).orElse(null);
        if (ch == null) {
            return;
        }
        String call = msg.header("call-command").orElse("");
        if (call.equalsIgnoreCase("hangup")) {
            engine.channels.hangup(ch, msg.header("hangup-cause").orElse("NORMAL_CLEARING"));
        } else if (call.equalsIgnoreCase("execute")) {
            String app = msg.header("execute-app-name").orElse("");
            String arg = msg.header("execute-app-arg").orElse("");
            boolean wasParked = ch.parked;
            String parkedApp = ch.application;
            engine.channels.startApp(ch, app, arg);
            engine.after(Dialplan.PLAYBACK, () -> {
                if (!ch.gone) {
                    engine.channels.completeApp(ch, "FILE PLAYED");
                    if (wasParked) {
                        ch.application = parkedApp;
                    }
                }
            });
        }
    }

    private FsEvent backgroundJob(String job, String command, String body) {
        String trimmed = command.trim();
        int space = trimmed.indexOf(' ');
        List<EslHeader> h = engine.core.start("BACKGROUND_JOB", CallingSite.of("BACKGROUND_JOB"));
        h.add(new EslHeader("Job-UUID", job));
        h.add(new EslHeader("Job-Command", space < 0 ? trimmed : trimmed.substring(0, space)));
        if (space >= 0) {
            h.add(new EslHeader("Job-Command-Arg", trimmed.substring(space + 1)));
        }
        return new FsEvent(h, body);
    }
}
