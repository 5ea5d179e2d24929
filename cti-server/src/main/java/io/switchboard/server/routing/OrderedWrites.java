package io.switchboard.server.routing;

import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Database writes that must land in the order they were asked for (a call's row before its legs and
 * queue_log rows), each in its own transaction on the database worker pool. A failed write fails only its
 * own stage; the next one still runs.
 */
final class OrderedWrites {

  private final Database database;
  private Future<Void> tail = Future.succeededFuture();

  OrderedWrites(Database database) {
    this.database = database;
  }

  /** Runs {@code write} in a transaction after every write asked for before it. */
  synchronized CompletionStage<Void> run(Consumer<DSLContext> write) {
    Future<Void> written = tail.transform(previous -> database.query(dsl -> {
      dsl.transaction(tx -> write.accept(tx.dsl()));
      return null;
    }));
    tail = written.otherwiseEmpty();
    return written.toCompletionStage();
  }
}
