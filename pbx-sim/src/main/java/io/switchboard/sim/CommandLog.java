package io.switchboard.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every command the PBX's client sessions send from the moment it is attached, with the session and the wall-clock
 * time ({@link SessionCommand}): what a cluster test reads to see which node drove the PBX, from when, and that
 * two never did at once. Safe to read from any thread while the engine adds.
 *
 * <pre>{@code
 * CommandLog log = CommandLog.attachTo(pbx);
 * ... traffic, a node killed ...
 * Optional<SessionCommand> first = log.first(c -> c.session() != oldSession && c.drives());
 * }</pre>
 */
public final class CommandLog {

    private final List<SessionCommand> commands = new ArrayList<>();

    private CommandLog() {
    }

    /** A log of {@code pbx}'s sessions' commands from now on. */
    public static CommandLog attachTo(SimulatedPbx pbx) {
        CommandLog log = new CommandLog();
        pbx.drive(world -> world.listenSessionCommands(log::add));
        return log;
    }

    private synchronized void add(SessionCommand command) {
        commands.add(command);
    }

    /** Everything logged so far, in the order the engine took it. */
    public synchronized List<SessionCommand> all() {
        return List.copyOf(commands);
    }

    /** The first command logged that matches, if any. */
    public synchronized Optional<SessionCommand> first(Predicate<SessionCommand> wanted) {
        return commands.stream().filter(wanted).findFirst();
    }

    /** The commands that match and were taken after {@code instant}. */
    public synchronized List<SessionCommand> after(Instant instant, Predicate<SessionCommand> wanted) {
        return commands.stream().filter(c -> c.at().isAfter(instant)).filter(wanted).toList();
    }

    /**
     * The sessions that drove the PBX, in the order they took over: a session appears again after another one
     * only if both drove the PBX in turns, e.g. {@code [1, 3, 1]} when session 1 sent a driving command after
     * session 3 had begun. One driver at a time with clean handovers reads {@code [1, 3]}.
     */
    public synchronized List<Integer> drivers() {
        List<Integer> drivers = new ArrayList<>();
        for (SessionCommand command : commands) {
            if (command.drives() && (drivers.isEmpty() || drivers.get(drivers.size() - 1) != command.session())) {
                drivers.add(command.session());
            }
        }
        return drivers;
    }
}
