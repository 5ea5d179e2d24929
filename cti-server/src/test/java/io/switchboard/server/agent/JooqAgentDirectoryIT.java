package io.switchboard.server.agent;

import static io.switchboard.server.persistence.jooq.Tables.QUEUES;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.QueueMembership;
import io.switchboard.core.agent.Skill;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The core {@code AgentDirectory} port on a real, migrated MariaDB. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JooqAgentDirectoryIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;
  private static JooqAgentDirectory directory;

  @BeforeAll
  static void migratedDatabaseWithTwoQueues() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("agents");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
    directory = new JooqAgentDirectory(database, CLOCK);
    await(database.query(dsl -> {
      for (String queue : List.of("billing", "sales")) {
        dsl.insertInto(QUEUES).set(QUEUES.ID, queue).set(QUEUES.DISPLAY_NAME, queue)
            .set(QUEUES.STRATEGY, "LONGEST_IDLE").set(QUEUES.CREATED_AT, CLOCK.instant())
            .set(QUEUES.UPDATED_AT, CLOCK.instant()).execute();
      }
      return null;
    }).toCompletionStage());
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  @Test
  void an_agent_reads_back_with_skills_memberships_and_device() {
    Agent ada = new Agent(AgentId.of("ada"), "Ada", List.of(Skill.of("billing", 7), Skill.of("french", 3)),
        List.of(new QueueMembership(QueueId.of("billing"), 0), new QueueMembership(QueueId.of("sales"), 2)),
        Agent.VOICE_ONLY, Optional.of("PJSIP/1001"));

    assertThat(await(directory.create(ada).toCompletionStage())).isEqualTo(new CreateOutcome.Created(ada));

    assertThat(await(directory.find(AgentId.of("ada")))).contains(ada);
    assertThat(await(directory.find(AgentId.of("nobody")))).isEmpty();
  }

  @Test
  void the_members_of_a_queue_are_those_with_a_membership_and_no_one_else() {
    Agent bo = new Agent(AgentId.of("bo"), "Bo", List.of(), List.of(new QueueMembership(QueueId.of("sales"), 1)),
        Agent.VOICE_ONLY, Optional.empty());
    Agent cy = new Agent(AgentId.of("cy"), "Cy", List.of(), List.of(), Agent.VOICE_ONLY, Optional.empty());
    await(directory.create(bo).toCompletionStage());
    await(directory.create(cy).toCompletionStage());

    assertThat(await(directory.membersOf(QueueId.of("sales")))).extracting(Agent::id)
        .contains(AgentId.of("bo")).doesNotContain(AgentId.of("cy"));
  }

  @Test
  void a_second_agent_with_the_same_id_is_refused_and_the_first_left_alone() {
    Agent first = new Agent(AgentId.of("dup"), "First", List.of(), List.of(), Agent.VOICE_ONLY, Optional.empty());
    Agent second = new Agent(AgentId.of("dup"), "Second", List.of(Skill.of("billing", 9)), List.of(),
        Agent.VOICE_ONLY, Optional.empty());
    await(directory.create(first).toCompletionStage());

    assertThat(await(directory.create(second).toCompletionStage()))
        .isEqualTo(new CreateOutcome.AlreadyExists(AgentId.of("dup")));
    assertThat(await(directory.find(AgentId.of("dup")))).contains(first);
  }

  private static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
