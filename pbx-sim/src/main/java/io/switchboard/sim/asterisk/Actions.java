package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiAction;
import io.switchboard.sim.ami.AmiMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The AMI actions the simulator answers, with the Response formats of the transcripts. */
final class Actions {

    private final Engine engine;
    private final Map<String, String> globals = new HashMap<>(Map.of("CTI_GLOBAL", "initial"));
    private final ChannelLists lists;
    private final QueueLists queueLists;

    Actions(Engine engine) {
        this.engine = engine;
        this.lists = new ChannelLists(engine.calls);
        this.queueLists = new QueueLists(engine.calls);
    }

    void handle(AmiSession session, AmiAction action) {
        if (!engine.sessionCommandListeners.isEmpty()) {
            io.switchboard.sim.SessionCommand logged =
                    new io.switchboard.sim.SessionCommand(session.id, java.time.Instant.now(), action.message());
            engine.sessionCommandListeners.forEach(listener -> listener.accept(logged));
        }
        if (session.pendingSecurityEvent != null) {
            engine.broadcast(session.pendingSecurityEvent);
            session.pendingSecurityEvent = null;
        }
        String name = action.name().toLowerCase(java.util.Locale.ROOT);
        if (!session.loggedIn && !name.equals("login") && !name.equals("challenge")) {
            reply(session, action, "Error", "Message", "Authentication Required");
            return;
        }
        for (java.util.function.Consumer<AmiMessage> listener : engine.commandListeners) {
            listener.accept(action.message());
        }
        switch (name) {
            case "login" -> login(session, action);
            case "challenge" -> {
                session.challenge = Md5Challenge.next();
                reply(session, action, "Success", "Challenge", session.challenge);
            }
            case "coresettings" -> reply(session, action, "Success", "AMIversion", "9.0.0",
                    "AsteriskVersion", "20.20.1", "SystemName", "", "CoreMaxCalls", "0", "CoreMaxLoadAvg", "0.000000",
                    "CoreRunUser", "", "CoreRunGroup", "", "CoreMaxFilehandles", "0", "CoreRealTimeEnabled", "No",
                    "CoreCDRenabled", "No", "CoreHTTPenabled", "No");
            case "logoff" -> {
                reply(session, action, "Goodbye", "Message", "Thanks for all the fish.");
                session.close();
            }
            case "ping" -> reply(session, action, "Success", "Ping", "Pong", "Timestamp", engine.events.timestamp());
            case "originate" -> originate(session, action);
            case "redirect" -> onChannel(session, action, c -> {
                reply(session, action, "Success", "Message", "Redirect successful");
                redirect(c, action.header("Context").orElse(c.context).trim(),
                        action.header("Exten").orElse("s").trim(),
                        Integer.parseInt(action.header("Priority").orElse("1").trim()));
            });
            case "hangup" -> onChannel(session, action, c -> {
                reply(session, action, "Success", "Message", "Channel Hungup");
                if (engine.calls.chanSpy().deferHangup(c)) {
                    return;
                }
                engine.calls.hangup(c, true, c.bridge != null ? 16 : 0);
            });
            case "bridge" -> bridge(session, action);
            case "queuepause" -> queuePause(session, action);
            case "setvar" -> setvar(session, action);
            case "getvar" -> getvar(session, action);
            case "command" -> command(session, action);
            case "userevent" -> userEvent(session, action);
            case "coreshowchannels" -> lists.coreShowChannels(session, action);
            case "status" -> lists.status(session, action);
            case "bridgelist" -> lists.bridgeList(session, action);
            case "queuestatus" -> queueLists.queueStatus(session, action);
            case "queuesummary" -> queueLists.queueSummary(session, action);
            case "confbridgelist" -> engine.calls.conferences().list(session, action);
            case "confbridgelistrooms" -> engine.calls.conferences().listRooms(session, action);
            case "mixmonitor", "stopmixmonitor" -> onChannel(session, action, c -> {
                reply(session, action, "Success");
                engine.calls.emit(name.equals("mixmonitor") ? "MixMonitorStart" : "MixMonitorStop", c);
                if (name.equals("mixmonitor") && c.bridge != null) {
                    engine.calls.bridges().announcePeers(c.bridge);   // the audiohook re-evaluates the bridge (13)
                }
            });
            default -> {
                reply(session, action, "Error", "Message", "Invalid/unknown command: " + action.name()
                        + ". Use Action: ListCommands to show available commands.");
                session.pendingSecurityEvent = engine.securityEvent("RequestBadFormat", "Error", session,
                        "RequestType", "Action: " + action.name());
            }
        }
    }

    private void login(AmiSession session, AmiAction action) {
        String user = action.header("Username").orElse("").trim();
        String expected = engine.config.users().get(user);
        session.user = user;
        boolean md5 = action.header("AuthType").map(String::trim).filter("md5"::equalsIgnoreCase).isPresent();
        boolean accepted = md5
                ? Md5Challenge.accepts(session.challenge, expected, action.header("Key").orElse(null))
                : expected != null && expected.equals(action.header("Secret").orElse(null));
        if (!accepted) {
            reply(session, action, "Error", "Message", "Authentication failed");
            engine.broadcast(engine.securityEvent("InvalidPassword", "Error", session));
            session.close();
            return;
        }
        session.events = !action.header("Events").map(String::trim).filter("off"::equalsIgnoreCase).isPresent();
        reply(session, action, "Success", "Message", "Authentication accepted");
        if (session.events) {
            session.send(AmiMessage.of("Event", "FullyBooted", "Privilege", "system,all", "Uptime", "0",
                    "LastReload", "0", "Status", "Fully Booted"));
        }
        session.loggedIn = true;
        engine.broadcast(engine.securityEvent("SuccessfulAuth", "Informational", session, "UsingPassword", "0"));
    }

    private void originate(AmiSession session, AmiAction action) {
        OriginateRequest request = Originates.parse(action);
        if (request.async() || !engine.calls.dialing().willFail(request)) {
            reply(session, action, "Success", "Message", "Originate successfully queued");
        } else {
            reply(session, action, "Error", "Message", "Originate failed");
        }
        engine.calls.dialing().originate(request);
    }

    /**
     * AMI Redirect: leaves music on hold or its bridge and runs the new extension, or hangs up if it is missing.
     * Leaving a Dial bridge ends it: the other party of the Dial is hung up, as Asterisk does when the caller of
     * a bridged Dial is redirected (a blind transfer by Redirect drops the agent).
     */
    private void redirect(SimChannel c, String context, String exten, int priority) {
        c.cancelTimer();
        c.generation++;
        engine.calls.stopMusic(c);
        List<Runnable> afterwards = new ArrayList<>();
        if (c.bridge != null && c.bridge.isConference()) {
            engine.calls.conferences().leave(c, afterwards);
        } else if (c.bridge != null) {
            engine.calls.bridges().leave(c, afterwards);
        }
        afterwards.forEach(Runnable::run);
        c.context = context;
        c.exten = exten;
        c.priority = priority;
        if (engine.calls.dialplan.find(context, exten).isEmpty()) {
            engine.calls.hangup(c, true, 0);
        } else {
            engine.calls.run(c);
        }
    }

    private void queuePause(AmiSession session, AmiAction action) {
        boolean paused = action.header("Paused").map(String::trim).filter(p -> p.equalsIgnoreCase("true")
                || p.equals("1") || p.equalsIgnoreCase("yes")).isPresent();
        String queue = action.header("Queue").map(String::trim).filter(q -> !q.isEmpty()).orElse(null);
        if (engine.calls.queues().pause(action.header("Interface").orElse("").trim(), queue, paused,
                action.header("Reason").orElse("").trim())) {
            reply(session, action, "Success", "Message", "Interface " + (paused ? "paused" : "unpaused")
                    + " successfully");
        } else {
            reply(session, action, "Error", "Message", "Interface not found");
        }
    }

    private void bridge(AmiSession session, AmiAction action) {
        String name1 = action.header("Channel1").orElse("").trim();
        String name2 = action.header("Channel2").orElse("").trim();
        Optional<SimChannel> one = engine.calls.channel(name1);
        Optional<SimChannel> two = engine.calls.channel(name2);
        if (one.isEmpty() || two.isEmpty()) {
            reply(session, action, "Error", "Message", "Channel" + (one.isEmpty() ? "1" : "2")
                    + " does not exist: " + (one.isEmpty() ? name1 : name2));
            return;
        }
        reply(session, action, "Success", "Message", "Channels have been bridged");
        engine.calls.bridges().amiBridge(one.get(), two.get());
    }

    private void setvar(AmiSession session, AmiAction action) {
        String variable = action.header("Variable").orElse("");
        String value = action.header("Value").orElse("");
        Optional<String> channel = action.header("Channel").map(String::trim).filter(c -> !c.isEmpty());
        if (channel.isEmpty()) {
            globals.put(variable, value);
            reply(session, action, "Success", "Message", "Variable Set");
            engine.broadcast(engine.events.event("VarSet", "dialplan,all").add("Channel", "none")
                    .add("Uniqueid", "none").add("Variable", variable).add("Value", value).build());
            return;
        }
        onChannel(session, action, c -> {
            reply(session, action, "Success", "Message", "Variable Set");
            engine.calls.setVariable(c, variable, value);
        });
    }

    private void getvar(AmiSession session, AmiAction action) {
        String variable = action.header("Variable").orElse("");
        Optional<String> channel = action.header("Channel").map(String::trim).filter(c -> !c.isEmpty());
        if (channel.isEmpty()) {
            reply(session, action, "Success", "Variable", variable, "Value", globals.getOrDefault(variable, ""));
            return;
        }
        onChannel(session, action, c -> reply(session, action, "Success", "Variable", variable,
                "Value", ChannelFunctions.read(c, variable)));
    }

    private void command(AmiSession session, AmiAction action) {
        String command = action.header("Command").orElse("").trim();
        if (command.equals("core show version")) {
            reply(session, action, "Success", "Message", "Command output follows", "Output",
                    "Asterisk 20.20.1 built by root @ vm on a x86_64 running Linux on 2026-11-24 01:35:10 UTC");
        } else {
            String[] words = command.split("\\s+");
            String prefix = String.join(" ", java.util.Arrays.copyOf(words, Math.min(2, words.length)));
            reply(session, action, "Error", "Message", "Command output follows", "Output", "No such command '"
                    + command + "' (type 'core show help " + prefix + "' for other possible commands)");
        }
    }

    private void userEvent(AmiSession session, AmiAction action) {
        reply(session, action, "Success", "Message", "Event Sent");
        Events.Builder b = engine.events.event("UserEvent", "user,all")
                .add("UserEvent", action.header("UserEvent").orElse(""));
        action.message().headers().stream().filter(h -> !h.is("Action") && !h.is("UserEvent"))
                .forEach(h -> b.add(h.name(), h.value()));
        engine.broadcast(b.build());
    }

    private void onChannel(AmiSession session, AmiAction action, java.util.function.Consumer<SimChannel> then) {
        Optional<SimChannel> channel = engine.calls.channel(action.header("Channel").orElse("").trim());
        if (channel.isEmpty()) {
            reply(session, action, "Error", "Message", "No such channel");
            return;
        }
        then.accept(channel.get());
    }

    /** {@code Response}, {@code ActionID} (if the action had one), then the given headers. */
    static void reply(AmiSession session, AmiAction action, String response, String... headers) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("Response", response));
        action.actionId().ifPresent(id -> all.addAll(java.util.List.of("ActionID", id)));
        all.addAll(java.util.List.of(headers));
        session.send(AmiMessage.of(all.toArray(String[]::new)));
    }
}
