package io.switchboard.server.routing;

import static io.switchboard.server.persistence.jooq.Tables.AGENTS;
import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGNS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUES;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_MEMBERS;
import static io.switchboard.server.persistence.jooq.Tables.SKILLS;

import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.routing.TaskQueues;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.queue.QueueCatalogue;
import io.switchboard.server.queue.QueueDefinition;
import io.switchboard.server.queue.QueueDefinition.Kind;
import io.switchboard.server.queue.QueueDefinition.Reference;
import io.switchboard.server.queue.QueueWrite;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues on the {@code queues} table and the V3 tables of their skills, workflow steps and member order: the
 * router's {@link TaskQueues} port and the admin API's {@link QueueCatalogue}. A queue without stored steps
 * has {@link QueueSetup#of}'s single open-ended step. Skills are checked against the {@code skills} catalogue,
 * which creating an agent fills. Every query runs on the database worker pool; every write is one transaction.
 */
public final class JooqTaskQueues implements TaskQueues, QueueCatalogue {

  private static final Logger LOG = LoggerFactory.getLogger(JooqTaskQueues.class);

  private final Database database;
  private final Clock clock;

  public JooqTaskQueues(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Optional<TaskQueue>> find(QueueId id) {
    return setup(id).thenApply(found -> found.map(QueueSetup::queue));
  }

  @Override
  public CompletionStage<Optional<QueueSetup>> setup(QueueId id) {
    return definition(id).map(found -> found.map(QueueDefinition::setup)).toCompletionStage();
  }

  @Override
  public Future<List<QueueDefinition>> definitions() {
    return database.query(dsl -> dsl.selectFrom(QUEUES).orderBy(QUEUES.ID).fetch()
        .map(row -> QueueRows.read(dsl, row)));
  }

  @Override
  public Future<Optional<QueueDefinition>> definition(QueueId id) {
    return database.query(dsl -> dsl.selectFrom(QUEUES).where(QUEUES.ID.eq(id.value())).fetchOptional()
        .map(row -> QueueRows.read(dsl, row)));
  }

  @Override
  public Future<QueueWrite> create(QueueDefinition queue) {
    return write(queue, true);
  }

  @Override
  public Future<QueueWrite> replace(QueueDefinition queue) {
    return write(queue, false);
  }

  private Future<QueueWrite> write(QueueDefinition queue, boolean insert) {
    return database.query(dsl -> {
      try {
        return dsl.transactionResult(tx -> checkAndWrite(tx.dsl(), queue, insert));
      } catch (IntegrityConstraintViolationException e) {
        // a race since the checks (the same id created, a named agent deleted): checked again, it is named
        LOG.info("event=queue-write-retried queueId={} cause={}", queue.id().value(), e.getMessage());
        return dsl.transactionResult(tx -> checkAndWrite(tx.dsl(), queue, insert));
      }
    });
  }

  private QueueWrite checkAndWrite(DSLContext dsl, QueueDefinition queue, boolean insert) {
    boolean exists = dsl.fetchExists(QUEUES, QUEUES.ID.eq(queue.id().value()));
    if (insert && exists) {
      return new QueueWrite.AlreadyExists(queue.id());
    }
    if (!insert && !exists) {
      return new QueueWrite.NotFound(queue.id());
    }
    Optional<Reference> unknown = firstUnknown(dsl, queue.references());
    if (unknown.isPresent()) {
      return new QueueWrite.UnknownReference(unknown.get());
    }
    QueueRows.write(dsl, queue, clock.instant(), insert);
    return new QueueWrite.Saved(queue.id());
  }

  @Override
  public Future<QueueWrite> delete(QueueId id) {
    return database.query(dsl -> dsl.transactionResult(tx -> {
      DSLContext db = tx.dsl();
      if (!db.fetchExists(QUEUES, QUEUES.ID.eq(id.value()))) {
        return new QueueWrite.NotFound(id);
      }
      List<String> members = db.select(QUEUE_MEMBERS.AGENT_ID).from(QUEUE_MEMBERS)
          .where(QUEUE_MEMBERS.QUEUE_ID.eq(id.value())).orderBy(QUEUE_MEMBERS.AGENT_ID).fetch(r -> r.value1());
      if (!members.isEmpty()) {
        return new QueueWrite.InUse(id, "agents are still members: " + String.join(", ", members));
      }
      if (db.fetchExists(CAMPAIGNS, CAMPAIGNS.QUEUE_ID.eq(id.value()))) {
        return new QueueWrite.InUse(id, "a campaign dials into it");
      }
      List<String> overflowing = QueueRows.overflowingTo(db, id);
      if (!overflowing.isEmpty()) {
        return new QueueWrite.InUse(id, "queues overflow to it: " + String.join(", ", overflowing));
      }
      db.deleteFrom(QUEUES).where(QUEUES.ID.eq(id.value())).execute();
      return new QueueWrite.Saved(id);
    }));
  }

  private static Optional<Reference> firstUnknown(DSLContext dsl, List<Reference> references) {
    Set<String> skills = new HashSet<>(dsl.select(SKILLS.ID).from(SKILLS).where(SKILLS.ID.in(
        references.stream().filter(r -> r.kind() == Kind.SKILL).map(Reference::value).toList())).fetch(r -> r.value1()));
    Set<String> agents = new HashSet<>(dsl.select(AGENTS.ID).from(AGENTS).where(AGENTS.ID.in(
        references.stream().filter(r -> r.kind() == Kind.AGENT).map(Reference::value).toList())).fetch(r -> r.value1()));
    Set<String> queues = new HashSet<>(dsl.select(QUEUES.ID).from(QUEUES).where(QUEUES.ID.in(
        references.stream().filter(r -> r.kind() == Kind.QUEUE).map(Reference::value).toList())).fetch(r -> r.value1()));
    return references.stream()
        .filter(r -> !(r.kind() == Kind.SKILL ? skills : r.kind() == Kind.AGENT ? agents : queues).contains(r.value()))
        .findFirst();
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
}
