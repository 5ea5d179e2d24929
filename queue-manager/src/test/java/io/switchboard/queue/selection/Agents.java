package io.switchboard.queue.selection;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.QueueMembership;
import io.switchboard.core.agent.Skill;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fixtures: agents as selection sees them, built up in sentences. */
final class Agents {

    private final String id;
    private final List<Skill> skills;
    private final List<QueueMembership> memberships = new ArrayList<>();
    private final Map<QueueId, Instant> lastTaskEnd = new HashMap<>();
    private final Map<QueueId, Integer> callsToday = new HashMap<>();
    private AgentState state;
    private Instant idleSince = FakeClock.START.minus(Duration.ofHours(1));
    private Duration talkTime = Duration.ZERO;
    private boolean device = true;
    private boolean deviceInUse;
    private boolean lineOpen;
    private Optional<PbxId> pbx = Optional.empty();

    private Agents(String id, AgentState state, Skill... skills) {
        this.id = id;
        this.state = state;
        this.skills = List.of(skills);
    }

    /** An available agent with a device to ring. */
    static Agents available(String id, Skill... skills) {
        return new Agents(id, AgentState.AVAILABLE, skills);
    }

    /** An agent in {@code state} with a device to ring. */
    static Agents in(AgentState state, String id, Skill... skills) {
        return new Agents(id, state, skills);
    }

    static Skill skill(String name, int proficiency) {
        return Skill.of(name, proficiency);
    }

    Agents serving(String... queues) {
        for (String queue : queues) {
            memberships.add(QueueMembership.of(QueueId.of(queue)));
        }
        return this;
    }

    Agents serving(String queue, int penalty) {
        memberships.add(new QueueMembership(QueueId.of(queue), penalty));
        return this;
    }

    Agents idleSince(Instant since) {
        idleSince = since;
        return this;
    }

    Agents lastEndedTaskOf(String queue, Instant at) {
        lastTaskEnd.put(QueueId.of(queue), at);
        return this;
    }

    Agents tookToday(String queue, int calls) {
        callsToday.put(QueueId.of(queue), calls);
        return this;
    }

    Agents talkedToday(Duration talked) {
        talkTime = talked;
        return this;
    }

    Agents withoutDevice() {
        device = false;
        return this;
    }

    Agents withLineOpen() {
        lineOpen = true;
        return this;
    }

    Agents onTheirOwnCall() {
        deviceInUse = true;
        return this;
    }

    /** The agent's phone is on PBX {@code name}. */
    Agents onPbx(String name) {
        pbx = Optional.of(PbxId.of(name));
        return this;
    }

    Agents now(AgentState newState) {
        state = newState;
        return this;
    }

    AgentSnapshot snapshot() {
        Agent agent = new Agent(AgentId.of(id), "Agent " + id, skills, memberships, Agent.VOICE_ONLY,
                device ? Optional.of("PJSIP/" + id) : Optional.empty());
        return new AgentSnapshot(agent, state, idleSince, lastTaskEnd, callsToday, talkTime, deviceInUse, lineOpen,
                pbx);
    }
}
