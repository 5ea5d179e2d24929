package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.routing.AgentPicker.Candidate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.switchboard.core.agent.AgentState.AVAILABLE;
import static io.switchboard.queue.routing.Agents.member;
import static org.assertj.core.api.Assertions.assertThat;

class AgentPickerTest {

    private static final QueueId SUPPORT = QueueId.of("support");
    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-24T09:00:00Z"));

    @Test
    void the_agent_idle_longest_is_picked() {
        List<Candidate> agents = List.of(
                idleFor("a1", Duration.ofMinutes(2)),
                idleFor("a2", Duration.ofMinutes(5)),
                idleFor("a3", Duration.ofSeconds(10)));

        assertThat(pick(agents, Set.of())).contains(AgentId.of("a2"));
    }

    @Test
    void agents_who_are_not_available_are_never_picked() {
        List<Candidate> agents = List.of(
                in("a1", AgentState.PAUSED, Duration.ofHours(1)),
                in("a2", AgentState.RESERVED, Duration.ofHours(1)),
                in("a3", AgentState.WRAP_UP, Duration.ofHours(1)),
                in("a4", AgentState.LOGGED_OUT, Duration.ofHours(1)),
                idleFor("a5", Duration.ofSeconds(1)));

        assertThat(pick(agents, Set.of())).contains(AgentId.of("a5"));
    }

    @Test
    void agents_already_tried_for_the_task_are_skipped() {
        List<Candidate> agents = List.of(idleFor("a1", Duration.ofMinutes(5)), idleFor("a2", Duration.ofMinutes(1)));

        assertThat(pick(agents, Set.of(AgentId.of("a1")))).contains(AgentId.of("a2"));
    }

    @Test
    void a_tie_goes_to_the_smaller_agent_id() {
        List<Candidate> agents = List.of(idleFor("b7", Duration.ofMinutes(1)), idleFor("a9", Duration.ofMinutes(1)));

        assertThat(pick(agents, Set.of())).contains(AgentId.of("a9"));
    }

    @Test
    void members_of_other_queues_and_agents_without_a_device_are_not_picked() {
        List<Candidate> agents = List.of(
                new Candidate(member("a1", "sales"), Agents.status(AVAILABLE, clock.instant().minusSeconds(600))),
                new Candidate(Agents.withoutDevice("a2", "support"), Agents.status(AVAILABLE,
                        clock.instant().minusSeconds(600))));

        assertThat(pick(agents, Set.of())).isEmpty();
    }

    @Test
    void an_agent_without_a_device_is_picked_while_their_line_is_open_on_the_callers_pbx() {
        Agent noDevice = Agents.withoutDevice("a2", "support");
        List<Candidate> lineOpen = List.of(new Candidate(noDevice,
                Agents.status(AVAILABLE, clock.instant().minusSeconds(600)), true));

        assertThat(pick(lineOpen, Set.of())).contains(AgentId.of("a2"));
    }

    @Test
    void nobody_is_picked_when_every_available_agent_was_tried() {
        List<Candidate> agents = List.of(idleFor("a1", Duration.ofMinutes(5)));

        assertThat(pick(agents, Set.of(AgentId.of("a1")))).isEmpty();
    }

    private Optional<AgentId> pick(List<Candidate> candidates, Set<AgentId> tried) {
        return AgentPicker.pick(SUPPORT, candidates, tried).map(Agent::id);
    }

    private Candidate idleFor(String id, Duration idle) {
        return in(id, AVAILABLE, idle);
    }

    private Candidate in(String id, AgentState state, Duration since) {
        return new Candidate(member(id, "support"), Agents.status(state, clock.instant().minus(since)));
    }
}
