package io.switchboard.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** Group commit: order kept, one transaction for what queued up, a failed batch retried write by write. */
class OrderedWritesTest {

  /** Transactions answered by the test, recording which writes (by name) each one held. */
  private static final class Recorded implements OrderedWrites.Transactions {
    final List<List<String>> transactions = new ArrayList<>();
    final List<Promise<Void>> answers = new ArrayList<>();

    @Override
    public Future<Void> run(List<Consumer<DSLContext>> writes) {
      List<String> names = new ArrayList<>();
      writes.forEach(write -> write.accept(null)); // each write adds its name through the list below
      names.addAll(Named.ran);
      Named.ran.clear();
      transactions.add(names);
      Promise<Void> answer = Promise.promise();
      answers.add(answer);
      return answer.future();
    }

    void answer(int transaction, boolean ok) {
      if (ok) {
        answers.get(transaction).complete();
      } else {
        answers.get(transaction).fail(new IllegalStateException("refused"));
      }
    }
  }

  private static final class Named {
    static final List<String> ran = new ArrayList<>();

    static Consumer<DSLContext> write(String name) {
      return dsl -> ran.add(name);
    }
  }

  @Test
  void writes_asked_for_while_a_transaction_runs_go_together_into_the_next_in_order() {
    Recorded db = new Recorded();
    OrderedWrites writes = new OrderedWrites(db);
    CompletionStage<Void> a = writes.run(Named.write("a"));
    CompletionStage<Void> b = writes.run(Named.write("b"));
    CompletionStage<Void> c = writes.run(Named.write("c"));

    assertThat(db.transactions).containsExactly(List.of("a"));
    db.answer(0, true);
    assertThat(db.transactions).containsExactly(List.of("a"), List.of("b", "c"));
    assertThat(a.toCompletableFuture()).isCompleted();
    assertThat(b.toCompletableFuture()).isNotDone();

    db.answer(1, true);
    assertThat(b.toCompletableFuture()).isCompleted();
    assertThat(c.toCompletableFuture()).isCompleted();
    writes.run(Named.write("d"));
    assertThat(db.transactions).as("idle again: the next write starts at once").hasSize(3);
  }

  @Test
  void a_failed_batch_is_run_again_write_by_write_so_that_only_the_bad_write_fails() {
    Recorded db = new Recorded();
    OrderedWrites writes = new OrderedWrites(db);
    writes.run(Named.write("a"));
    CompletionStage<Void> b = writes.run(Named.write("b"));
    CompletionStage<Void> bad = writes.run(Named.write("bad"));
    CompletionStage<Void> c = writes.run(Named.write("c"));
    db.answer(0, true);
    CompletionStage<Void> d = writes.run(Named.write("d")); // asked for while the batch runs

    db.answer(1, false);
    assertThat(db.transactions).containsExactly(List.of("a"), List.of("b", "bad", "c"), List.of("b"));
    db.answer(2, true);
    db.answer(3, false);
    db.answer(4, true);
    assertThat(db.transactions.subList(3, 6)).containsExactly(List.of("bad"), List.of("c"), List.of("d"));
    db.answer(5, true);

    assertThat(b.toCompletableFuture()).isCompleted();
    assertThat(bad.toCompletableFuture()).isCompletedExceptionally();
    assertThat(c.toCompletableFuture()).isCompleted();
    assertThat(d.toCompletableFuture()).isCompleted();
  }

  @Test
  void a_write_that_fails_alone_fails_and_the_next_still_runs() {
    Recorded db = new Recorded();
    OrderedWrites writes = new OrderedWrites(db);
    CompletionStage<Void> a = writes.run(Named.write("a"));
    CompletionStage<Void> b = writes.run(Named.write("b"));
    db.answer(0, false);
    db.answer(1, true);

    assertThat(a.toCompletableFuture()).isCompletedExceptionally();
    assertThat(b.toCompletableFuture()).isCompleted();
    assertThat(db.transactions).containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void a_transaction_holds_at_most_max_batch_writes() {
    Recorded db = new Recorded();
    OrderedWrites writes = new OrderedWrites(db);
    for (int i = 0; i <= OrderedWrites.MAX_BATCH + 1; i++) {
      writes.run(Named.write("w" + i));
    }
    db.answer(0, true);
    db.answer(1, true);

    assertThat(db.transactions.get(1)).hasSize(OrderedWrites.MAX_BATCH).startsWith("w1");
    assertThat(db.transactions.get(2)).containsExactly("w" + (OrderedWrites.MAX_BATCH + 1));
  }
}
