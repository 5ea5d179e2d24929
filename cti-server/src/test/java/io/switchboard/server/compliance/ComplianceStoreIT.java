package io.switchboard.server.compliance;

import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGNS;
import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGN_CALL_RESULTS;
import static io.switchboard.server.persistence.jooq.Tables.DIAL_AUDIT;
import static io.switchboard.server.persistence.jooq.Tables.DNC_ENTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.queue.dialer.ZoneSource;
import io.switchboard.queue.dialer.compliance.AbandonFigures;
import io.switchboard.queue.dialer.compliance.AbandonLedger;
import io.switchboard.queue.dialer.compliance.DialAuditEntry;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.switchboard.server.persistence.jooq.tables.records.DialAuditRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gate's DNC lookups, audit rows and ledger load on a real, migrated MariaDB. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ComplianceStoreIT {

  private static final Instant NOW = Instant.parse("2026-06-11T00:58:00Z");
  private static final CampaignId SALES = CampaignId.of("sales");
  private static final CampaignId RENEWALS = CampaignId.of("renewals");
  private static final PhoneNumber CALLEE = PhoneNumber.parse("+12125550199", "phone");

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;

  @BeforeAll
  static void migratedDatabase() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("compliance");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
    database.query(dsl -> {
      for (CampaignId id : List.of(SALES, RENEWALS)) {
        dsl.insertInto(CAMPAIGNS).set(CAMPAIGNS.ID, id.value()).set(CAMPAIGNS.DISPLAY_NAME, id.value())
            .set(CAMPAIGNS.DIALING_MODE, "predictive").set(CAMPAIGNS.CREATED_AT, NOW)
            .set(CAMPAIGNS.UPDATED_AT, NOW).execute();
      }
      return null;
    }).await();
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  @BeforeEach
  void empty() {
    database.query(dsl -> dsl.deleteFrom(DNC_ENTRIES).execute() + dsl.deleteFrom(DIAL_AUDIT).execute()
        + dsl.deleteFrom(CAMPAIGN_CALL_RESULTS).execute()).await();
  }

  private static void dnc(String phone, String source, CampaignId campaign, Instant expires) {
    database.query(dsl -> dsl.insertInto(DNC_ENTRIES).set(DNC_ENTRIES.PHONE, phone).set(DNC_ENTRIES.SOURCE, source)
        .set(DNC_ENTRIES.CAMPAIGN_ID, campaign == null ? null : campaign.value())
        .set(DNC_ENTRIES.ADDED_AT, NOW.minus(Duration.ofDays(1))).set(DNC_ENTRIES.EXPIRES_AT, expires).execute())
        .await();
  }

  private static List<String> sources(CampaignId campaign) {
    return new JooqDncList(database).sourcesOf(CALLEE, campaign, NOW).toCompletableFuture().join();
  }

  @Test
  void a_number_is_held_by_the_global_lists_and_its_own_campaigns_list_only() {
    dnc(CALLEE.e164(), "internal", null, null);
    dnc(CALLEE.e164(), "imported:national", null, NOW.plus(Duration.ofDays(30)));
    dnc(CALLEE.e164(), "campaign", RENEWALS, null);
    dnc("+12125550100", "internal", null, null);

    assertThat(sources(SALES)).containsExactly("imported:national", "internal");
    assertThat(sources(RENEWALS)).containsExactly("campaign", "imported:national", "internal");
  }

  @Test
  void an_expired_entry_no_longer_holds_the_number() {
    dnc(CALLEE.e164(), "imported:national", null, NOW.minusSeconds(1));
    dnc(CALLEE.e164(), "campaign", SALES, NOW);

    assertThat(sources(SALES)).isEmpty();
  }

  @Test
  void an_audit_row_keeps_every_fact_and_reads_back_newest_first_in_full() {
    JooqDialAudit audit = new JooqDialAudit(database);
    DialAuditEntry dialled = new DialAuditEntry(NOW, SALES, LeadId.of("42"), CALLEE, "dialled", "allowed",
        "inside the calling window", Optional.empty(), Optional.of(CallId.of("pbx-1:9")),
        Optional.of(PhoneNumber.parse("+12125550100", "callerId")), Optional.of(ZoneId.of("America/New_York")),
        Optional.of(ZoneSource.REGION), Optional.of(LocalDateTime.of(2026, 6, 10, 20, 58)), 2, Optional.empty(),
        Optional.of(1.23456), Optional.of(2.5), 7);
    DialAuditEntry deferred = new DialAuditEntry(NOW.minusSeconds(600), SALES, LeadId.of("42"), CALLEE, "deferred",
        "abandoned-recently", "a call to it was abandoned", Optional.of(NOW.plus(Duration.ofHours(60))),
        Optional.empty(), Optional.empty(), Optional.of(ZoneId.of("America/New_York")), Optional.of(ZoneSource.REGION),
        Optional.of(LocalDateTime.of(2026, 6, 10, 20, 48)), 2, Optional.empty(), Optional.empty(), Optional.empty(),
        0);

    audit.record(deferred).toCompletableFuture().join();
    audit.record(dialled).toCompletableFuture().join();

    DialAuditRecord row = database.query(dsl -> dsl.selectFrom(DIAL_AUDIT).where(DIAL_AUDIT.DECISION.eq("dialled"))
        .fetchOne()).await();
    assertThat(row.getCalleeLocalTime()).isEqualTo(LocalDateTime.of(2026, 6, 10, 20, 58).toInstant(ZoneOffset.UTC));
    assertThat(row.getAbandonRate_24h()).isEqualByComparingTo(new BigDecimal("1.235"));
    assertThat(row.getTimeZoneSource()).isEqualTo("region");
    assertThat(row.getLeadId()).isEqualTo(42L);

    JsonArray rows = audit.find(new DialAuditQuery(Optional.of(CALLEE), Optional.empty(), Optional.empty(),
        Optional.empty(), 10)).await();
    assertThat(rows).hasSize(2);
    JsonObject newest = rows.getJsonObject(0);
    assertThat(newest.getString("decision")).isEqualTo("dialled");
    assertThat(newest.getString("phone")).isEqualTo("+12125550199");
    assertThat(newest.getString("calleeLocalTime")).isEqualTo("2026-06-10T20:58");
    assertThat(newest.getString("calleeTimeZone")).isEqualTo("America/New_York");
    assertThat(newest.getString("callId")).isEqualTo("pbx-1:9");
    assertThat(newest.getString("callerId")).isEqualTo("+12125550100");
    assertThat(newest.getInteger("attempt")).isEqualTo(2);
    assertThat(newest.getDouble("abandonRate30d")).isEqualTo(2.5);
    assertThat(newest.getInteger("abandonBudget")).isEqualTo(7);
    JsonObject older = rows.getJsonObject(1);
    assertThat(older.getString("reason")).isEqualTo("abandoned-recently");
    assertThat(older.getString("retryAt")).isEqualTo(NOW.plus(Duration.ofHours(60)).toString());
    assertThat(older.getValue("abandonRate24h")).isNull();

    assertThat(audit.find(new DialAuditQuery(Optional.empty(), Optional.of(SALES), Optional.of(NOW.minusSeconds(60)),
        Optional.of(NOW.plusSeconds(1)), 10)).await()).hasSize(1);
    assertThat(audit.find(new DialAuditQuery(Optional.of(CALLEE), Optional.of(RENEWALS), Optional.empty(),
        Optional.empty(), 10)).await()).isEmpty();
    assertThat(audit.find(new DialAuditQuery(Optional.of(CALLEE), Optional.empty(), Optional.empty(),
        Optional.empty(), 1)).await()).hasSize(1);
  }

  @Test
  void a_restarted_node_loads_the_last_30_days_of_call_results_into_its_ledger() {
    result("c1", SALES, NOW.minus(Duration.ofDays(31)), "abandoned");
    result("c2", SALES, NOW.minus(Duration.ofDays(10)), "abandoned");
    result("c3", SALES, NOW.minus(Duration.ofDays(10)).plusSeconds(5), "connected");
    result("c4", SALES, NOW.minus(Duration.ofHours(3)), "connected");
    result("c5", SALES, NOW.minus(Duration.ofHours(3)).plusSeconds(20), "abandoned");
    result("c6", SALES, NOW.minus(Duration.ofMinutes(1)), "machine");
    result("c7", SALES, NOW.minus(Duration.ofMinutes(1)), "no-answer");
    result("c8", RENEWALS, NOW.minus(Duration.ofMinutes(5)), "connected");
    AbandonLedger ledger = new AbandonLedger(ZoneId.of("UTC"));

    new JooqCallResults(database).load(ledger, NOW).await();

    AbandonFigures sales = ledger.figures(SALES, NOW);
    assertThat(sales.last30d()).isEqualTo(new AbandonFigures.Counts(4, 2, 1));
    assertThat(sales.last24h()).isEqualTo(new AbandonFigures.Counts(2, 1, 1));
    assertThat(ledger.figures(RENEWALS, NOW).last24h()).isEqualTo(new AbandonFigures.Counts(1, 0, 0));
  }

  @Test
  void the_server_side_gate_is_built_on_the_database_and_starts_with_the_stored_history() {
    result("c1", SALES, NOW.minus(Duration.ofHours(1)), "abandoned");

    Compliance compliance = Compliance.start(database, ZoneId.of("UTC"), 0.05,
        java.time.Clock.fixed(NOW, ZoneOffset.UTC)).await();

    assertThat(compliance.ledger().figures(SALES, NOW).last24h().abandoned()).isEqualTo(1);
    assertThat(compliance.gate().ledger()).isSameAs(compliance.ledger());
  }

  private static void result(String call, CampaignId campaign, Instant at, String result) {
    Future<Integer> written = database.query(dsl -> dsl.insertInto(CAMPAIGN_CALL_RESULTS)
        .set(CAMPAIGN_CALL_RESULTS.CALL_ID, call).set(CAMPAIGN_CALL_RESULTS.CAMPAIGN_ID, campaign.value())
        .set(CAMPAIGN_CALL_RESULTS.LEAD_ID, 1L).set(CAMPAIGN_CALL_RESULTS.ENDED_AT, at)
        .set(CAMPAIGN_CALL_RESULTS.RESULT, result).execute());
    written.await();
  }
}
