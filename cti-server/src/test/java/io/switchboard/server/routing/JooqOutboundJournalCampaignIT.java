package io.switchboard.server.routing;

import static io.switchboard.server.persistence.jooq.Tables.CALLS;
import static io.switchboard.server.persistence.jooq.Tables.CALL_LEGS;
import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGN_CALL_RESULTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.TaskId;
import io.switchboard.queue.routing.OutboundEntry;
import io.switchboard.queue.routing.OutboundOutcome;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A campaign call's record (calls with campaign and lead, its agent leg) and its campaign_call_results row. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JooqOutboundJournalCampaignIT {

  private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;

  @BeforeAll
  static void migratedDatabase() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("outbound-campaign");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  @Test
  void aConnectedCampaignCallIsRecordedWithItsCampaignLeadAgentAndResult() {
    JooqOutboundJournal journal = new JooqOutboundJournal(database);
    CallId call = CallId.of("pbx1/sb-camp1");
    journal.record(new OutboundEntry.CampaignDialled(call, NOW, PbxId.of("pbx1"), TaskId.of("task-1"),
        CampaignId.of("sales"), LeadId.of("42"), LegId.of(call.value()), PhoneNumber.parse("+442071234567", "to"),
        Optional.empty()));
    journal.record(new OutboundEntry.AgentAssigned(call, NOW.plusSeconds(9), AgentId.of("a1"),
        LegId.of(call.value() + "-agent"), LegId.of("pbx1/session-a1")));
    journal.record(new OutboundEntry.Connected(call, NOW.plusSeconds(10), AgentId.of("a1"),
        LegId.of(call.value() + "-agent")));
    journal.record(new OutboundEntry.Ended(call, NOW.plusSeconds(70), OutboundOutcome.COMPLETED,
        Optional.of(HangupCause.NORMAL_CLEARING)));
    journal.record(new OutboundEntry.CampaignEnded(call, NOW.plusSeconds(70), CampaignId.of("sales"),
        LeadId.of("42"), "connected")).toCompletableFuture().join();

    Record row = database.query(dsl -> dsl.selectFrom(CALLS).where(CALLS.ID.eq(call.value())).fetchOne()).await();
    assertThat(row.get(CALLS.CAMPAIGN_ID)).isEqualTo("sales");
    assertThat(row.get(CALLS.LEAD_ID)).isEqualTo(42L);
    assertThat(row.get(CALLS.AGENT_ID)).isEqualTo("a1");
    assertThat(row.get(CALLS.END_REASON)).isEqualTo("completed");
    assertThat(database.query(dsl -> dsl.fetchCount(CALL_LEGS, CALL_LEGS.CALL_ID.eq(call.value())
        .and(CALL_LEGS.ROLE.eq("agent")).and(CALL_LEGS.ANSWERED_AT.isNotNull()))).await()).isEqualTo(1);
    Record result = database.query(dsl -> dsl.selectFrom(CAMPAIGN_CALL_RESULTS)
        .where(CAMPAIGN_CALL_RESULTS.CALL_ID.eq(call.value())).fetchOne()).await();
    assertThat(result.get(CAMPAIGN_CALL_RESULTS.CAMPAIGN_ID)).isEqualTo("sales");
    assertThat(result.get(CAMPAIGN_CALL_RESULTS.LEAD_ID)).isEqualTo(42L);
    assertThat(result.get(CAMPAIGN_CALL_RESULTS.RESULT)).isEqualTo("connected");
    assertThat(result.get(CAMPAIGN_CALL_RESULTS.ENDED_AT)).isEqualTo(NOW.plusSeconds(70));
  }
}
