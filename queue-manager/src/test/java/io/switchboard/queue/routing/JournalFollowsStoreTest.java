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
        world.queue("support", Duration.ofSeconds(20), Duration.ofSeconds(10))
                .available("a1", "support", Duration.ofMinutes(5));
        world.router.keepCallsIn(store);
        world.journalAnswers = () -> {
            CompletableFuture<Void> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        };
        world.callArrives("c1", SUPPORT);
        assertThat(store.held).as("the entry is kept at once, before the call is decided")
                .containsOnlyKeys(CallId.of("c1"));
        assertThat(world.pbx.rings).hasSize(1);
        assertThat(store.held.get(CallId.of("c1")).offers()).as("the ring not yet, its row unanswered").isEmpty();

        answers.get(answers.size() - 1).completeExceptionally(new IllegalStateException("database down"));
        assertThat(store.held.get(CallId.of("c1")).offers()).as("kept for the next owner though the row was not written")
                .extracting(offer -> offer.agent().value()).containsExactly("a1");
    }

    @Test
    void a_step_the_journal_dropped_because_this_node_was_fenced_is_not_kept_either() {
        world.queue("support", Duration.ofSeconds(20), Duration.ofSeconds(10))
                .available("a1", "support", Duration.ofMinutes(5));
        world.router.keepCallsIn(store);
        world.journalAnswers = () -> CompletableFuture.failedFuture(new RoutingJournal.Dropped("fenced"));

        world.callArrives("c1", SUPPORT);

        assertThat(world.pbx.rings).hasSize(1);
        assertThat(store.held.get(CallId.of("c1")).offers()).as("the next owner carries the call over as it was kept")
                .isEmpty();
    }

    /** A store whose keeps the test answers. */
    private static final class AnsweredLater implements CallsInFlight {
        final List<CompletableFuture<Void>> keeps = new ArrayList<>();

        @Override
        public java.util.concurrent.CompletionStage<Void> keep(HeldCall call) {
            CompletableFuture<Void> keep = new CompletableFuture<>();
            keeps.add(keep);
            return keep;
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> forget(CallId call) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public java.util.concurrent.CompletionStage<List<HeldCall>> of(io.switchboard.core.id.PbxId pbx) {
            return CompletableFuture.completedFuture(List.of());
        }
    }

    @Test
    void a_caller_is_routed_only_once_the_store_holds_the_call_and_never_here_if_it_cannot() {
        AnsweredLater later = new AnsweredLater();
        world.queue("support", Duration.ofSeconds(20), Duration.ofSeconds(10))
                .available("a1", "support", Duration.ofMinutes(5))
                .available("a2", "support", Duration.ofMinutes(4));
        world.router.keepCallsIn(later);

        world.callArrives("c1", SUPPORT);
        world.callArrives("c2", SUPPORT);
        assertThat(world.pbx.rings).as("nobody rung before the store answered").isEmpty();

        later.keeps.get(0).complete(null);
        assertThat(world.pbx.rings).extracting(ring -> ring.call().value()).containsExactly("c1");

        later.keeps.get(1).completeExceptionally(new IllegalStateException("split brain protection"));
        assertThat(world.pbx.rings).as("c2 is left to the PBX's next owner").hasSize(1);
        assertThat(world.journal).filteredOn(JournalEntry.Entered.class::isInstance).hasSize(2);
    }
}
