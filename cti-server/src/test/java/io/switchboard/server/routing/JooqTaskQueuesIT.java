package io.switchboard.server.routing;

import io.switchboard.queue.selection.PreferredAgentRule;
import io.switchboard.queue.waiting.QueuedCallback;
import io.switchboard.queue.waiting.CallerAnnouncements;
import io.switchboard.queue.waiting.CallerAnnouncements.PositionAnnouncement;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.Skill;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.AgentScope;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.server.agent.JooqAgentDirectory;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.switchboard.server.queue.QueueDefinition;
import io.switchboard.server.queue.QueueDefinition.Kind;
import io.switchboard.server.queue.QueueDefinition.Reference;
import io.switchboard.server.queue.QueueRequest;
import io.switchboard.server.queue.QueueWrite;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Queues stored by the admin API and read back by the router, on a real, migrated MariaDB. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JooqTaskQueuesIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;
  private static JooqTaskQueues queues;

  @BeforeAll
  static void migratedDatabaseWithTwoBillingAgents() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("queues");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
    queues = new JooqTaskQueues(database, CLOCK);
    JooqAgentDirectory agents = new JooqAgentDirectory(database, CLOCK);
    for (String id : List.of("ada", "bob")) {
      await(agents.create(new Agent(AgentId.of(id), id, List.of(Skill.of("billing", 8), Skill.of("french", 4)),
          List.of(), Agent.VOICE_ONLY, Optional.empty())));
    }
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  private static QueueDefinition queue(JsonObject body) {
    return ((QueueRequest.Valid) QueueRequest.create(body)).queue();
  }

  private static JsonObject configured(String id) {
    return new JsonObject().put("id", id).put("name", "Billing " + id).put("strategy", "ring-progressively")
        .put("requiredSkills", new JsonArray().add(new JsonObject().put("skill", "billing").put("minimumLevel", 5)))
        .put("wrapUpSeconds", 30).put("maxLength", 20).put("maxWaitSeconds", 600)
        .put("reservationTimeoutSeconds", 12).put("serviceLevelSeconds", 30).put("serviceLevelTargetPercent", 90)
        .put("ringIntervalSeconds", 4).put("agentScope", "any")
        .put("memberOrder", new JsonArray().add("bob").add("ada")).put("members", new JsonArray().add("ada").add("bob"))
        .put("workflow", new JsonArray()
            .add(new JsonObject().put("timeoutSeconds", 30).put("priority", 1).put("skipWhenNoneAvailable", true)
                .put("target", new JsonObject()
                    .put("minimumSkills", new JsonArray().add(new JsonObject().put("skill", "french").put("minimumLevel", 3)))
                    .put("agents", new JsonArray().add("ada").add("bob"))))
            .add(new JsonObject().put("priority", 2)));
  }

  @Test
  void the_router_gets_the_strategy_workflow_member_order_and_ring_interval_the_api_stored() {
    QueueDefinition billing = queue(configured("billing"));

    assertThat(await(queues.create(billing))).isEqualTo(new QueueWrite.Saved(QueueId.of("billing")));

    QueueSetup setup = await(queues.setup(QueueId.of("billing"))).orElseThrow();
    assertThat(setup).isEqualTo(billing.setup());
    assertThat(setup.agentScope()).as("V24's agent_scope").isEqualTo(AgentScope.ANY);
    assertThat(setup.queue().strategy()).isEqualTo(RoutingStrategy.RING_PROGRESSIVELY);
    assertThat(setup.workflow().steps()).hasSize(2);
    assertThat(await(queues.find(QueueId.of("billing")))).contains(billing.setup().queue());
    assertThat(await(queues.definition(QueueId.of("billing")))).hasValueSatisfying(read -> {
      assertThat(read.serviceLevelSeconds()).isEqualTo(30);
      assertThat(read.serviceLevelTargetPercent()).isEqualTo(90);
      assertThat(read.members()).containsExactly(AgentId.of("ada"), AgentId.of("bob"));
    });
  }

  @Test
  void the_announcements_to_waiting_callers_are_stored_read_back_and_replaced() {
    JsonObject body = configured("announcing").put("announcements", new JsonObject().put("frequencySeconds", 45)
        .put("position", "more").put("positionLimit", 3).put("estimatedWait", "once").put("roundSeconds", 15));
    QueueDefinition announcing = queue(body);
    await(queues.create(announcing));

    assertThat(await(queues.setup(QueueId.of("announcing")))).contains(announcing.setup());
    assertThat(announcing.setup().announcements().position()).isEqualTo(PositionAnnouncement.MORE);

    await(queues.replace(queue(configured("announcing"))));

    assertThat(await(queues.setup(QueueId.of("announcing")))).hasValueSatisfying(
        setup -> assertThat(setup.announcements()).isEqualTo(CallerAnnouncements.OFF));
  }

  @Test
  void the_preferred_agent_rule_is_stored_read_back_and_replaced() {
    QueueDefinition preferring = queue(configured("preferring").put("preferredAgent",
        new JsonObject().put("lastAgent", true).put("timeoutSeconds", 45).put("accountOwner", true)
            .put("accountOwnerWaitMillis", 600)));
    await(queues.create(preferring));

    assertThat(await(queues.setup(QueueId.of("preferring")))).hasValueSatisfying(setup -> assertThat(
        setup.preferredAgent()).isEqualTo(new PreferredAgentRule(true, Duration.ofSeconds(45), true,
            Duration.ofMillis(600))));

    await(queues.replace(queue(configured("preferring"))));

    assertThat(await(queues.setup(QueueId.of("preferring")))).hasValueSatisfying(
        setup -> assertThat(setup.preferredAgent()).isEqualTo(PreferredAgentRule.OFF));
  }

  @Test
  void the_callback_settings_are_stored_read_back_and_replaced() {
    QueueDefinition calling = queue(configured("calling").put("callback", new JsonObject().put("enabled", true)
        .put("digit", "*").put("offerAfterSeconds", 60).put("offerAboveSeconds", 90).put("attempts", 5)
        .put("ringTimeSeconds", 20).put("retryDelaySeconds", 0)));
    await(queues.create(calling));

    assertThat(await(queues.setup(QueueId.of("calling")))).hasValueSatisfying(setup -> assertThat(setup.callback())
        .isEqualTo(new QueuedCallback(true, '*', Duration.ofSeconds(60), Duration.ofSeconds(90), 5,
            Duration.ofSeconds(20), Duration.ZERO)));

    await(queues.replace(queue(configured("calling"))));

    assertThat(await(queues.setup(QueueId.of("calling")))).hasValueSatisfying(
        setup -> assertThat(setup.callback()).isEqualTo(QueuedCallback.OFF));
  }

  @Test
  void a_queue_without_steps_reads_back_with_one_open_ended_step_over_its_members() {
    await(queues.create(queue(new JsonObject().put("id", "plain"))));

    QueueSetup setup = await(queues.setup(QueueId.of("plain"))).orElseThrow();

    assertThat(setup).isEqualTo(QueueSetup.of(TaskQueue.of(QueueId.of("plain"), "plain", RoutingStrategy.LONGEST_IDLE)));
  }

  @Test
  void queue_rules_round_trip_an_unknown_overflow_queue_is_named_and_a_target_queue_is_not_deleted() {
    await(queues.create(queue(new JsonObject().put("id", "rules-target"))));
    JsonObject rules = new JsonObject().put("id", "rules-source").put("maxWaitSeconds", 60)
        .put("joinWhenEmpty", new JsonArray().add("paused").add("unavailable"))
        .put("leaveWhenEmpty", new JsonArray().add("wrap-up")).put("leaveWhenEmptyAfterSeconds", 45)
        .put("exits", new JsonObject()
            .put("timeout", new JsonObject().put("action", "overflow").put("queue", "rules-target"))
            .put("leaveempty", new JsonObject().put("action", "extension").put("context", "voicemail")
                .put("extension", "8001")));
    QueueDefinition source = queue(rules);

    assertThat(await(queues.create(source))).isEqualTo(new QueueWrite.Saved(QueueId.of("rules-source")));
    assertThat(await(queues.setup(QueueId.of("rules-source")))).contains(source.setup());
    assertThat(await(queues.delete(QueueId.of("rules-target")))).isInstanceOf(QueueWrite.InUse.class);

    JsonObject nowhere = rules.copy().put("id", "rules-nowhere");
    nowhere.getJsonObject("exits").getJsonObject("timeout").put("queue", "nowhere");
    assertThat(await(queues.create(queue(nowhere)))).isEqualTo(new QueueWrite.UnknownReference(
        new Reference(Kind.QUEUE, "exits.timeout.queue", "nowhere")));
    assertThat(await(queues.definition(QueueId.of("rules-nowhere")))).isEmpty();
    assertThat(await(queues.delete(QueueId.of("rules-source")))).isEqualTo(new QueueWrite.Saved(QueueId.of("rules-source")));
    assertThat(await(queues.delete(QueueId.of("rules-target")))).isEqualTo(new QueueWrite.Saved(QueueId.of("rules-target")));
  }

  @Test
  void an_exit_that_calls_back_round_trips() {
    QueueDefinition callingBack = queue(new JsonObject().put("id", "calling-back").put("maxWaitSeconds", 300)
        .put("leaveWhenEmpty", new JsonArray().add("paused"))
        .put("exits", new JsonObject().put("timeout", new JsonObject().put("action", "callback"))
            .put("leaveempty", new JsonObject().put("action", "callback"))));

    assertThat(await(queues.create(callingBack))).isEqualTo(new QueueWrite.Saved(QueueId.of("calling-back")));
    assertThat(await(queues.setup(QueueId.of("calling-back")))).contains(callingBack.setup());
    assertThat(callingBack.setup().rules().exitFor(io.switchboard.queue.selection.ExitReason.TIMEOUT))
        .isEqualTo(io.switchboard.queue.selection.QueueExit.CALL_BACK);
  }

  @Test
  void a_second_queue_with_the_same_id_is_refused_and_the_first_left_alone() {
    QueueDefinition first = queue(configured("dup"));
    await(queues.create(first));

    assertThat(await(queues.create(queue(new JsonObject().put("id", "dup").put("strategy", "linear")))))
        .isEqualTo(new QueueWrite.AlreadyExists(QueueId.of("dup")));
    assertThat(await(queues.setup(QueueId.of("dup")))).contains(first.setup());
  }

  @Test
  void an_unknown_skill_or_agent_is_named_and_nothing_is_stored() {
    JsonObject unknownSkill = configured("typo-skill");
    unknownSkill.getJsonArray("workflow").getJsonObject(0).getJsonObject("target")
        .put("minimumSkills", new JsonArray().add(new JsonObject().put("skill", "frnech").put("minimumLevel", 3)));

    assertThat(await(queues.create(queue(unknownSkill)))).isEqualTo(new QueueWrite.UnknownReference(
        new Reference(Kind.SKILL, "workflow[0].target.minimumSkills[0].skill", "frnech")));
    assertThat(await(queues.definition(QueueId.of("typo-skill")))).isEmpty();

    assertThat(await(queues.create(queue(configured("typo-agent").put("memberOrder", new JsonArray().add("zed"))))))
        .isEqualTo(new QueueWrite.UnknownReference(new Reference(Kind.AGENT, "memberOrder[0]", "zed")));
    assertThat(await(queues.definition(QueueId.of("typo-agent")))).isEmpty();
  }

  @Test
  void a_replacement_rewrites_every_setting_and_a_rejected_one_changes_nothing() {
    await(queues.create(queue(configured("support"))));
    QueueDefinition linear = ((QueueRequest.Valid) QueueRequest.replace("support",
        new JsonObject().put("strategy", "linear").put("memberOrder", new JsonArray().add("ada")))).queue();

    assertThat(await(queues.replace(linear))).isEqualTo(new QueueWrite.Saved(QueueId.of("support")));
    assertThat(await(queues.setup(QueueId.of("support")))).contains(linear.setup());

    QueueDefinition broken = ((QueueRequest.Valid) QueueRequest.replace("support", configured("support")
        .put("members", new JsonArray().add("ghost")))).queue();
    assertThat(await(queues.replace(broken))).isInstanceOf(QueueWrite.UnknownReference.class);
    assertThat(await(queues.setup(QueueId.of("support")))).contains(linear.setup());
    assertThat(await(queues.replace(queue(new JsonObject().put("id", "nowhere")))))
        .isEqualTo(new QueueWrite.NotFound(QueueId.of("nowhere")));
  }

  @Test
  void a_queue_with_members_is_not_deleted_and_one_without_is() {
    await(queues.create(queue(configured("busy"))));
    await(queues.create(queue(new JsonObject().put("id", "empty").put("workflow", configured("x").getJsonArray("workflow")))));

    assertThat(await(queues.delete(QueueId.of("busy"))))
        .isEqualTo(new QueueWrite.InUse(QueueId.of("busy"), "agents are still members: ada, bob"));
    assertThat(await(queues.delete(QueueId.of("empty")))).isEqualTo(new QueueWrite.Saved(QueueId.of("empty")));
    assertThat(await(queues.definition(QueueId.of("empty")))).isEmpty();
    assertThat(await(queues.delete(QueueId.of("empty")))).isEqualTo(new QueueWrite.NotFound(QueueId.of("empty")));
  }

  private static <T> T await(Future<T> future) {
    return await(future.toCompletionStage());
  }

  private static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
