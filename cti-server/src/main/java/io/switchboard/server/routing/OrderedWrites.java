package io.switchboard.server.routing;

import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Database writes that must land in the order they were asked for (a call's row before its legs and
 * queue_log rows), on the database worker pool, one transaction at a time. The writes asked for while a
 * transaction runs go together into the next one (at most {@value #MAX_BATCH}), in order: at 200 calls/s that
 * is a few writes per transaction instead of one, and jOOQ's and the driver's cost per transaction (its
 * settings copied, a commit) is paid once for them. If that transaction fails, its writes are run again one by
 * one, each in its own transaction as before, so a failed write fails only its own stage and the next one still
 * runs; a write that fails alone fails as it always did (the journal logs it).
 */
final class OrderedWrites {

  static final int MAX_BATCH = 64;

  /** Runs writes in one transaction, in order, on the database's worker pool. */
  @FunctionalInterface
  interface Transactions {
    Future<Void> run(List<Consumer<DSLContext>> writes);
  }

  private record Pending(Consumer<DSLContext> write, Promise<Void> done) {
  }

  private final Transactions transactions;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private boolean writing;

  OrderedWrites(Database database) {
    this(writes -> database.query(dsl -> {
      dsl.transaction(tx -> writes.forEach(write -> write.accept(tx.dsl())));
      return null;
    }));
  }

  OrderedWrites(Transactions transactions) {
    this.transactions = transactions;
  }

  /** Runs {@code write} in a transaction after every write asked for before it. */
  CompletionStage<Void> run(Consumer<DSLContext> write) {
    Promise<Void> done = Promise.promise();
    boolean start;
    synchronized (this) {
      pending.add(new Pending(write, done));
      start = !writing;
      writing = true;
    }
    if (start) {
      next();
    }
    return done.future().toCompletionStage();
  }

  private void next() {
    List<Pending> batch = new ArrayList<>();
    synchronized (this) {
      while (!pending.isEmpty() && batch.size() < MAX_BATCH) {
        batch.add(pending.poll());
      }
      if (batch.isEmpty()) {
        writing = false;
        return;
      }
    }
    transactions.run(batch.stream().map(Pending::write).toList()).onComplete(result -> {
      if (result.succeeded()) {
        batch.forEach(p -> p.done().complete());
        next();
      } else if (batch.size() == 1) {
        batch.get(0).done().fail(result.cause());
        next();
      } else {
        oneByOne(batch, 0);
      }
    });
  }

  /** After a batch failed: each of its writes alone, in order, then the writes asked for since. */
  private void oneByOne(List<Pending> batch, int index) {
    if (index == batch.size()) {
      next();
      return;
    }
    Pending write = batch.get(index);
    transactions.run(List.of(write.write())).onComplete(result -> {
      if (result.succeeded()) {
        write.done().complete();
      } else {
        write.done().fail(result.cause());
      }
      oneByOne(batch, index + 1);
    });
  }
}
