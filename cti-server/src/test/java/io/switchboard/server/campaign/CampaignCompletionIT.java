package io.switchboard.server.campaign;

import static io.switchboard.server.persistence.jooq.Tables.LEADS;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CampaignId;
import io.switchboard.queue.dialer.CampaignSettings.CampaignState;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Running campaigns with nothing left to dial complete on their own, on a real, migrated MariaDB. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CampaignCompletionIT {

  private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;
  private static JooqCampaigns campaigns;
  private static JooqCampaignLeads leads;
  private static CampaignCompletion completion;

  @BeforeAll
  static void migratedDatabaseWithASalesQueue() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("completion");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    await(new JooqTaskQueues(database, clock).create(((QueueRequest.Valid) QueueRequest.create(
        new JsonObject().put("id", "sales"))).queue()));
    campaigns = new JooqCampaigns(database, clock);
    leads = new JooqCampaignLeads(database, clock);
    completion = new CampaignCompletion(database, clock);
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  /** A running campaign whose leads, numbered from {@code first}, are in {@code states}. */
  private static CampaignId running(String id, int first, String... states) {
    JsonObject body = new JsonObject().put("id", id).put("mode", "power").put("queue", "sales");
    assertThat(await(campaigns.create(((CampaignRequest.Valid) CampaignRequest.create(body)).campaign())))
        .isInstanceOf(CampaignWrite.Saved.class);
    CampaignId campaign = CampaignId.of(id);
    for (int i = 0; i < states.length; i++) {
      String phone = String.format("+1415555%04d", first + i);
      NewLead lead = new NewLead("[0]", PhoneNumber.parse(phone, "phone"), Optional.empty(), 0,
          Optional.of(ZoneId.of("America/Los_Angeles")), Optional.empty(), Optional.empty(), Optional.empty(),
          Map.of());
      assertThat(await(leads.add(campaign, List.of(lead)))).isInstanceOf(CampaignWrite.Saved.class);
      String state = states[i];
      await(database.query(dsl -> dsl.update(LEADS).set(LEADS.STATE, state)
          .set(LEADS.NEXT_ATTEMPT_AT, state.equals("scheduled") ? NOW.plusSeconds(86_400) : null)
          .where(LEADS.CAMPAIGN_ID.eq(id)).and(LEADS.PHONE.eq(phone)).execute()));
    }
    assertThat(await(campaigns.move(campaign, CampaignState.RUNNING))).isInstanceOf(CampaignWrite.Saved.class);
    return campaign;
  }

  private static CampaignState state(CampaignId campaign) {
    return await(campaigns.definition(campaign)).orElseThrow().settings().state();
  }

  @Test
  void a_campaign_whose_leads_are_all_done_dnc_or_out_of_attempts_completes_once() {
    CampaignId done = running("done", 100, "completed", "dnc", "exhausted", "failed");

    assertThat(await(completion.completeExhausted())).contains(done);

    assertThat(state(done)).isEqualTo(CampaignState.COMPLETED);
    assertThat(await(completion.completeExhausted())).doesNotContain(done);
  }

  @Test
  void a_lead_waiting_for_a_retry_tomorrow_a_callback_a_new_lead_or_one_on_a_call_keeps_the_campaign_running() {
    List<CampaignId> open = List.of(running("retry", 200, "completed", "scheduled"),
        running("callback", 300, "exhausted", "callback"), running("fresh", 400, "dnc", "new"),
        running("on-call", 500, "completed", "dialing"));

    assertThat(await(completion.completeExhausted())).doesNotContainAnyElementsOf(open);

    assertThat(open).allSatisfy(campaign -> assertThat(state(campaign)).isEqualTo(CampaignState.RUNNING));
  }

  @Test
  void a_campaign_without_any_lead_yet_keeps_running() {
    CampaignId empty = running("empty", 600);

    assertThat(await(completion.completeExhausted())).doesNotContain(empty);
    assertThat(state(empty)).isEqualTo(CampaignState.RUNNING);
  }

  @Test
  void only_running_campaigns_are_completed_a_paused_one_waits_for_its_operator() {
    CampaignId paused = running("paused", 700, "completed");
    await(campaigns.move(paused, CampaignState.PAUSED));

    assertThat(await(completion.completeExhausted())).doesNotContain(paused);
    assertThat(state(paused)).isEqualTo(CampaignState.PAUSED);
  }

  private static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().join();
  }
}
