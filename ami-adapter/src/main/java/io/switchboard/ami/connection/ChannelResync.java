package io.switchboard.ami.connection;

import io.switchboard.core.event.PbxEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;

import java.util.List;

/**
 * Channel state that must be reconciled across reconnects: told when the connection is lost, then given
 * the channels Asterisk reports as live right after the next login ({@code CoreShowChannels}), so
 * channels that ended meanwhile are closed once and channels that started meanwhile are added.
 * {@link RegistryResync} wires it to {@code ChannelRegistry}.
 */
public interface ChannelResync {

    /** The socket is gone; live channels are no longer observed. */
    void connectionLost();

    /**
     * Asterisk announced {@code Event: Shutdown} (Quirk 12) and closed the socket: every live channel ends
     * with it, even one whose Uniqueid a restarted Asterisk hands out again. By default like
     * {@link #connectionLost()}.
     */
    default void pbxShutDown() {
        connectionLost();
    }

    /**
     * The complete list of live channels after a login, in the order Asterisk sent them. Called on
     * Asterisk-Java's event thread, after the events sent before the list and before those sent after it.
     *
     * @return the events for what happened unseen (e.g. legs that hung up while disconnected), to publish
     */
    List<PbxEvent> resynced(List<CoreShowChannelEvent> liveChannels);

    /**
     * After {@link #resynced}: the listed channels whose glue UserEvent may have been missed (a caller on
     * hold not announced yet, an agent's session leg not reported yet). The connection reads their variables
     * and translates the rebuilt UserEvents like live ones. By default none.
     */
    default List<MissedAnnouncement> missedAnnouncements(List<CoreShowChannelEvent> liveChannels) {
        return List.of();
    }
}
