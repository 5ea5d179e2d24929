package io.switchboard.queue.state;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.switchboard.core.id.AgentId;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Tells this node's router about agent statuses another node stored: a reservation, a wrap-up, an API pause made
 * elsewhere reaches this node's book at once, not only with the next event about that agent.
 *
 * <p>Listens on the agent status IMap without values (the router reads the status again, so an event carries only
 * the key). Hazelcast's event thread only checks whether this member made the change (its own writes are already
 * in its book) and hands the agent to {@code context}; nothing blocks it. Events of one key arrive in order.
 */
public final class AgentChangesElsewhere implements AutoCloseable {

    private final IMap<String, StoredStatus> statuses;
    private final UUID registration;

    private AgentChangesElsewhere(IMap<String, StoredStatus> statuses, UUID registration) {
        this.statuses = statuses;
        this.registration = registration;
    }

    /** From now on runs {@code changed} on {@code context} for each agent whose status another member stored. */
    public static AgentChangesElsewhere listen(HazelcastInstance hazelcast, Executor context,
                                               Consumer<AgentId> changed) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(changed, "changed");
        IMap<String, StoredStatus> statuses = hazelcast.getMap(HazelcastAgentStateStore.MAP_NAME);
        Listener listener = new Listener(context, changed);
        return new AgentChangesElsewhere(statuses, statuses.addEntryListener(listener, false));
    }

    /** Stops listening. */
    @Override
    public void close() {
        statuses.removeEntryListener(registration);
    }

    private record Listener(Executor context, Consumer<AgentId> changed)
            implements EntryAddedListener<String, StoredStatus>, EntryUpdatedListener<String, StoredStatus> {

        @Override
        public void entryAdded(EntryEvent<String, StoredStatus> event) {
            handOff(event);
        }

        @Override
        public void entryUpdated(EntryEvent<String, StoredStatus> event) {
            handOff(event);
        }

        private void handOff(EntryEvent<String, StoredStatus> event) {
            if (event.getMember().localMember()) {
                return;
            }
            AgentId agent = AgentId.of(event.getKey());
            context.execute(() -> changed.accept(agent));
        }
    }
}
