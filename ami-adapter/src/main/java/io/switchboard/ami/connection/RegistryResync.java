package io.switchboard.ami.connection;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.channel.ChannelSnapshot;
import io.switchboard.core.event.PbxEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ChannelResync} by {@link ChannelRegistry#reset()} and {@link ChannelRegistry#reconcile}. The
 * {@code BridgeId} of each {@code CoreShowChannel} is kept, so that the agent of a call can still be found
 * after a reconnect.
 */
public final class RegistryResync implements ChannelResync {

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
}
