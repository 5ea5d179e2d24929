package io.switchboard.server.routing;

import static io.switchboard.server.persistence.jooq.Tables.QUEUES;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_MEMBERS;

import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.routing.TaskQueues;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.jooq.tables.records.QueuesRecord;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues on the {@code queues} and {@code queue_members} tables. This first router reads only the ring
 * timeout and the wrap-up time; every other rule keeps its default. Queries run on the database worker pool.
 */
public final class JooqTaskQueues implements TaskQueues {

  /** What creating a queue came to. */
  public enum Created {
    /** The queue and its members were stored. */
    CREATED,
    /** A queue with that id already exists; nothing changed. */
    ALREADY_EXISTS,
    /** A member named is not an agent; nothing changed. */
    UNKNOWN_AGENT
  }

  private static final Logger LOG = LoggerFactory.getLogger(JooqTaskQueues.class);

  private final Database database;
  private final Clock clock;

  public JooqTaskQueues(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Optional<TaskQueue>> find(QueueId id) {
    return database.query(dsl -> dsl.selectFrom(QUEUES).where(QUEUES.ID.eq(id.value())).fetchOptional()
        .map(JooqTaskQueues::toQueue)).toCompletionStage();
  }

  /** Stores a queue with {@code members} (agent ids, penalty 0) in one transaction. */
  public Future<Created> create(QueueId id, String name, int ringTimeoutSeconds, int wrapUpSeconds,
      List<String> members) {
    return database.query(dsl -> {
      try {
        return dsl.transactionResult(tx -> {
          if (tx.dsl().fetchExists(QUEUES, QUEUES.ID.eq(id.value()))) {
            return Created.ALREADY_EXISTS;
          }
          Instant now = clock.instant();
          tx.dsl().insertInto(QUEUES).set(QUEUES.ID, id.value()).set(QUEUES.DISPLAY_NAME, name)
              .set(QUEUES.STRATEGY, RoutingStrategy.LONGEST_IDLE.name().toLowerCase(Locale.ROOT))
              .set(QUEUES.RING_TIMEOUT_SECONDS, ringTimeoutSeconds).set(QUEUES.WRAP_UP_SECONDS, wrapUpSeconds)
              .set(QUEUES.CREATED_AT, now).set(QUEUES.UPDATED_AT, now).execute();
          for (String agent : members) {
            tx.dsl().insertInto(QUEUE_MEMBERS).set(QUEUE_MEMBERS.QUEUE_ID, id.value())
                .set(QUEUE_MEMBERS.AGENT_ID, agent).set(QUEUE_MEMBERS.PENALTY, 0).execute();
          }
          return Created.CREATED;
        });
      } catch (IntegrityConstraintViolationException e) {
        return Created.UNKNOWN_AGENT;
      }
    });
  }

  /**
   * The strategy a queue row names ({@code longest_idle}, {@code fewest-calls}, ...); an unknown name routes by
   * longest idle and is logged, so a typo in the table never stops calls.
   */
  static RoutingStrategy strategyOf(String stored) {
    String name = stored.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (RoutingStrategy strategy : RoutingStrategy.values()) {
      if (strategy.name().equals(name)) {
        return strategy;
      }
    }
    LOG.warn("event=queue-strategy-unknown strategy={} using=longest_idle", stored);
    return RoutingStrategy.LONGEST_IDLE;
  }

  private static TaskQueue toQueue(QueuesRecord row) {
    TaskQueue defaults = TaskQueue.of(QueueId.of(row.getId()), row.getDisplayName(), strategyOf(row.getStrategy()));
    return new TaskQueue(defaults.id(), defaults.name(), defaults.strategy(), List.of(),
        Duration.ofSeconds(row.getWrapUpSeconds()), TaskQueue.UNLIMITED_LENGTH, TaskQueue.UNLIMITED_WAIT,
        Duration.ofSeconds(row.getRingTimeoutSeconds()));
  }
}
