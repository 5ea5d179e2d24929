package io.switchboard.ami.control;

/**
 * The contexts and channel variables of {@code dialplan/asterisk/extensions_switchboard.conf} that
 * {@link AmiCallControl} relies on. Every entry point is extension {@code s} (or a data-driven one,
 * as for join and transfer), because a Redirect to a missing extension still answers Success (Quirk 20).
 */
final class GlueContexts {

    static final String HOLD = "switchboard-hold";
    static final String CONNECT = "switchboard-connect";
    static final String JOIN = "switchboard-join";
    static final String AGENT_SESSION = "switchboard-agent-session";
    static final String OUTBOUND = "switchboard-outbound";
    static final String TRANSFER = "switchboard-transfer";
    static final String SPY = "switchboard-spy";
    static final String ANNOUNCE = "switchboard-announce";
    /** A waiting caller who asked for a queued callback hears the confirmation and is hung up. */
    static final String CALLBACK = "switchboard-callback";
    static final String START = "s";

    static final String DEVICE = "SWITCHBOARD_DEVICE";
    static final String AGENT = "SWITCHBOARD_AGENT";
    static final String RING_TIMEOUT = "SWITCHBOARD_RING_TIMEOUT";
    static final String CALL = "SWITCHBOARD_CALL";
    static final String LEG = "SWITCHBOARD_LEG";
    static final String HOLD_REASON = "SWITCHBOARD_HOLD_REASON";
    static final String TRANSFER_CONTEXT = "SWITCHBOARD_TRANSFER_CONTEXT";
    static final String SPY_TARGET = "SWITCHBOARD_SPY_TARGET";

    /** A caller a queue rule sends out: {@code switchboard-exit,<extension>,1} goes on to the admin's context. */
    static final String EXIT = "switchboard-exit";
    static final String EXIT_CONTEXT = "SWITCHBOARD_EXIT_CONTEXT";
    /** app_queue's own variable, so the admin's dialplan reads the reason as after {@code Queue()}. */
    static final String QUEUE_STATUS = "QUEUESTATUS";

    private GlueContexts() {
    }
}
