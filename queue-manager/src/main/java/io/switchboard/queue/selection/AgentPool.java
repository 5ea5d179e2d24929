package io.switchboard.queue.selection;

import io.switchboard.core.agent.QueueMembership;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agents selection decides on, indexed so that a decision walks only the offerable members of one
 * queue, already in the queue's strategy order. {@link #put} costs O(q log n) for an agent of q queues
 * with n offerable members each: one agent's change never touches the other agents or queues. A queue's setup
 * change ({@link #setQueue}) ranks that queue's members again, found by an index of the members of each queue,
 * not by walking every agent (10,000 agents took 4-8 ms, most of it cache misses).
 *
 * <p>Not thread-safe: keep it on the router's context, like the decisions that read it.
 */
public final class AgentPool {

    private final Map<QueueId, QueueSetup> setups = new HashMap<>();
    private final Map<QueueId, Map<AgentId, Integer>> positions = new HashMap<>();
    private final Map<QueueId, NavigableSet<Ranked>> offerable = new HashMap<>();
    private final Map<AgentId, AgentSnapshot> agents = new HashMap<>();
    private final Map<AgentId, List<Ranked>> entries = new HashMap<>();
    /** Every known agent by the queues their directory entry serves, offerable or not: a setup change reads it. */
    private final Map<QueueId, Set<AgentId>> members = new HashMap<>();
    private PbxReach reach = PbxReach.NONE;

    /** A pool for the given queues, with no agents yet. */
    public AgentPool(Collection<QueueSetup> queues) {
        for (QueueSetup setup : queues) {
            QueueId id = setup.queue().id();
            if (setups.containsKey(id)) {
                throw new IllegalArgumentException("queues must not name '" + id + "' twice");
            }
            install(setup);
        }
    }

    /**
     * Uses {@code setup} for its queue from now on, a new queue or a changed one. Only that queue's index is
     * rebuilt: its members are ranked again (each costs their own queues), the other queues are not touched.
     */
    public void setQueue(QueueSetup setup) {
        QueueId id = setup.queue().id();
        install(setup);
        List<AgentSnapshot> ranked = new ArrayList<>(); // a copy: put changes the member index
        for (AgentId member : members.getOrDefault(id, Set.of())) {
            ranked.add(agents.get(member));
        }
        ranked.forEach(this::put);
    }

    private void install(QueueSetup setup) {
        QueueId id = setup.queue().id();
        setups.put(id, setup);
        Map<AgentId, Integer> order = new HashMap<>();
        for (AgentId agent : setup.memberOrder()) {
            order.putIfAbsent(agent, order.size());
        }
        positions.put(id, order);
        offerable.put(id, new TreeSet<>(Ranked.ORDER));
    }

    /** Adds the agent, or replaces what the pool knew of them. */
    public void put(AgentSnapshot snapshot) {
        remove(snapshot.id());
        agents.put(snapshot.id(), snapshot);
        for (QueueMembership membership : snapshot.agent().memberships()) {
            members.computeIfAbsent(membership.queue(), queue -> new HashSet<>()).add(snapshot.id());
        }
        if (!snapshot.isOfferable()) {
            return;
        }
        List<Ranked> placed = new ArrayList<>(snapshot.agent().memberships().size());
        for (QueueMembership membership : snapshot.agent().memberships()) {
            QueueSetup setup = setups.get(membership.queue());
            if (setup == null) {
                continue;
            }
            int position = positionOf(membership.queue(), snapshot.id());
            Ranked ranked = Ranked.of(snapshot, membership.queue(), membership.penalty(),
                    setup.queue().strategy(), position);
            offerable.get(membership.queue()).add(ranked);
            placed.add(ranked);
        }
        entries.put(snapshot.id(), placed);
    }

    /** Forgets the agent, e.g. when they were deleted. */
    public void remove(AgentId agent) {
        AgentSnapshot gone = agents.remove(agent);
        if (gone != null) {
            for (QueueMembership membership : gone.agent().memberships()) {
                Set<AgentId> serving = members.get(membership.queue());
                if (serving != null && serving.remove(agent) && serving.isEmpty()) {
                    members.remove(membership.queue());
                }
            }
        }
        List<Ranked> placed = entries.remove(agent);
        if (placed != null) {
            for (Ranked ranked : placed) {
                offerable.get(ranked.queue()).remove(ranked);
            }
        }
    }

    /** Which PBX reaches which other PBX's agents, and how: decides with each queue's {@link AgentScope}. */
    public void reach(PbxReach newReach) {
        this.reach = java.util.Objects.requireNonNull(newReach, "reach");
    }

    /** The trunks between PBXs the pool decides with; {@link PbxReach#NONE} until told otherwise. */
    public PbxReach reach() {
        return reach;
    }

    /** What the pool knows of {@code agent}. */
    public Optional<AgentSnapshot> agent(AgentId agent) {
        return Optional.ofNullable(agents.get(agent));
    }

    /** The setup of {@code queue}; an unknown queue is a bug in the caller. */
    public QueueSetup setup(QueueId queue) {
        QueueSetup setup = setups.get(queue);
        if (setup == null) {
            throw new IllegalArgumentException("unknown queue '" + queue + "'");
        }
        return setup;
    }

    /** The setups of every queue, for building a {@link WaitingTasks} alongside. */
    public Collection<QueueSetup> setups() {
        return Collections.unmodifiableCollection(setups.values());
    }

    /** How many members of {@code queue} are offerable right now. */
    public int offerableCount(QueueId queue) {
        NavigableSet<Ranked> members = offerable.get(queue);
        return members == null ? 0 : members.size();
    }

    /** The agent's place in the configured member order of {@code queue}; unlisted agents come last. */
    int positionOf(QueueId queue, AgentId agent) {
        return positions.get(queue).getOrDefault(agent, Integer.MAX_VALUE);
    }

    /** The offerable members of {@code queue}, in its strategy's order. */
    Collection<Ranked> offerableIn(QueueId queue) {
        NavigableSet<Ranked> members = offerable.get(queue);
        return members == null ? List.of() : members;
    }
}
