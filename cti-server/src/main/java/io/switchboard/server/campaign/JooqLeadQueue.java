package io.switchboard.server.campaign;

import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGNS;
import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGN_RECYCLE_RULES;
import static io.switchboard.server.persistence.jooq.Tables.LEADS;
import static io.switchboard.server.persistence.jooq.Tables.LEAD_LISTS;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.queue.dialer.DialResult;
import io.switchboard.queue.dialer.DueLead;
import io.switchboard.queue.dialer.LeadQueue;
import io.switchboard.server.leadimport.DncRows;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.jooq.tables.records.LeadsRecord;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LeadQueue} over MariaDB ({@code leads}, {@code lead_lists}, {@code campaign_recycle_rules}). A take
 * claims its leads in one transaction with {@code SELECT ... FOR UPDATE SKIP LOCKED} and marks them
 * {@code dialing}, so two nodes never take the same lead (and neither waits on the other's claim). Every query
 * runs on the database worker pool. docs/dialer.md, "Lead states", is the state table this keeps.
 */
public final class JooqLeadQueue implements LeadQueue {

  /** The list leads added without one belong to: priority 0, weight 1, always active. */
  static final String NO_LIST = "";

  private static final Logger LOG = LoggerFactory.getLogger(JooqLeadQueue.class);
  /** The {@code dnc_entries.reason} of an opt-out the callee keyed in an agentless campaign's prompt. */
  static final String OPT_OUT_REASON = "opted-out by keypad in an agentless call";

  private final Database database;
  private final Map<CampaignId, ListMix> mixes = new ConcurrentHashMap<>();

  public JooqLeadQueue(Database database) {
    this.database = database;
  }

  @Override
  public CompletionStage<List<DueLead>> take(CampaignId campaign, int max, Instant now) {
    if (max <= 0) {
      return Future.succeededFuture(List.<DueLead>of()).toCompletionStage();
    }
    ListMix mix = mixes.computeIfAbsent(campaign, id -> new ListMix());
    return database.query(dsl -> dsl.transactionResult(tx -> claim(tx.dsl(), campaign, max, now, mix)))
        .toCompletionStage();
  }

  private static List<DueLead> claim(DSLContext db, CampaignId campaign, int max, Instant now, ListMix mix) {
    Condition ofCampaign = LEADS.CAMPAIGN_ID.eq(campaign.value());
    List<Long> ids = new ArrayList<>(db.select(LEADS.ID).from(LEADS)
        .where(ofCampaign, LEADS.STATE.eq(LeadState.CALLBACK.slug()), LEADS.NEXT_ATTEMPT_AT.le(now))
        .orderBy(LEADS.NEXT_ATTEMPT_AT, LEADS.ID).limit(max).forUpdate().skipLocked().fetch(LEADS.ID));
    if (ids.size() < max) {
      int left = max - ids.size();
      Condition due = LEADS.STATE.eq(LeadState.NEW.slug()).and(LEADS.NEXT_ATTEMPT_AT.isNull()
          .or(LEADS.NEXT_ATTEMPT_AT.le(now))).or(LEADS.STATE.eq(LeadState.SCHEDULED.slug())
          .and(LEADS.NEXT_ATTEMPT_AT.le(now)));
      List<ListMix.Source> sources = new ArrayList<>();
      sources.add(new ListMix.Source(NO_LIST, 0, 1, candidates(db, ofCampaign.and(LEADS.LIST_ID.isNull()), due, left)));
      db.selectFrom(LEAD_LISTS).where(LEAD_LISTS.CAMPAIGN_ID.eq(campaign.value()), LEAD_LISTS.ACTIVE.isTrue())
          .forEach(list -> sources.add(new ListMix.Source(list.getId(), list.getPriority(), list.getMixWeight(),
              candidates(db, ofCampaign.and(LEADS.LIST_ID.eq(list.getId())), due, left))));
      ids.addAll(mix.pick(sources, left));
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    db.update(LEADS).set(LEADS.STATE, LeadState.DIALING.slug()).set(LEADS.UPDATED_AT, now)
        .where(LEADS.ID.in(ids)).execute();
    Map<Long, LeadsRecord> rows = db.selectFrom(LEADS).where(LEADS.ID.in(ids)).fetchMap(LEADS.ID);
    return ids.stream().map(id -> LeadRows.due(rows.get(id))).toList();
  }

  private static List<Long> candidates(DSLContext db, Condition where, Condition due, int limit) {
    return db.select(LEADS.ID).from(LEADS).where(where, due)
        .orderBy(LEADS.PRIORITY.desc(), LEADS.CREATED_AT, LEADS.ID).limit(limit).forUpdate().skipLocked()
        .fetch(LEADS.ID);
  }

  @Override
  public CompletionStage<Void> release(LeadId lead, Optional<Instant> retryAt, String reason, Instant now) {
    LeadState state = retryAt.isPresent() ? LeadState.SCHEDULED : reason.startsWith("dnc") ? LeadState.DNC
        : reason.equals("attempts-exhausted") ? LeadState.EXHAUSTED : LeadState.FAILED;
    return database.query(dsl -> {
      int changed = dsl.update(LEADS).set(LEADS.STATE, state.slug()).set(LEADS.NEXT_ATTEMPT_AT, retryAt.orElse(null))
          .set(LEADS.LAST_DISPOSITION, reason).set(LEADS.UPDATED_AT, now)
          .where(LEADS.ID.eq(key(lead)), LEADS.STATE.eq(LeadState.DIALING.slug())).execute();
      log("released", lead, changed, state);
      return (Void) null;
    }).toCompletionStage();
  }

  @Override
  public CompletionStage<Void> finish(LeadId lead, DialResult result, Instant at) {
    return database.query(dsl -> dsl.transactionResult(tx -> {
      DSLContext db = tx.dsl();
      LeadsRecord row = dialing(db, lead);
      if (row == null) {
        log("finished", lead, 0, null);
        return (Void) null;
      }
      row.setAttempts(row.getAttempts() + 1);
      row.setLastAttemptAt(at);
      row.setLastDisposition(result.slug());
      row.setCallbackAgentId(null);
      row.setUpdatedAt(at);
      if (result == DialResult.ABANDONED) {
        row.setLastAbandonedAt(at);
      }
      if (result == DialResult.OPTED_OUT) {
        // the callee's own opt-out, honoured at once as POST /api/v1/dnc does it, in this transaction
        DncRows.add(db, row.getPhone(), Optional.of(row.getCampaignId()), Optional.of(OPT_OUT_REASON), at);
      }
      if (result != DialResult.CONNECTED) {
        apply(row, rules(db, row.getCampaignId()).afterDial(result, row.getAttempts(), at));
      }
      row.update();
      log("finished", lead, 1, LeadState.ofSlug(row.getState()));
      return (Void) null;
    })).toCompletionStage();
  }

  @Override
  public CompletionStage<Void> dispose(LeadId lead, String disposition, Optional<Instant> callbackAt,
      Optional<AgentId> callbackAgent, Instant at) {
    return disposeConnected(lead, disposition, callbackAt, callbackAgent, at).<Void>map(done -> null)
        .toCompletionStage();
  }

  /**
   * {@link #dispose}, telling whether the lead was connected (in {@code dialing} after a {@code CONNECTED}
   * finish): {@code false}, and nothing changed, for a lead that is not.
   */
  public Future<Boolean> disposeConnected(LeadId lead, String disposition, Optional<Instant> callbackAt,
      Optional<AgentId> callbackAgent, Instant at) {
    return database.query(dsl -> dsl.transactionResult(tx -> {
      DSLContext db = tx.dsl();
      LeadsRecord row = dialing(db, lead);
      if (row == null || !DialResult.CONNECTED.slug().equals(row.getLastDisposition())) {
        log("disposed", lead, 0, null);
        return false;
      }
      row.setLastDisposition(disposition);
      row.setUpdatedAt(at);
      if (callbackAt.isPresent()) {
        row.setState(LeadState.CALLBACK.slug());
        row.setNextAttemptAt(callbackAt.get());
        row.setCallbackAgentId(callbackAgent.map(AgentId::value).orElse(null));
      } else {
        apply(row, rules(db, row.getCampaignId()).afterDisposition(disposition, row.getAttempts(), at));
      }
      row.update();
      log("disposed", lead, 1, LeadState.ofSlug(row.getState()));
      return true;
    }));
  }

  private static LeadsRecord dialing(DSLContext db, LeadId lead) {
    return db.selectFrom(LEADS).where(LEADS.ID.eq(key(lead)), LEADS.STATE.eq(LeadState.DIALING.slug()))
        .forUpdate().fetchOne();
  }

  private static RecycleRules rules(DSLContext db, String campaign) {
    Integer maxAttempts = db.select(CAMPAIGNS.MAX_ATTEMPTS).from(CAMPAIGNS).where(CAMPAIGNS.ID.eq(campaign))
        .fetchOne(CAMPAIGNS.MAX_ATTEMPTS);
    List<RecycleRule> rules = db.selectFrom(CAMPAIGN_RECYCLE_RULES)
        .where(CAMPAIGN_RECYCLE_RULES.CAMPAIGN_ID.eq(campaign)).fetch(rule -> new RecycleRule(rule.getResult(),
            Duration.ofSeconds(rule.getRetryAfterSeconds()), rule.getMaxAttempts()));
    return RecycleRules.of(rules, maxAttempts == null ? 1 : maxAttempts);
  }

  private static void apply(LeadsRecord row, RecycleRules.Next next) {
    if (next instanceof RecycleRules.Retry retry) {
      row.setState(LeadState.SCHEDULED.slug());
      row.setNextAttemptAt(retry.at());
    } else if (next instanceof RecycleRules.Done done) {
      row.setState(done.state().slug());
      row.setNextAttemptAt(null);
    }
  }

  /** The {@code leads.id} of {@code lead}; -1 (no lead) for an id that is not a number. */
  static long key(LeadId lead) {
    try {
      return Long.parseLong(lead.value());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void log(String what, LeadId lead, int changed, LeadState state) {
    if (changed == 0) {
      LOG.info("event=lead-not-{} lead={} reason=not-dialing", what, lead.value());
    } else {
      LOG.debug("event=lead-{} lead={} state={}", what, lead.value(), state.slug());
    }
  }
}
