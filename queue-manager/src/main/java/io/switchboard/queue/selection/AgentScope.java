package io.switchboard.queue.selection;

/**
 * Which agents may take a queue's calls when several PBXs share one agent pool. An agent's PBX is the one their
 * device is on (see {@link PbxReach}); an agent or a call whose PBX is not known is treated as local, as every
 * agent was before several PBXs shared a pool.
 */
public enum AgentScope {

    /** Only agents on the caller's PBX. The default: with one PBX attached it is every agent. */
    LOCAL,

    /**
     * Agents on the caller's PBX and on every PBX the caller's PBX reaches through a configured trunk; the caller's
     * PBX rings such an agent through the trunk, so the agent's leg lives on the caller's PBX.
     */
    ANY
}
