package io.switchboard.queue.dialer;

import java.util.Locale;

/**
 * How one campaign call ended, as the dialer saw it. Recycle rules are keyed by {@link #slug()}
 * ({@code campaign_recycle_rules.result}), as is {@code campaign_call_results.result}.
 */
public enum DialResult {

    /** A person answered and reached an agent; the agent's wrap-up disposition decides what happens next. */
    CONNECTED,

    /** A person answered and reached no agent (safe-harbour message, or hung up first): counts as abandoned. */
    ABANDONED,

    /** Answering-machine detection said a machine answered, and the glue hung up. */
    MACHINE,

    /** A machine answered and the glue left the campaign's message. */
    MACHINE_MESSAGE,

    /** Nobody answered within the ring timeout. */
    NO_ANSWER,

    /** The line was busy. */
    BUSY,

    /** The call could not be placed or failed in the network (congestion, invalid number, PBX refusal). */
    FAILED,

    /**
     * An agentless campaign's call a person answered: the broadcast was played to them (whole, or until they hung
     * up) and they did not opt out. Never abandoned: nobody was waiting for an agent.
     */
    BROADCAST,

    /** An agentless campaign's callee pressed the opt-out digit: the number goes on the campaign's DNC list. */
    OPTED_OUT;

    /** The lower-case, dash-separated name, e.g. {@code no-answer}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
