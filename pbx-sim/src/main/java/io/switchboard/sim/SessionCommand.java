package io.switchboard.sim;

import io.switchboard.sim.ami.AmiMessage;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * One command a client session sent the simulated PBX, as the engine took it: which connection sent it, when on
 * the wall clock of this process, and what. Cluster tests tell from it which Switchboard node drove the PBX and
 * when, since each node has its own connection; a fenced node's session must fall silent once another node's has
 * begun.
 *
 * @param session the connection, numbered from 1 in the order the PBX accepted them (AMI: the manager session;
 *     ESL: the inbound event socket); a reconnecting client gets a new number
 * @param at when the engine took the command (the wall clock, not the simulator's virtual time)
 * @param command an AMI action as its headers ({@code Action: Redirect}, {@code Channel}...); an ESL command as
 *     {@code Action: <verb>} ({@code api}, {@code bgapi}, {@code sendmsg}, {@code event}...) and {@code Command:} the
 *     rest of its command line ({@code uuid_transfer <uuid> ...}); an ESL {@code auth} carries no password
 */
public record SessionCommand(int session, Instant at, AmiMessage command) {

    /** AMI actions that only log in or out, keep the connection alive or read state: they change no call. */
    private static final Set<String> AMI_READS = Set.of("login", "challenge", "logoff", "ping", "events",
            "coresettings", "corestatus", "coreshowchannels", "status", "queuestatus", "queuesummary", "bridgelist",
            "bridgeinfo", "confbridgelist", "confbridgelistrooms", "getvar", "listcommands", "devicestatelist",
            "extensionstate", "waitevent");

    /** ESL verbs that only log in or out or choose events: they change no call. */
    private static final Set<String> ESL_SESSION = Set.of("auth", "event", "filter", "noevents", "nixevent", "log",
            "nolog", "exit", "myevents", "divert_events", "linger", "nolinger");

    /** FreeSWITCH API commands (after {@code api}/{@code bgapi}) that only read state. */
    private static final Set<String> ESL_READS = Set.of("show", "status", "uptime", "version", "uuid_exists",
            "uuid_getvar", "uuid_dump", "global_getvar", "sofia", "eval", "hostname", "list_users", "module_exists");

    /** The AMI action or the ESL verb as sent, e.g. {@code Redirect}, {@code api}. */
    public String name() {
        return command.first("Action").orElse("");
    }

    /**
     * Whether the command drives the PBX, i.e. may change a call: anything but logging in or out, a keep-alive, an
     * event subscription or a read-only query. An unknown command counts as driving, so a check built on this errs
     * towards seeing two drivers.
     */
    public boolean drives() {
        String action = name().toLowerCase(Locale.ROOT);
        if (action.equals("api") || action.equals("bgapi")) {
            String line = command.first("Command").orElse("").trim();
            int space = line.indexOf(' ');
            return !ESL_READS.contains((space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT));
        }
        return !AMI_READS.contains(action) && !ESL_SESSION.contains(action);
    }
}
