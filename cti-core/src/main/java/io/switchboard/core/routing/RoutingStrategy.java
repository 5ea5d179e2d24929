package io.switchboard.core.routing;

/**
 * How a queue picks among its qualified, available agents. The set covers every
 * strategy of Asterisk's app_queue and FreeSWITCH's mod_callcenter, so an
 * existing queue configuration keeps its behaviour. Within a strategy, agents
 * with a lower membership penalty always come first.
 */
public enum RoutingStrategy {

    /** Offer to every qualified available agent at once; the first to answer gets it (app_queue {@code ringall}, mod_callcenter {@code ring-all}). */
    RING_ALL,

    /** The agent idle the longest since their last task of any queue (mod_callcenter {@code longest-idle-agent}). */
    LONGEST_IDLE,

    /** The agent who least recently finished a task from this queue (app_queue {@code leastrecent}). */
    LEAST_RECENT,

    /** The agent who has taken the fewest tasks from this queue today (app_queue {@code fewestcalls}, mod_callcenter {@code agent-with-fewest-calls}). */
    FEWEST_CALLS,

    /** The agent with the least talk time today (mod_callcenter {@code agent-with-least-talk-time}). */
    LEAST_TALK_TIME,

    /** Round robin that remembers who was offered last (app_queue {@code rrmemory}, mod_callcenter {@code round-robin}). */
    ROUND_ROBIN_MEMORY,

    /** Always in the configured member order, starting from the first (app_queue {@code linear}, mod_callcenter {@code top-down} / {@code sequentially-by-agent-order}). */
    LINEAR,

    /** A uniformly random agent (app_queue {@code random}, mod_callcenter {@code random}). */
    RANDOM,

    /** A random agent, weighted so that a lower penalty is more likely (app_queue {@code wrandom}). */
    WEIGHTED_RANDOM,

    /** In member order, ringing one more agent every interval while the earlier ones keep ringing (mod_callcenter {@code ring-progressively}). */
    RING_PROGRESSIVELY
}
