package io.switchboard.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.queue.dialer.DialResult;
import io.switchboard.queue.dialer.DueLead;
import io.switchboard.queue.dialer.ZoneSource;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.switchboard.server.queue.QueueRequest;
import io.switchboard.server.routing.JooqTaskQueues;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Leads taken, given back, finished and disposed on a real, migrated MariaDB. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JooqLeadQueueIT {

  private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;
  private static JooqCampaigns campaigns;
  private static JooqCampaignLeads leads;
  private static JooqLeadQueue queue;

  @BeforeAll
  static void migratedDatabaseWithASalesQueue() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("leads");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    await(new JooqTaskQueues(database, clock).create(((QueueRequest.Valid) QueueRequest.create(
        new JsonObject().put("id", "sales"))).queue()));
    campaigns = new JooqCampaigns(database, clock);
    leads = new JooqCampaignLeads(database, clock);
    queue = new JooqLeadQueue(database);
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  private static CampaignId campaign(String id, JsonObject extra) {
    JsonObject body = new JsonObject().put("id", id).put("mode", "progressive").put("queue", "sales").mergeIn(extra);
    assertThat(await(campaigns.create(((CampaignRequest.Valid) CampaignRequest.create(body)).campaign())))
        .isInstanceOf(CampaignWrite.Saved.class);
    return CampaignId.of(id);
  }

  private static void list(CampaignId campaign, String id, int priority, int weight, boolean active) {
    assertThat(await(leads.createList(campaign, new LeadList(id, id, priority, weight, active))))
        .isInstanceOf(CampaignWrite.Saved.class);
  }

  /** Adds a lead whose number ends in {@code suffix} (4 digits) to {@code list}. */
  private static void lead(CampaignId campaign, String list, int suffix, int priority) {
    NewLead lead = new NewLead("[0]", PhoneNumber.parse(String.format("+1415555%04d", suffix), "phone"),
        Optional.ofNullable(list), priority, Optional.of(ZoneId.of("America/Los_Angeles")), Optional.empty(),
        Optional.empty(), Optional.empty(), Map.of("name", "Lead " + suffix));
    assertThat(await(leads.add(campaign, List.of(lead)))).isInstanceOf(CampaignWrite.Saved.class);
  }

  private static List<String> numbers(List<DueLead> taken) {
    return taken.stream().map(due -> due.number().e164().substring(8)).toList();
  }

  @Test
  void leads_are_taken_by_list_priority_then_mixed_by_weight_then_by_lead_priority_and_age() {
    CampaignId c = campaign("ordered", new JsonObject());
    list(c, "ordered-vip", 10, 1, true);
    list(c, "ordered-big", 0, 3, true);
    list(c, "ordered-small", 0, 1, true);
    list(c, "ordered-off", 99, 1, false);
    lead(c, "ordered-off", 9999, 0);
    lead(c, "ordered-big", 1001, 0);
    lead(c, "ordered-big", 1002, 5);
    lead(c, "ordered-big", 1003, 0);
    lead(c, "ordered-big", 1004, 0);
    lead(c, "ordered-small", 2001, 0);
    lead(c, "ordered-small", 2002, 0);
    lead(c, "ordered-vip", 3001, 0);

    List<DueLead> taken = await(queue.take(c, 10, NOW));

    assertThat(numbers(taken)).containsExactly("3001", "1002", "1001", "2001", "1003", "1004", "2002");
    DueLead first = taken.get(0);
    assertThat(first.zone()).contains(ZoneId.of("America/Los_Angeles"));
    assertThat(first.zoneSource()).contains(ZoneSource.LEAD);
    assertThat(first.attributes()).containsEntry("name", "Lead 3001");
    assertThat(await(queue.take(c, 10, NOW))).as("claimed leads are dialing, not due").isEmpty();
  }

  @Test
  void two_nodes_taking_at_once_never_get_the_same_lead() {
    CampaignId c = campaign("contended", new JsonObject());
    list(c, "contended-a", 0, 2, true);
    list(c, "contended-b", 0, 1, true);
    IntStream.range(0, 120).forEach(i -> lead(c, i % 2 == 0 ? "contended-a" : "contended-b", 5000 + i, 0));
    JooqLeadQueue otherNode = new JooqLeadQueue(database);

    List<DueLead> all = new ArrayList<>();
    for (int round = 0; round < 12; round++) {
      CompletableFuture<List<DueLead>> one = queue.take(c, 7, NOW).toCompletableFuture();
      CompletableFuture<List<DueLead>> two = otherNode.take(c, 7, NOW).toCompletableFuture();
      all.addAll(await(one));
      all.addAll(await(two));
    }

    Set<LeadId> distinct = new HashSet<>(all.stream().map(DueLead::id).toList());
    assertThat(distinct).hasSize(all.size());
    assertThat(all).hasSizeGreaterThan(100);
  }

  @Test
  void a_finished_dial_is_recycled_by_rule_and_an_abandon_rests_72_hours() {
    CampaignId c = campaign("recycled", new JsonObject().put("maxAttempts", 2));
    lead(c, null, 4001, 3);
    lead(c, null, 4002, 2);
    lead(c, null, 4003, 1);
    List<DueLead> taken = await(queue.take(c, 3, NOW));
    assertThat(numbers(taken)).containsExactly("4001", "4002", "4003");

    await(queue.finish(taken.get(0).id(), DialResult.BUSY, NOW));
    await(queue.finish(taken.get(1).id(), DialResult.ABANDONED, NOW));
    await(queue.finish(taken.get(2).id(), DialResult.FAILED, NOW));

    assertThat(await(queue.take(c, 3, NOW.plus(Duration.ofMinutes(9))))).isEmpty();
    List<DueLead> busyAgain = await(queue.take(c, 3, NOW.plus(Duration.ofMinutes(10))));
    assertThat(numbers(busyAgain)).containsExactly("4001");
    assertThat(busyAgain.get(0).attempts()).isEqualTo(1);
    await(queue.finish(busyAgain.get(0).id(), DialResult.BUSY, NOW.plus(Duration.ofMinutes(11))));
    assertThat(state(c, "4001")).isEqualTo("exhausted");
    assertThat(state(c, "4003")).isEqualTo("failed");

    assertThat(await(queue.take(c, 3, NOW.plus(Duration.ofHours(71))))).isEmpty();
    List<DueLead> abandoned = await(queue.take(c, 3, NOW.plus(Duration.ofHours(72))));
    assertThat(numbers(abandoned)).containsExactly("4002");
    assertThat(abandoned.get(0).lastAbandonedAt()).contains(NOW);
  }

  @Test
  void a_connected_lead_waits_for_its_disposition_which_completes_it_or_schedules_a_callback_for_its_agent() {
    CampaignId c = campaign("disposed", new JsonObject());
    lead(c, null, 6001, 0);
    lead(c, null, 6002, 0);
    List<DueLead> taken = await(queue.take(c, 2, NOW));
    assertThat(await(queue.disposeConnected(taken.get(0).id(), "sale", Optional.empty(), Optional.empty(), NOW)))
        .as("not connected yet").isFalse();

    await(queue.finish(taken.get(0).id(), DialResult.CONNECTED, NOW));
    await(queue.finish(taken.get(1).id(), DialResult.CONNECTED, NOW));
    assertThat(state(c, "6001")).isEqualTo("dialing");
    assertThat(await(queue.disposeConnected(taken.get(0).id(), "sale", Optional.empty(), Optional.empty(), NOW)))
        .isTrue();
    Instant tuesday = NOW.plus(Duration.ofDays(1));
    await(queue.dispose(taken.get(1).id(), "call-me-back", Optional.of(tuesday), Optional.of(AgentId.of("ada")), NOW));

    assertThat(state(c, "6001")).isEqualTo("completed");
    assertThat(state(c, "6002")).isEqualTo("callback");
    List<DueLead> callback = await(queue.take(c, 5, tuesday));
    assertThat(numbers(callback)).containsExactly("6002");
    assertThat(callback.get(0).callbackAgent()).contains(AgentId.of("ada"));
  }

  @Test
  void a_lead_given_back_is_due_at_the_gates_time_or_never_and_a_due_callback_comes_first() {
    CampaignId c = campaign("released", new JsonObject());
    lead(c, null, 7001, 9);
    lead(c, null, 7002, 0);
    lead(c, null, 7003, 0);
    List<DueLead> taken = await(queue.take(c, 3, NOW));

    await(queue.release(taken.get(0).id(), Optional.of(NOW.plusSeconds(3600)), "outside-window", NOW));
    await(queue.release(taken.get(1).id(), Optional.empty(), "dnc", NOW));
    await(queue.finish(taken.get(2).id(), DialResult.CONNECTED, NOW));
    await(queue.dispose(taken.get(2).id(), "callback", Optional.of(NOW.plusSeconds(60)), Optional.empty(), NOW));

    assertThat(state(c, "7002")).isEqualTo("dnc");
    assertThat(await(queue.take(c, 3, NOW.plusSeconds(59)))).isEmpty();
    assertThat(numbers(await(queue.take(c, 3, NOW.plusSeconds(3600))))).containsExactly("7003", "7001");
  }

  private static String state(CampaignId campaign, String suffix) {
    return await(leads.page(campaign, Optional.empty(), 0, 1000)).orElseThrow().stream()
        .filter(lead -> lead.getString("phone").endsWith(suffix)).findFirst().orElseThrow().getString("state");
  }

  private static <T> T await(Future<T> future) {
    return await(future.toCompletionStage());
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
