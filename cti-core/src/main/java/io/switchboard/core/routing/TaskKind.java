package io.switchboard.core.routing;

import io.switchboard.core.agent.Channel;

/** What a task is, which decides which of an agent's capacities it uses. */
public enum TaskKind {

    /** A customer called in and waits on hold for an agent. */
    INBOUND_CALL(Channel.VOICE),

    /** The dialer reached (or is about to dial) a lead of a campaign. */
    DIALER_LEAD(Channel.VOICE),

    /** A customer asked to be called back; an agent places the call. */
    CALLBACK(Channel.CALLBACK);

    private final Channel channel;

    TaskKind(Channel channel) {
        this.channel = channel;
    }

    /** The agent capacity this kind of task uses. */
    public Channel channel() {
        return channel;
    }
}
