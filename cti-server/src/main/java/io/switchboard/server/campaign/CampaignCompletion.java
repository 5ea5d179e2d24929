package io.switchboard.server.campaign;

import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGNS;
import static io.switchboard.server.persistence.jooq.Tables.LEADS;

import io.switchboard.core.id.CampaignId;
import io.switchboard.queue.dialer.CampaignSettings.CampaignState;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.jooq.tables.records.CampaignsRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a running campaign that has nothing left it could ever dial, as {@code POST .../complete} would: it
 * has leads, and none of them is {@code new}, {@code scheduled} (a retry or a deferral, however far ahead),
 * {@code callback} or {@code dialing} (on a call, or connected and waiting for the agent's disposition); every
 * lead is {@code completed}, {@code exhausted}, {@code failed} or {@code dnc}. A campaign without any lead is left
 * running: its list is usually on its way. Leads of inactive lists count as open, since the list may be switched
 * back on.
 *
 * <p>Each node looks every {@link #EVERY}: one index seek per running campaign finds an open lead; only a campaign
 * with none is locked ({@code FOR UPDATE}, as the API's moves are) and looked at again in the same transaction, so
 * a lead added at that moment (its insert waits on the lock) or a second node never completes it wrongly or
 * twice. The move is logged {@code event=campaign-completed} with the leads counted per state.
 */
public final class CampaignCompletion {

  /** How often the running campaigns are looked at. */
  public static final Duration EVERY = Duration.ofSeconds(10);
  /** Lead states from which the dialer may still dial. */
  static final Set<String> OPEN = Set.of("new", "scheduled", "callback", "dialing");

  private static final Logger LOG = LoggerFactory.getLogger(CampaignCompletion.class);
  private static final String RUNNING = CampaignRequest.slug(CampaignState.RUNNING);

  private final Database database;
  private final Clock clock;

  public CampaignCompletion(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Looks every {@code every} until the returned timer is cancelled ({@link Vertx#cancelTimer}). */
  public long every(Vertx vertx, Duration every) {
    return vertx.setPeriodic(every.toMillis(), id -> completeExhausted().onFailure(failure -> LOG.warn(
        "event=campaign-completion-failed reason={}", failure.toString())));
  }

  /** Completes every running campaign with nothing left to dial; answers the ones it completed. */
  public Future<List<CampaignId>> completeExhausted() {
    return database.query(dsl -> {
      List<String> exhausted = dsl.select(CAMPAIGNS.ID).from(CAMPAIGNS).where(CAMPAIGNS.STATE.eq(RUNNING))
          .andNotExists(DSL.selectOne().from(LEADS).where(LEADS.CAMPAIGN_ID.eq(CAMPAIGNS.ID))
              .and(LEADS.STATE.in(OPEN)))
          .andExists(DSL.selectOne().from(LEADS).where(LEADS.CAMPAIGN_ID.eq(CAMPAIGNS.ID)))
          .fetch(CAMPAIGNS.ID);
      List<CampaignId> completed = new ArrayList<>();
      for (String id : exhausted) {
        complete(dsl, id).ifPresent(counts -> {
          completed.add(CampaignId.of(id));
          LOG.info("event=campaign-completed campaign={} reason=no-lead-left completed={} exhausted={} failed={} "
              + "dnc={}", id, counts.getOrDefault("completed", 0), counts.getOrDefault("exhausted", 0),
              counts.getOrDefault("failed", 0), counts.getOrDefault("dnc", 0));
        });
      }
      return completed;
    });
  }

  /** In one transaction: the counts per lead state when the campaign was still running with no open lead. */
  private Optional<Map<String, Integer>> complete(DSLContext dsl, String id) {
    Instant now = clock.instant();
    return dsl.transactionResult(tx -> {
      DSLContext db = tx.dsl();
      CampaignsRecord row = db.selectFrom(CAMPAIGNS).where(CAMPAIGNS.ID.eq(id)).forUpdate().fetchOne();
      if (row == null || !RUNNING.equals(row.getState())) {
        return Optional.empty();
      }
      Map<String, Integer> counts = new TreeMap<>(db.select(LEADS.STATE, DSL.count()).from(LEADS)
          .where(LEADS.CAMPAIGN_ID.eq(id)).groupBy(LEADS.STATE).fetchMap(LEADS.STATE, DSL.count()));
      if (counts.isEmpty() || counts.keySet().stream().anyMatch(OPEN::contains)) {
        return Optional.empty();
      }
      row.setState(CampaignRequest.slug(CampaignState.COMPLETED));
      row.setUpdatedAt(now);
      row.update();
      return Optional.of(counts);
    });
  }
}
