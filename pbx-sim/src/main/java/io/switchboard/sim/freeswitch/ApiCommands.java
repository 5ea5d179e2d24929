package io.switchboard.sim.freeswitch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * FreeSWITCH API commands ({@code api} and {@code bgapi}), each answering with the body the
 * captures show (Quirk 3: some bodies end with LF, {@code uuid_exists}/{@code uuid_getvar} do not;
 * errors only in the body).
 */
final class ApiCommands {

    private final FsEngine engine;
    private final Originate originate;
    private final ChannelLists lists;
    private final AttendedTransfer attendedTransfer;

    ApiCommands(FsEngine engine) {
        this.engine = engine;
        this.originate = new Originate(engine);
        this.lists = new ChannelLists(engine);
        this.attendedTransfer = new AttendedTransfer(engine, originate);
    }

    /** Runs {@code line}; {@code result} gets the body, at once or (originate) after answer or failure. */
    void run(String line, Consumer<String> result) {
        String trimmed = line.trim();
        int space = trimmed.indexOf(' ');
        String command = space < 0 ? trimmed : trimmed.substring(0, space);
        String args = space < 0 ? "" : trimmed.substring(space + 1).trim();
        String[] a = args.isEmpty() ? new String[0] : args.split(" +");
        switch (command) {
            case "originate" -> originate.run(args, result);
            case "status" -> result.accept(status());
            case "uuid_exists" -> result.accept(Boolean.toString(a.length > 0 && channel(a[0]).isPresent()));
            case "uuid_kill" -> onChannel(a, result, ch -> {
                result.accept("+OK\n");
                engine.channels.hangup(ch, a.length > 1 ? a[1] : "NORMAL_CLEARING");
            });
            case "uuid_getvar" -> result.accept(a.length < 2 ? "-ERR Usage\n"
                    : channel(a[0]).map(ch -> ch.variables.getOrDefault(a[1], "_undef_")).orElse("-ERR No such channel!\n"));
            case "uuid_setvar" -> onChannel(a, result, ch -> {
                if (a.length < 2) {
                    result.accept("-ERR Usage\n");
                } else if (a.length == 2) {
                    ch.variables.remove(a[1]);
                    result.accept("+OK\n");
                } else {
                    ch.set(a[1], args.substring(args.indexOf(a[1]) + a[1].length()).trim());
                    result.accept("+OK\n");
                }
            });
            case "uuid_setvar_multi" -> onChannel(a, result, ch -> setvarMulti(ch, a, result));
            case "uuid_hold" -> hold(a, result);
            case "uuid_bridge" -> bridge(a, result);
            case "uuid_transfer" -> onChannel(a, result, ch -> transfer(ch, a, result));
            case "uuid_record" -> onChannel(a, result, ch -> record(ch, a, result));
            case "uuid_broadcast" -> broadcast(a, result);
            case "show" -> result.accept(lists.show(args));
            case "callcenter_config" -> result.accept(engine.callcenter.config(args));
            case "fsctl" -> {
                result.accept("+OK\n");
                if (args.startsWith("shutdown")) {
                    engine.after(Duration.ofMillis(20), engine::shutdown);
                }
            }
            default -> result.accept("-ERR " + command + " Command not found!\n");
        }
    }

    private Optional<FsChannel> channel(String uuid) {
        return engine.channels.find(uuid).filter(ch -> !ch.gone);
    }

    /** Runs {@code action}, which replies, on the channel named by {@code a[0]}; else replies the error. */
    private void onChannel(String[] a, Consumer<String> result, Consumer<FsChannel> action) {
        Optional<FsChannel> ch = a.length > 0 ? channel(a[0]) : Optional.empty();
        if (ch.isEmpty()) {
            result.accept("-ERR No such channel!\n");
        } else {
            action.accept(ch.get());
        }
    }

    /** The reply {@code +OK <B>} leaves before the bridge's events (Quirk 14). */
    private void bridge(String[] a, Consumer<String> result) {
        Optional<FsChannel> first = a.length > 1 ? channel(a[0]) : Optional.empty();
        Optional<FsChannel> second = a.length > 1 ? channel(a[1]) : Optional.empty();
        if (first.isEmpty() || second.isEmpty()) {
            result.accept("-ERR Invalid uuid\n");
            return;
        }
        result.accept("+OK " + second.get().uuid + "\n");
        engine.bridging().bridge(first.get(), second.get());
    }

    /** {@code uuid_transfer <uuid> <dest> [XML <context>]} or {@code <app:arg,...> inline} (Quirk 18). */
    private void transfer(FsChannel ch, String[] a, Consumer<String> result) {
        if (a.length < 2) {
            result.accept("-ERR Usage\n");
            return;
        }
        result.accept("+OK\n");
        boolean inline = a.length > 2 && a[2].equals("inline");
        String context = a.length > 3 ? a[3] : "default";
        ch.transferMicros = engine.core.micros();
        ch.profileIndex++;
        ch.rdnis = ch.destination;
        ch.destination = a[1];
        ch.transferSource = ch.transferMicros / 1_000_000 + ":" + UUID.randomUUID() + ":bl_xfer:" + a[1]
                + "/" + context + "/" + (inline ? "inline" : "XML");
        engine.channels.cancelRinging(ch);
        ch.afterBridge = null;
        engine.bridging().transferredOut(ch);
        engine.channels.unpark(ch);
        engine.channels.completeApp(ch, "");
        if (inline) {
            ch.rdnis = "";
            engine.dialplan.inline(ch, a[1]);
        } else if (!engine.dialplan.route(ch, context, a[1])) {
            engine.channels.hangup(ch, "NO_ROUTE_DESTINATION");
        }
    }

    /** {@code uuid_setvar_multi <uuid> a=1;b=2}: each pair set in order; an empty value unsets. */
    private static void setvarMulti(FsChannel ch, String[] a, Consumer<String> result) {
        if (a.length < 2) {
            result.accept("-ERR Usage\n");
            return;
        }
        String pairs = String.join(" ", java.util.Arrays.copyOfRange(a, 1, a.length));
        for (String pair : pairs.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            if (eq == pair.length() - 1) {
                ch.variables.remove(pair.substring(0, eq));
            } else {
                ch.set(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        result.accept("+OK\n");
    }

    /** {@code uuid_hold [off] <uuid>}: CHANNEL_HOLD / CHANNEL_UNHOLD of the channel. */
    private void hold(String[] a, Consumer<String> result) {
        boolean off = a.length > 1 && a[0].equals("off");
        String[] rest = off ? java.util.Arrays.copyOfRange(a, 1, a.length) : a;
        onChannel(rest, result, ch -> {
            result.accept("+OK Success\n");
            engine.fire(engine.events.event(off ? "CHANNEL_UNHOLD" : "CHANNEL_HOLD", ch));
        });
    }

    /**
     * {@code uuid_record <uuid> start|stop <file>}: RECORD_START / RECORD_STOP on the channel (Quirk 19);
     * {@code mask|unmask <file>} answer {@code +OK Success} and fire nothing.
     */
    private void record(FsChannel ch, String[] a, Consumer<String> result) {
        boolean start = a.length > 2 && a[1].equals("start");
        if (a.length > 2 && (a[1].equals("mask") || a[1].equals("unmask"))) {
            result.accept("+OK Success\n");
            return;
        }
        if (a.length < 3 || !(start || a[1].equals("stop"))) {
            result.accept("-ERR Usage\n");
            return;
        }
        result.accept("+OK Success\n");
        engine.fire(engine.events.event(start ? "RECORD_START" : "RECORD_STOP", ch, List.of(), start
                ? ChannelEvents.headers("Record-File-Path", a[2])
                : ChannelEvents.headers("Record-File-Path", a[2], "Record-Completion-Cause", "success-maxtime")));
    }

    /**
     * {@code uuid_broadcast <uuid> <path> [aleg|bleg|holdb|both]}: always {@code +OK Message Sent}, even for a
     * channel that does not exist (mod_commands ignores the result). Only {@code att_xfer::<dial string>} on the
     * channel itself (no leg word: aleg and holdb) is carried out ({@link AttendedTransfer}); other paths do nothing.
     */
    private void broadcast(String[] a, Consumer<String> result) {
        if (a.length < 2) {
            result.accept("-USAGE: <uuid> <path> [aleg|bleg|holdb|both]\n");
            return;
        }
        result.accept("+OK Message Sent\n");
        String legs = a.length > 2 ? a[2] : "aleg holdb";
        boolean onChannel = legs.contains("aleg") || legs.contains("both");
        if (onChannel && a[1].startsWith("att_xfer::")) {
            channel(a[0]).ifPresent(ch -> attendedTransfer.run(ch, a[1].substring("att_xfer::".length()),
                    legs.contains("holdb")));
        }
    }

    private String status() {
        Duration up = engine.scheduler.elapsed();
        return String.format("UP 0 years, %d days, %d hours, %d minutes, %d seconds, %d milliseconds, %d microseconds%n"
                + "FreeSWITCH (Version 1.10.12-release  64bit) is ready%n"
                + "%d session(s) since startup%n"
                + "%d session(s) - peak %d, last 5min %d %n"
                + "0 session(s) per Sec out of max 30, peak 2, last 5min 2 %n"
                + "1000 session(s) max%n"
                + "min idle cpu 0.00/97.67%n"
                + "Current Stack Size/Max 240K/8192K%n",
                up.toDaysPart(), up.toHoursPart(), up.toMinutesPart(), up.toSecondsPart(), up.toMillisPart(),
                up.toNanosPart() / 1000 % 1000, engine.sessionsSinceStartup, engine.channels.all().size(),
                engine.channels.all().size(), engine.channels.all().size());
    }
}
