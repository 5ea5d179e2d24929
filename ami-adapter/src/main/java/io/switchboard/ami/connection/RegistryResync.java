package io.switchboard.ami.connection;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.channel.ChannelSnapshot;
import io.switchboard.core.event.PbxEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ChannelResync} by {@link ChannelRegistry#reset()} and {@link ChannelRegistry#reconcile}. The
 * {@code BridgeId} of each {@code CoreShowChannel} is kept, so that the agent of a call can still be found
 * after a reconnect. Callers waiting in {@code [switchboard-hold]} that were never announced, and legs in
 * {@code [switchboard-agent-session]} not known as sessions, are {@linkplain #missedAnnouncements missed
 * announcements}.
 */
public final class RegistryResync implements ChannelResync {

    /** Where the glue's callers wait ({@code extensions_switchboard.conf}). */
    static final String HOLD = "switchboard-hold";
    /** Where the glue's nailed-up agent legs run. */
    static final String AGENT_SESSION = "switchboard-agent-session";

    private final ChannelRegistry registry;

    /** Resyncs {@code registry}. */
    public RegistryResync(ChannelRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void connectionLost() {
        registry.reset();
    }

    @Override
    public void pbxShutDown() {
        registry.pbxShutDown();
    }

    @Override
    public List<PbxEvent> resynced(List<CoreShowChannelEvent> liveChannels) {
        return registry.reconcile(liveChannels.stream()
                .filter(c -> c.getChannel() != null && c.getUniqueid() != null)
                .map(c -> ChannelSnapshot.of(c.getChannel(), c.getUniqueid(), c.getLinkedid(), c.getContext(),
                        c.getExtension(), c.getChannelStateDesc())
                        .inBridge(Optional.ofNullable(c.getBridgeid()).filter(b -> !b.isBlank())))
                .toList());
    }

    @Override
    public List<MissedAnnouncement> missedAnnouncements(List<CoreShowChannelEvent> liveChannels) {
        List<MissedAnnouncement> missed = new ArrayList<>();
        for (CoreShowChannelEvent c : liveChannels) {
            String uniqueid = c.getUniqueid();
            if (c.getChannel() == null || uniqueid == null || registry.byUniqueid(uniqueid).isEmpty()) {
                continue;
            }
            if (HOLD.equals(c.getContext()) && !registry.announced(uniqueid)) {
                missed.add(new MissedAnnouncement.WaitingCaller(c.getChannel(), uniqueid));
            } else if (AGENT_SESSION.equals(c.getContext()) && !registry.sessions().isOpen(uniqueid)) {
                missed.add(new MissedAnnouncement.AgentSession(c.getChannel(), uniqueid,
                        MissedAnnouncement.AgentSession.agentOfConference(c.getApplication(), c.getApplicationdata())));
            }
        }
        return missed;
    }
}
