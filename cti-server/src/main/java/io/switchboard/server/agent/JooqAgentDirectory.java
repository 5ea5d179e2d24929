package io.switchboard.server.agent;

import static io.switchboard.server.persistence.jooq.Tables.AGENTS;
import static io.switchboard.server.persistence.jooq.Tables.AGENT_SKILLS;
import static io.switchboard.server.persistence.jooq.Tables.SKILLS;

import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.jooq.tables.records.AgentsRecord;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.exception.IntegrityConstraintViolationException;

/** {@link AgentDirectory} on the {@code agents}, {@code skills} and {@code agent_skills} tables. */
public final class JooqAgentDirectory implements AgentDirectory {

  private final Database database;
  private final Clock clock;

  public JooqAgentDirectory(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public Future<List<Agent>> list() {
    return database.query(dsl -> {
      Result<AgentsRecord> agents = dsl.selectFrom(AGENTS).orderBy(AGENTS.ID).fetch();
      Map<String, List<Skill>> skills = skillsOf(dsl, null);
      return agents.stream().map(a -> toAgent(a, skills.getOrDefault(a.getId(), List.of()))).toList();
    });
  }

  @Override
  public Future<Optional<Agent>> find(String id) {
    return database.query(dsl -> dsl.selectFrom(AGENTS).where(AGENTS.ID.eq(id)).fetchOptional()
        .map(a -> toAgent(a, skillsOf(dsl, id).getOrDefault(id, List.of()))));
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
    if (dsl.fetchExists(AGENTS, AGENTS.ID.eq(agent.id()))) {
      return new CreateOutcome.AlreadyExists(agent.id());
    }
    Instant now = clock.instant();
    dsl.insertInto(AGENTS)
        .set(AGENTS.ID, agent.id())
        .set(AGENTS.DISPLAY_NAME, agent.displayName())
        .set(AGENTS.DEVICE, agent.device())
        .set(AGENTS.ENABLED, agent.enabled())
        .set(AGENTS.CREATED_AT, now)
        .set(AGENTS.UPDATED_AT, now)
        .execute();
    for (Skill skill : agent.skills()) {
      dsl.insertInto(SKILLS).set(SKILLS.ID, skill.skill()).onDuplicateKeyIgnore().execute();
      dsl.insertInto(AGENT_SKILLS)
          .set(AGENT_SKILLS.AGENT_ID, agent.id())
          .set(AGENT_SKILLS.SKILL_ID, skill.skill())
          .set(AGENT_SKILLS.PROFICIENCY, (byte) skill.proficiency())
          .execute();
    }
    return new CreateOutcome.Created(agent);
  }

  private static Map<String, List<Skill>> skillsOf(DSLContext dsl, String agentId) {
    var query = dsl.select(AGENT_SKILLS.AGENT_ID, AGENT_SKILLS.SKILL_ID, AGENT_SKILLS.PROFICIENCY).from(AGENT_SKILLS);
    List<Record3<String, String, Byte>> rows = agentId == null
        ? query.orderBy(AGENT_SKILLS.SKILL_ID).fetch()
        : query.where(AGENT_SKILLS.AGENT_ID.eq(agentId)).orderBy(AGENT_SKILLS.SKILL_ID).fetch();
    Map<String, List<Skill>> byAgent = new LinkedHashMap<>();
    for (Record3<String, String, Byte> row : rows) {
      byAgent.computeIfAbsent(row.value1(), k -> new ArrayList<>()).add(new Skill(row.value2(), row.value3()));
    }
    return byAgent;
  }

  private static Agent toAgent(AgentsRecord row, List<Skill> skills) {
    return new Agent(row.getId(), row.getDisplayName(), row.getDevice(), Boolean.TRUE.equals(row.getEnabled()), skills);
  }
}
