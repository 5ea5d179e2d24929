package io.switchboard.queue.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.selection.Selector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of the store complete in any order (another node's changes are read again as they come): the book keeps
 * the newest status it saw, by version, and only its own guess of a reservation gives way to an older one.
 */
class AgentBookVersionsTest {

    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

    private final FakeClock clock = new FakeClock(NINE);
    private final AgentBook book = new AgentBook(new Selector(clock, new SplittableRandom()),
            new AgentStats(ZoneOffset.UTC), clock);
    private final Agent a1 = Agents.member("a1", "support");

    AgentBookVersionsTest() {
        book.queue(QueueSetup.of(TaskQueue.of(QueueId.of("support"), "support", RoutingStrategy.LONGEST_IDLE)));
    }

    @Test
    void a_read_issued_before_the_agent_was_freed_elsewhere_and_completing_after_does_not_make_them_busy_again() {
        book.agent(a1, status(AgentState.AVAILABLE, 9), false);

        book.agent(a1, status(AgentState.RESERVED, 6), false);
        book.status(a1.id(), status(AgentState.WRAP_UP, 8));

        assertThat(book.status(a1.id())).contains(status(AgentState.AVAILABLE, 9));
        assertThat(book.isOfferable(a1.id())).isTrue();
    }

    @Test
    void a_newer_status_replaces_the_one_held() {
        book.agent(a1, status(AgentState.AVAILABLE, 9), false);

        book.status(a1.id(), status(AgentState.RESERVED, 10));

        assertThat(book.isOfferable(a1.id())).isFalse();
    }

    @Test
    void a_reservation_the_store_refused_gives_way_to_the_stored_status_even_when_it_is_not_newer() {
        AgentStatus seen = status(AgentState.AVAILABLE, 9);
        book.agent(a1, seen, false);
        AgentStatus guess = status(AgentState.RESERVED, 10);
        book.status(a1.id(), guess);

        book.corrected(a1.id(), guess, seen);

        assertThat(book.status(a1.id())).contains(seen);
    }

    @Test
    void a_refused_reservation_does_not_undo_what_the_book_learned_since() {
        book.agent(a1, status(AgentState.AVAILABLE, 9), false);
        AgentStatus guess = status(AgentState.RESERVED, 10);
        book.status(a1.id(), guess);
        book.status(a1.id(), status(AgentState.AVAILABLE, 12));

        book.corrected(a1.id(), guess, status(AgentState.RESERVED, 10));

        assertThat(book.status(a1.id())).contains(status(AgentState.AVAILABLE, 12));
    }

    private static AgentStatus status(AgentState state, long version) {
        return new AgentStatus(state, Optional.empty(), NINE, version);
    }
}
