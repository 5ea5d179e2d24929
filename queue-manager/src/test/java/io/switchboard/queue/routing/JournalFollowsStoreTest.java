package io.switchboard.queue.routing;

import io.switchboard.core.id.CallId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calls in flight never run ahead of the queue_log: a call step reaches the store once the journal has it
 * (written or failed), so a node that dies between the two leaves the store a step behind, and its successor
 * records that step again (the journal refuses it twice), rather than a step ahead with its row lost.
 */
class JournalFollowsStoreTest {

    private static final Optional<String> SUPPORT = Optional.of("support");

    private final RoutingWorld world = new RoutingWorld();
    private final MapCallsInFlight store = new MapCallsInFlight();
    private final List<CompletableFuture<Void>> answers = new ArrayList<>();

    @Test
    void a_step_reaches_the_store_only_once_the_journal_has_answered_it_even_with_a_failure() {
        world.queue("support", Duration.ofSeconds(20), Duration.ofSeconds(10));
        world.router.keepCallsIn(store);
        world.journalAnswers = () -> {
            CompletableFuture<Void> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        };
        world.callArrives("c1", SUPPORT);
        world.callArrives("c2", SUPPORT);
        assertThat(world.journal).filteredOn(JournalEntry.Entered.class::isInstance).hasSize(2);
        assertThat(store.held).as("nothing kept before the journal answered").isEmpty();

        answers.get(1).complete(null);
        assertThat(store.held).containsOnlyKeys(CallId.of("c2"));

        answers.get(0).completeExceptionally(new IllegalStateException("database down"));
        assertThat(store.held).as("kept for the next owner though the row was not written")
                .containsOnlyKeys(CallId.of("c1"), CallId.of("c2"));
    }

    @Test
    void a_step_the_journal_dropped_because_this_node_was_fenced_is_not_kept_either() {
        world.queue("support", Duration.ofSeconds(20), Duration.ofSeconds(10));
        world.router.keepCallsIn(store);
        world.journalAnswers = () -> CompletableFuture.failedFuture(new RoutingJournal.Dropped("fenced"));

        world.callArrives("c1", SUPPORT);

        assertThat(store.held).as("the next owner enters the caller, from the store as it was").isEmpty();
    }
}
