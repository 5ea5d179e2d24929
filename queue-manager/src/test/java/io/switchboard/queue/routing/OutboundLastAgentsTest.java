package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.TaskId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundLastAgentsTest {

    private static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");
    private static final CallId CALL = CallId.of("sim/out-1");
    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+4930555900", "to");

    private final List<OutboundEntry> recorded = new ArrayList<>();
    private final FakeLastAgents lastAgents = new FakeLastAgents();
    private final OutboundLastAgents journal = new OutboundLastAgents(entry -> {
        recorded.add(entry);
        return CompletableFuture.completedFuture(null);
    }, lastAgents);

    private static OutboundEntry.Dialled dialled() {
        return new OutboundEntry.Dialled(CALL, AT, PbxId.of("sim"), TaskId.of("task-out-1"), AgentId.of("ann"),
                LegId.of("out-1"), CUSTOMER, Optional.empty(), LegId.of("out-1-agent"), LegId.of("session-ann"));
    }

    @Test
    void the_agent_an_outbound_call_connected_the_customer_to_becomes_their_last_agent() {
        journal.record(dialled());
        journal.record(new OutboundEntry.Connected(CALL, AT, AgentId.of("ann"), LegId.of("out-1-agent")));

        assertThat(lastAgents.spokeWith).containsEntry(CUSTOMER, AgentId.of("ann"));
        assertThat(recorded).hasSize(2);
        assertThat(journal.pending()).isZero();
    }

    @Test
    void a_call_that_ends_without_connecting_remembers_nobody_and_is_forgotten() {
        journal.record(dialled());
        journal.record(new OutboundEntry.Ended(CALL, AT, OutboundOutcome.NO_ANSWER, Optional.empty()));

        assertThat(lastAgents.spokeWith).isEmpty();
        assertThat(recorded).hasSize(2);
        assertThat(journal.pending()).isZero();
    }
}
