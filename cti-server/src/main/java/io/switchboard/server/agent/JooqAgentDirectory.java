package io.switchboard.server.agent;

import static io.switchboard.server.persistence.jooq.Tables.AGENTS;
import static io.switchboard.server.persistence.jooq.Tables.AGENT_SKILLS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_MEMBERS;
import static io.switchboard.server.persistence.jooq.Tables.SKILLS;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.QueueMembership;
import io.switchboard.core.agent.Skill;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.jooq.tables.records.AgentsRecord;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * The agent directory on the {@code agents}, {@code skills}, {@code agent_skills} and {@code queue_members}
 * tables. Every query runs on the database worker pool. Capacity is not stored yet: every agent holds one
 * voice call ({@link Agent#VOICE_ONLY}).
 */
public final class JooqAgentDirectory implements AgentRegistry {

  private final Database database;
  private final Clock clock;

  public JooqAgentDirectory(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public Future<List<Agent>> list() {
    return database.query(dsl -> load(dsl, dsl.selectFrom(AGENTS).orderBy(AGENTS.ID).fetch()));
  }

  @Override
  public CompletionStage<Optional<Agent>> find(AgentId id) {
    return database.query(dsl -> load(dsl, dsl.selectFrom(AGENTS).where(AGENTS.ID.eq(id.value())).fetch())
        .stream().findFirst()).toCompletionStage();
  }

  @Override
  public CompletionStage<List<Agent>> membersOf(QueueId queue) {
    return database.query(dsl -> load(dsl, dsl.selectFrom(AGENTS)
        .where(AGENTS.ID.in(dsl.select(QUEUE_MEMBERS.AGENT_ID).from(QUEUE_MEMBERS)
            .where(QUEUE_MEMBERS.QUEUE_ID.eq(queue.value()))))
        .orderBy(AGENTS.ID).fetch())).toCompletionStage();
  }

  @Override
  public Future<CreateOutcome> create(Agent agent) {
    return database.query(dsl -> {
      try {
        return dsl.transactionResult(tx -> insert(tx.dsl(), agent));
      } catch (IntegrityConstraintViolationException e) {
        return new CreateOutcome.AlreadyExists(agent.id());
      }
    });
  }

  private CreateOutcome insert(DSLContext dsl, Agent agent) {
    if (dsl.fetchExists(AGENTS, AGENTS.ID.eq(agent.id().value()))) {
      return new CreateOutcome.AlreadyExists(agent.id());
    }
    Instant now = clock.instant();
    dsl.insertInto(AGENTS)
        .set(AGENTS.ID, agent.id().value())
        .set(AGENTS.DISPLAY_NAME, agent.displayName())
        .set(AGENTS.DEVICE, agent.device().orElse(null))
        .set(AGENTS.CREATED_AT, now)
        .set(AGENTS.UPDATED_AT, now)
        .execute();
    for (Skill skill : agent.skills()) {
      dsl.insertInto(SKILLS).set(SKILLS.ID, skill.name()).onDuplicateKeyIgnore().execute();
      dsl.insertInto(AGENT_SKILLS)
          .set(AGENT_SKILLS.AGENT_ID, agent.id().value())
          .set(AGENT_SKILLS.SKILL_ID, skill.name())
          .set(AGENT_SKILLS.PROFICIENCY, (byte) skill.proficiency())
          .execute();
    }
    for (QueueMembership membership : agent.memberships()) {
      dsl.insertInto(QUEUE_MEMBERS)
          .set(QUEUE_MEMBERS.QUEUE_ID, membership.queue().value())
          .set(QUEUE_MEMBERS.AGENT_ID, agent.id().value())
          .set(QUEUE_MEMBERS.PENALTY, membership.penalty())
          .execute();
    }
    return new CreateOutcome.Created(agent);
  }

  /** Agents for these rows, with their skills and memberships: three queries, whatever the count. */
  private static List<Agent> load(DSLContext dsl, Collection<AgentsRecord> rows) {
    List<String> ids = rows.stream().map(AgentsRecord::getId).toList();
    Map<String, List<Skill>> skills = new HashMap<>();
    dsl.select(AGENT_SKILLS.AGENT_ID, AGENT_SKILLS.SKILL_ID, AGENT_SKILLS.PROFICIENCY).from(AGENT_SKILLS)
        .where(AGENT_SKILLS.AGENT_ID.in(ids)).orderBy(AGENT_SKILLS.SKILL_ID)
        .forEach(r -> skills.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(Skill.of(r.value2(), r.value3())));
    Map<String, List<QueueMembership>> memberships = new HashMap<>();
    dsl.select(QUEUE_MEMBERS.AGENT_ID, QUEUE_MEMBERS.QUEUE_ID, QUEUE_MEMBERS.PENALTY).from(QUEUE_MEMBERS)
        .where(QUEUE_MEMBERS.AGENT_ID.in(ids)).orderBy(QUEUE_MEMBERS.QUEUE_ID)
        .forEach(r -> memberships.computeIfAbsent(r.value1(), k -> new ArrayList<>())
            .add(new QueueMembership(QueueId.of(r.value2()), r.value3())));
    return rows.stream().map(row -> new Agent(AgentId.of(row.getId()), row.getDisplayName(),
        skills.getOrDefault(row.getId(), List.of()), memberships.getOrDefault(row.getId(), List.of()),
        Agent.VOICE_ONLY, Optional.ofNullable(row.getDevice()))).toList();
  }
}
