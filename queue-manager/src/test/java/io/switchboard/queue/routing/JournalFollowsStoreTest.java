package io.switchboard.queue.routing;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call step's queue_log row is written only once the calls in flight hold the step: a node that cannot write them
 * (cut off, no quorum) writes no row, and its successor, which carries the calls over as they are kept, writes it.
 */
class JournalFollowsStoreTest {

    private static final Optional<String> SUPPORT = Optional.of("support");

    /** A store whose writes the test answers. */
    private static final class AnsweredLater implements CallsInFlight {
        final List<CompletableFuture<Void>> writes = new ArrayList<>();

        @Override
        public CompletionStage<Void> keep(HeldCall call) {
            return next();
        }

        @Override
        public CompletionStage<Void> forget(CallId call) {
            return next();
        }

        private CompletableFuture<Void> next() {
            CompletableFuture<Void> write = new CompletableFuture<>();
            writes.add(write);
            return write;
        }

        @Override
        public CompletionStage<List<HeldCall>> of(PbxId pbx) {
            return CompletableFuture.completedFuture(List.of());
        }
    }

    private final RoutingWorld world = new RoutingWorld();
    private final AnsweredLater store = new AnsweredLater();

    @Test
    void rows_wait_for_the_store_and_keep_their_order_whatever_order_it_answers() {
        world.queue("support", Duration.ofSeconds(20), Duration.ofSeconds(10));
        world.router.keepCallsIn(store);
        world.callArrives("c1", SUPPORT);
        world.callArrives("c2", SUPPORT);
        assertThat(world.journal).filteredOn(JournalEntry.Entered.class::isInstance).isEmpty();

        store.writes.get(1).complete(null);
        assertThat(world.journal).as("c2's row waits behind c1's").filteredOn(JournalEntry.Entered.class::isInstance)
                .isEmpty();

        store.writes.get(0).complete(null);
        assertThat(world.journal).filteredOn(JournalEntry.Entered.class::isInstance)
                .extracting(e -> ((JournalEntry.Entered) e).call().value()).containsExactly("c1", "c2");
    }

    @Test
    void a_step_the_store_refused_is_not_written_and_the_next_ones_are() {
        world.queue("support", Duration.ofSeconds(20), Duration.ofSeconds(10));
        world.router.keepCallsIn(store);
        world.callArrives("c1", SUPPORT);
        world.callArrives("c2", SUPPORT);

        store.writes.get(0).completeExceptionally(new IllegalStateException("split brain protection"));
        store.writes.get(1).complete(null);

        assertThat(world.journal).filteredOn(JournalEntry.Entered.class::isInstance)
                .extracting(e -> ((JournalEntry.Entered) e).call().value()).containsExactly("c2");
    }
}
