package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.QueueMembership;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.core.port.StatusUpdate;
import io.switchboard.queue.dialer.CampaignFloor;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.blend.Blender;
import io.switchboard.queue.dialer.blend.InboundLoads;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The {@link CampaignFloor} of the routing engine: a campaign's agents are the members of its queue who have an
 * open (nailed-up) line, read from the same state store the ACD reserves through, so an agent is never given a
 * campaign call and an inbound caller at once. A nailed agent's phone is busy with the open line itself, so its
 * device state is not looked at. The queue's members are read from the directory at most every
 * {@link #MEMBERS_FRESH}.
 *
 * <p>Blending: a ready agent who is also a member of a queue that is not the campaign's is blended; of the
 * ready blended agents, as many as the campaign's {@link Blender} keeps for those queues' live
 * {@link InboundLoads} stay free for inbound and campaigns count only the others ready, so inbound keeps the
 * agents its forecast, its waiting callers or its risk need (a blended agent already on a campaign call does not
 * count as kept: it could not take a caller). Called on the routing context; stages complete there.
 */
public final class CampaignAgents implements CampaignFloor {

    /** How long a queue's member list is reused before it is read again. */
    static final Duration MEMBERS_FRESH = Duration.ofSeconds(5);

    private final AgentDirectory directory;
    private final AgentStateStore states;
    private final AgentLines lines;
    private final AgentMoves moves;
    private final InstantSource clock;
    private final Executor context;
    private final Consumer<AgentId> released;
    private final Map<QueueId, Members> members = new HashMap<>();
    private final Map<CampaignId, Blender> blenders = new HashMap<>();
    private InboundLoads inboundLoads = InboundLoads.NONE;
    private Duration blendCalm = Blender.CALM;

    private record Members(List<Agent> agents, Instant readAt) {
    }

    CampaignAgents(AgentDirectory directory, AgentStateStore states, AgentLines lines, AgentMoves moves,
                   InstantSource clock, Executor context, Consumer<AgentId> released) {
        this.directory = directory;
        this.states = states;
        this.lines = lines;
        this.moves = moves;
        this.clock = clock;
        this.context = context;
        this.released = released;
    }

    /** Where the inbound queues' load comes from; {@link InboundLoads#NONE} (lend every blended agent) until set. */
    public void inboundLoads(InboundLoads loads) {
        this.inboundLoads = loads;
    }

    /** How long inbound must be calm before blended agents are lent back ({@link Blender#CALM} until set). */
    public void blendCalm(Duration calm) {
        this.blendCalm = calm;
        blenders.clear();
    }

    @Override
    public CompletionStage<Agents> look(CampaignSettings campaign, Instant now) {
        QueueId queue = campaign.campaign().queue();
        return membersOf(queue, now).thenComposeAsync(agents -> look(agents, now), context)
                .thenComposeAsync(floor -> blend(campaign, floor, now), context);
    }

    /** Campaign members with a line, and those of them in any other queue (blended), keyed by agent. */
    private CompletionStage<Agents> blend(CampaignSettings campaign, Floor floor, Instant now) {
        QueueId own = campaign.campaign().queue();
        Map<AgentId, Set<QueueId>> inboundQueues = new HashMap<>();
        floor.agents().forEach(agent -> {
            Set<QueueId> others = agent.memberships().stream().map(QueueMembership::queue)
                    .filter(q -> !q.equals(own)).collect(Collectors.toSet());
            if (!others.isEmpty()) {
                inboundQueues.put(agent.id(), others);
            }
        });
        if (inboundQueues.isEmpty()) {
            return CompletableFuture.completedFuture(floor.floor());
        }
        Set<QueueId> queues = inboundQueues.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        return inboundLoads.of(queues, inboundQueues.keySet()).thenApplyAsync(loads -> {
            Blender blender = blenders.computeIfAbsent(campaign.campaign().id(), id -> new Blender(blendCalm));
            int kept = inboundQueues.size() - blender.lendable(loads, inboundQueues.size(), now);
            // the kept agents are kept free for inbound: a blended agent on a campaign call is no help to a caller
            long readyBlended = floor.floor().ready().stream().filter(inboundQueues::containsKey).count();
            long lendable = Math.max(0, readyBlended - kept);
            List<AgentId> ready = new ArrayList<>();
            int blendedReady = 0;
            for (AgentId agent : floor.floor().ready()) {
                if (!inboundQueues.containsKey(agent)) {
                    ready.add(agent);
                } else if (blendedReady < lendable) {
                    ready.add(agent);
                    blendedReady++;
                }
            }
            Agents all = floor.floor();
            return new Agents(ready, all.talking(), all.wrapping(), all.pbx());
        }, context);
    }

    /** The floor before blending, and the directory entries of the agents with a line. */
    private record Floor(Agents floor, List<Agent> agents) {
    }

    private CompletionStage<Floor> look(List<Agent> members, Instant now) {
        List<Agent> lined = members.stream().filter(a -> lines.lineOf(a.id()).isPresent()).toList();
        List<AgentId> withLine = lined.stream().map(Agent::id).toList();
        List<CompletableFuture<Optional<AgentStatus>>> reads = withLine.stream()
                .map(a -> states.read(a).toCompletableFuture()).toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApplyAsync(x -> {
            Map<AgentId, AgentStatus> status = new HashMap<>();
            for (int i = 0; i < withLine.size(); i++) {
                AgentId agent = withLine.get(i);
                reads.get(i).join().ifPresent(s -> status.put(agent, s));
            }
            return new Floor(floorOf(withLine, status, now), lined);
        }, context);
    }

    private Agents floorOf(List<AgentId> withLine, Map<AgentId, AgentStatus> status, Instant now) {
        List<AgentId> ready = new ArrayList<>();
        List<Duration> talking = new ArrayList<>();
        List<Duration> wrapping = new ArrayList<>();
        for (AgentId agent : withLine) {
            AgentStatus s = status.get(agent);
            if (s == null || lines.lineOf(agent).isEmpty()) {
                continue;
            }
            Duration in = s.since().isAfter(now) ? Duration.ZERO : Duration.between(s.since(), now);
            if (s.isRoutable() && !moves.isLeaving(agent)) {
                ready.add(agent);
            } else if (s.state() == AgentState.ON_CALL || s.state() == AgentState.RESERVED) {
                talking.add(in);
            } else if (s.state() == AgentState.WRAP_UP) {
                wrapping.add(in);
            }
        }
        ready.sort(Comparator.comparing((AgentId a) -> status.get(a).since()));
        return new Agents(ready, talking, wrapping, busiestPbx(ready.isEmpty() ? withLine : ready));
    }

    /** The PBX most of these agents' lines are on; ties go to the first PBX by id, so the choice is stable. */
    private Optional<PbxId> busiestPbx(List<AgentId> agents) {
        Map<PbxId, Long> count = agents.stream().map(lines::lineOf).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(AgentLines.Line::pbx, Collectors.counting()));
        return count.entrySet().stream()
                .max(Comparator.<Map.Entry<PbxId, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(e -> e.getKey().value(), Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }

    private CompletionStage<List<Agent>> membersOf(QueueId queue, Instant now) {
        Members known = members.get(queue);
        if (known != null && now.isBefore(known.readAt().plus(MEMBERS_FRESH))) {
            return CompletableFuture.completedFuture(known.agents());
        }
        return directory.membersOf(queue).thenApplyAsync(agents -> {
            members.put(queue, new Members(List.copyOf(agents), now));
            return List.copyOf(agents);
        }, context);
    }

    @Override
    public CompletionStage<Boolean> reserve(AgentId agent) {
        return states.read(agent).thenComposeAsync(stored -> {
            Optional<AgentStatus> current = stored.filter(AgentStatus::isRoutable);
            if (current.isEmpty() || lines.lineOf(agent).isEmpty() || moves.isLeaving(agent)) {
                return CompletableFuture.completedFuture(false);
            }
            return states.compareAndSet(agent, current.get().version(),
                    current.get().moveTo(AgentState.RESERVED, clock.instant()).orElseThrow())
                    .thenApply(update -> !(update instanceof StatusUpdate.Conflict));
        }, context);
    }

    @Override
    public void release(AgentId agent) {
        moves.move(agent, AgentState.AVAILABLE, () -> released.accept(agent));
    }
}
