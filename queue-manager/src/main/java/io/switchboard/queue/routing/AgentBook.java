package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.queue.selection.AgentPool;
import io.switchboard.queue.selection.AgentSnapshot;
import io.switchboard.queue.selection.PbxReach;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.selection.RoundRobinMemory;
import io.switchboard.queue.selection.Selection;
import io.switchboard.queue.selection.Selector;
import io.switchboard.queue.selection.WaitingTask;
import io.switchboard.queue.selection.WaitingTasks;

import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The router's picture of the agents and the waiting tasks, kept up to date by events (never polled) and
 * handed to the {@link Selector}: an {@link AgentPool} of snapshots (directory entry, stored status, open
 * line, device busy, today's statistics), the {@link WaitingTasks} and the round-robin memory. The stored
 * status is a copy; the reservation's compare-and-set in the state store stays the arbiter, so a stale copy
 * costs one more selection, never a double booking. Touched only on the router's context.
 */
final class AgentBook {

    /** A phone in one of these states is busy with a call Switchboard did not place: a held call is still one. */
    private static final Set<DeviceState> BUSY = EnumSet.of(DeviceState.IN_USE, DeviceState.BUSY,
            DeviceState.RINGING, DeviceState.ON_HOLD);

    private record Known(Agent agent, AgentStatus status, boolean lineOpen) {
    }

    private final Selector selector;
    private final AgentStats stats;
    private final InstantSource clock;
    private final Map<QueueId, QueueSetup> setups = new LinkedHashMap<>();
    private final Map<AgentId, Known> agents = new HashMap<>();
    private final Map<TaskId, WaitingTask> tasks = new LinkedHashMap<>();
    private final Map<String, PbxId> busyDevices = new HashMap<>();
    private final Map<String, AgentId> owners = new HashMap<>();
    private final AgentHomes homes = new AgentHomes();
    private final AgentPool pool = new AgentPool(setups.values());
    private final WaitingTasks waiting = new WaitingTasks(pool);
    private RoundRobinMemory memory = RoundRobinMemory.EMPTY;
    private LocalDate indexedOn;

    AgentBook(Selector selector, AgentStats stats, InstantSource clock) {
        this.selector = selector;
        this.stats = stats;
        this.clock = clock;
        this.indexedOn = stats.dateOf(clock.instant());
    }

    /** Whether the queue's setup is known. */
    boolean knowsQueue(QueueId queue) {
        return setups.containsKey(queue);
    }

    /**
     * Uses {@code setup} for its queue from now on. Only that queue's members and waiting tasks are indexed
     * again, so learning a queue on its first call costs that queue, not every agent and task of the node.
     */
    void queue(QueueSetup setup) {
        QueueId id = setup.queue().id();
        if (setup.equals(setups.get(id))) {
            return;
        }
        setups.put(id, setup);
        pool.setQueue(setup);
        tasks.values().stream().filter(task -> task.task().queue().equals(id)).forEach(waiting::put);
    }

    /** Whether the agent's directory entry and status are known. */
    boolean knowsAgent(AgentId agent) {
        return agents.containsKey(agent);
    }

    /** The agent's directory entry, when known. */
    Optional<Agent> entry(AgentId agent) {
        return Optional.ofNullable(agents.get(agent)).map(Known::agent);
    }

    /**
     * What the directory and the state store say of {@code agent} now. A status older than the one the book
     * holds (a lower version) is stale and kept out: reads of the store complete in any order, and one issued
     * before the agent's last change must not undo it.
     */
    void agent(Agent agent, AgentStatus status, boolean lineOpen) {
        Known before = agents.get(agent.id());
        AgentStatus newest = before != null && isStale(status, before.status()) ? before.status() : status;
        agents.put(agent.id(), new Known(agent, newest, lineOpen));
        if (before != null) {
            before.agent().device().ifPresent(device -> owners.remove(device, agent.id()));
        }
        agent.device().ifPresent(device -> owners.put(device, agent.id()));
        index(agent.id());
    }

    /**
     * The agent's stored status changed (and Switchboard knows it); an unknown agent, or a status older than the
     * book's, is ignored.
     */
    void status(AgentId agent, AgentStatus status) {
        Known known = agents.get(agent);
        if (known != null && !isStale(status, known.status())) {
            agents.put(agent, new Known(known.agent(), status, known.lineOpen()));
            index(agent);
        }
    }

    /**
     * The store did not take {@code guess}, the status the book showed ahead of it (a reservation's conflict or
     * failure): while the book still holds the guess, it holds {@code stored} instead, whatever its version;
     * once it learned something else, only a newer {@code stored} replaces that.
     */
    void corrected(AgentId agent, AgentStatus guess, AgentStatus stored) {
        Known known = agents.get(agent);
        if (known != null && (known.status().equals(guess) || !isStale(stored, known.status()))) {
            agents.put(agent, new Known(known.agent(), stored, known.lineOpen()));
            index(agent);
        }
    }

    /**
     * The PBX reported a device's state: busy (in use, busy, ringing) keeps its agent from being offered tasks
     * until it is reported otherwise. Returns the agent whose device it is, when known.
     */
    Optional<AgentId> device(PbxId pbx, String device, DeviceState state) {
        boolean changed = BUSY.contains(state) ? busyDevices.put(device, pbx) == null
                : busyDevices.remove(device) != null;
        changed |= homes.reported(device, pbx);
        Optional<AgentId> owner = Optional.ofNullable(owners.get(device));
        if (changed) {
            owner.ifPresent(this::index);
        }
        return owner;
    }

    /** Uses {@code reach} (trunks, technologies) from now on; every agent is placed on their PBX again. */
    void reach(PbxReach reach) {
        homes.reach(reach);
        pool.reach(reach);
        agents.keySet().forEach(this::index);
    }

    /** What a call on {@code callPbx} dials to ring the agent's device, through a trunk when it is on another PBX. */
    Optional<String> endpoint(PbxId callPbx, Agent agent) {
        return homes.endpoint(callPbx, agent);
    }

    private static boolean isStale(AgentStatus status, AgentStatus held) {
        return status.version() < held.version();
    }

    /**
     * The connection to {@code pbx} dropped: what it said of its devices may be stale (a call that ended while it
     * was away, a restart), so they count as free again until it reports otherwise. Returns their agents.
     */
    List<AgentId> pbxGone(PbxId pbx) {
        List<AgentId> freed = new ArrayList<>();
        busyDevices.entrySet().removeIf(busy -> {
            if (!busy.getValue().equals(pbx)) {
                return false;
            }
            Optional.ofNullable(owners.get(busy.getKey())).ifPresent(freed::add);
            return true;
        });
        freed.forEach(this::index);
        return freed;
    }

    Optional<Agent> agent(AgentId agent) {
        return Optional.ofNullable(agents.get(agent)).map(Known::agent);
    }

    Optional<AgentStatus> status(AgentId agent) {
        return Optional.ofNullable(agents.get(agent)).map(Known::status);
    }

    /** Whether selection could offer the agent a task now (available, reachable, device free). */
    boolean isOfferable(AgentId agent) {
        return pool.agent(agent).map(AgentSnapshot::isOfferable).orElse(false);
    }

    /** The agent's statistics changed: re-rank them. */
    void statsChanged(AgentId agent) {
        if (agents.containsKey(agent)) {
            index(agent);
        }
    }

    /** Adds or replaces a waiting task; its queue must be known. */
    void waiting(WaitingTask task) {
        tasks.put(task.id(), task);
        waiting.put(task);
    }

    /** The task no longer waits (reserved, answered, abandoned). */
    void notWaiting(TaskId task) {
        tasks.remove(task);
        waiting.remove(task);
    }

    /** {@link Selector#agentFor} for a waiting task, keeping the round-robin memory an offer returns. */
    Selection agentFor(WaitingTask task) {
        newDay();
        return kept(selector.agentFor(task, pool, memory));
    }

    /** {@link Selector#taskFor} for a free agent, keeping the round-robin memory an offer returns. */
    Selection taskFor(AgentId agent) {
        newDay();
        return kept(selector.taskFor(agent, pool, waiting, memory));
    }

    private Selection kept(Selection selection) {
        if (selection instanceof Selection.Offer offer) {
            memory = offer.memory();
        }
        return selection;
    }

    /** After midnight every agent's statistics of today start from nothing, so every agent is ranked again. */
    private void newDay() {
        LocalDate today = stats.dateOf(clock.instant());
        if (!today.equals(indexedOn)) {
            indexedOn = today;
            agents.keySet().forEach(this::index);
        }
    }

    private void index(AgentId id) {
        Known known = agents.get(id);
        AgentStats.Day day = stats.of(id, clock.instant());
        // an open line is the phone's call Switchboard placed: the PBX reports that device in use all along
        boolean busy = !known.lineOpen() && known.agent().device().filter(busyDevices::containsKey).isPresent();
        pool.put(new AgentSnapshot(known.agent(), known.status().state(), known.status().since(),
                day.lastTaskEnd(), day.callsToday(), day.talkTime(), busy, known.lineOpen(),
                homes.pbxOf(known.agent())));
    }

    /** The setup the book uses for {@code queue}, if it knows the queue. */
    Optional<QueueSetup> setup(QueueId queue) {
        return Optional.ofNullable(setups.get(queue));
    }

    /**
     * How many known members of {@code queue} staff it (logged in and not paused: free, ringing, talking or
     * wrapping up), and how many of those could be offered a task now. One pass over the known agents.
     */
    Staffing staffing(QueueId queue) {
        int staffed = 0;
        int free = 0;
        for (Known known : agents.values()) {
            AgentState state = known.status().state();
            if (known.agent().isMemberOf(queue) && state != AgentState.LOGGED_OUT && state != AgentState.PAUSED) {
                staffed++;
                if (isOfferable(known.agent().id())) {
                    free++;
                }
            }
        }
        return new Staffing(staffed, free);
    }

    /** The known agents whose directory entry makes them members of {@code queue}; a new, mutable set. */
    Set<AgentId> knownMembersOf(QueueId queue) {
        Set<AgentId> members = new HashSet<>();
        agents.values().stream().filter(known -> known.agent().isMemberOf(queue))
                .forEach(known -> members.add(known.agent().id()));
        return members;
    }

    /** The agents staffing a queue now, and how many of them are free. */
    record Staffing(int staffed, int free) {
    }

    /**
     * What the pool knows of every known member of {@code queue}, offerable or not, for the queue rules. It walks
     * every known agent, at the list's first read ({@link ReadOnDemand}): only a queue with a leave or join rule
     * reads it, when callers arrive or wait. Read it on the router's context, before the book changes.
     */
    List<AgentSnapshot> members(QueueId queue) {
        return new ReadOnDemand<>(() -> agents.values().stream().filter(known -> known.agent().isMemberOf(queue))
                .flatMap(known -> pool.agent(known.agent().id()).stream()).toList());
    }
}
