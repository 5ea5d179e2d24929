package io.switchboard.core.agent;

import io.switchboard.core.Require;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A person who takes tasks: who they are, what they can do, which queues they
 * serve and how much work of each kind they can hold at once. Their routing
 * state lives apart, in an {@link AgentStatus}, because it changes many times
 * a minute while this record changes when an admin edits the agent.
 *
 * @param id          the agent's id
 * @param displayName the name shown on wallboards and in the CRM; never blank
 * @param skills      what the agent can do, at most one entry per skill name
 * @param memberships the queues the agent serves, at most one entry per queue
 * @param capacity    how many tasks of each channel the agent can hold at once (0 or more);
 *                    a channel that is missing counts as 0
 * @param device      the device or extension the PBX rings for this agent,
 *                    e.g. {@code PJSIP/1001} or {@code user/1001}; empty for an agent who logs in per shift
 */
public record Agent(
        AgentId id,
        String displayName,
        List<Skill> skills,
        List<QueueMembership> memberships,
        Map<Channel, Integer> capacity,
        Optional<String> device) {

    /** One voice call at a time and nothing else: the usual capacity. */
    public static final Map<Channel, Integer> VOICE_ONLY = Map.of(Channel.VOICE, 1);

    public Agent {
        Require.nonNull(id, "agentId");
        Require.nonBlank(displayName, "displayName");
        skills = List.copyOf(Require.nonNull(skills, "skills"));
        memberships = List.copyOf(Require.nonNull(memberships, "memberships"));
        capacity = Map.copyOf(Require.nonNull(capacity, "capacity"));
        Require.nonNull(device, "device");
        device.ifPresent(d -> Require.nonBlank(d, "device"));
        requireDistinctSkills(skills);
        requireDistinctQueues(memberships);
        capacity.forEach((channel, slots) -> Require.atLeast(slots, 0, "capacity of " + channel));
    }

    /** Whether the agent has {@code skill} at {@code minimumLevel} or better. */
    public boolean hasSkill(String skill, int minimumLevel) {
        return proficiencyIn(skill).orElse(0) >= minimumLevel;
    }

    /** The agent's proficiency in {@code skill}, empty when the agent lacks it. */
    public OptionalInt proficiencyIn(String skill) {
        return skills.stream()
                .filter(s -> s.name().equals(skill))
                .mapToInt(Skill::proficiency)
                .findFirst();
    }

    /** The agent's membership of {@code queue}, empty when the agent does not serve it. */
    public Optional<QueueMembership> membershipOf(QueueId queue) {
        for (QueueMembership membership : memberships) { // a loop, not a stream: asked for every agent of a queue
            if (membership.queue().equals(queue)) {
                return Optional.of(membership);
            }
        }
        return Optional.empty();
    }

    /** Whether the agent serves {@code queue}. */
    public boolean isMemberOf(QueueId queue) {
        return membershipOf(queue).isPresent();
    }

    /** How many tasks of {@code channel} the agent can hold at once; 0 when none. */
    public int capacityFor(Channel channel) {
        return capacity.getOrDefault(channel, 0);
    }

    /** A copy of this agent with a different device. */
    public Agent withDevice(String newDevice) {
        return new Agent(id, displayName, skills, memberships, capacity, Optional.of(newDevice));
    }

    private static void requireDistinctSkills(List<Skill> skills) {
        Set<String> seen = new HashSet<>();
        for (Skill skill : skills) {
            if (!seen.add(skill.name())) {
                throw new IllegalArgumentException("skills must not name '" + skill.name() + "' twice");
            }
        }
    }

    private static void requireDistinctQueues(List<QueueMembership> memberships) {
        Set<QueueId> seen = new HashSet<>();
        for (QueueMembership membership : memberships) {
            if (!seen.add(membership.queue())) {
                throw new IllegalArgumentException("memberships must not name queue '" + membership.queue() + "' twice");
            }
        }
    }
}
