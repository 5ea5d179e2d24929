package io.switchboard.server.campaign;

import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGNS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUES;

import io.switchboard.core.id.CampaignId;
import io.switchboard.queue.dialer.CampaignDirectory;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.CampaignSettings.CampaignState;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.jooq.tables.records.CampaignsRecord;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaigns in MariaDB ({@code campaigns} and its children, V1 and V13): what the admin API writes and the
 * dialer reads ({@link CampaignDirectory}). Every query runs on the database worker pool; every write is one
 * transaction, and a refused write changes nothing.
 */
public final class JooqCampaigns implements CampaignDirectory {

  /** The moves each state allows: start (to RUNNING), pause (to PAUSED), complete (to COMPLETED). */
  private static final Map<CampaignState, Set<CampaignState>> MOVES = Map.of(
      CampaignState.DRAFT, Set.of(CampaignState.RUNNING, CampaignState.COMPLETED),
      CampaignState.RUNNING, Set.of(CampaignState.PAUSED, CampaignState.COMPLETED),
      CampaignState.PAUSED, Set.of(CampaignState.RUNNING, CampaignState.COMPLETED),
      CampaignState.COMPLETED, Set.of());

  private static final Logger LOG = LoggerFactory.getLogger(JooqCampaigns.class);

  private final Database database;
  private final Clock clock;

  public JooqCampaigns(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Whether a campaign in {@code from} may be moved to {@code to}; staying in the same state is no move. */
  public static boolean allows(CampaignState from, CampaignState to) {
    return from == to || MOVES.get(from).contains(to);
  }

  @Override
  public CompletionStage<Optional<CampaignSettings>> find(CampaignId id) {
    return definition(id).map(found -> found.map(CampaignDefinition::settings)).toCompletionStage();
  }

  @Override
  public CompletionStage<List<CampaignSettings>> running() {
    return database.query(dsl -> CampaignRows.read(dsl, CAMPAIGNS.STATE.eq(CampaignState.RUNNING.name()
        .toLowerCase(java.util.Locale.ROOT))).stream().map(CampaignDefinition::settings).toList())
        .toCompletionStage();
  }

  /** The campaign with this id, with its recycle rules. */
  public Future<Optional<CampaignDefinition>> definition(CampaignId id) {
    return database.query(dsl -> CampaignRows.read(dsl, CAMPAIGNS.ID.eq(id.value())).stream().findFirst());
  }

  /** Every campaign, by id. */
  public Future<List<CampaignDefinition>> definitions() {
    return database.query(dsl -> CampaignRows.read(dsl, CAMPAIGNS.ID.isNotNull()));
  }

  /** Stores a new campaign, a {@code DRAFT}. */
  public Future<CampaignWrite> create(CampaignDefinition campaign) {
    Instant now = clock.instant();
    String id = campaign.settings().campaign().id().value();
    return database.query(dsl -> {
      try {
        return dsl.transactionResult(tx -> {
          DSLContext db = tx.dsl();
          if (db.fetchExists(CAMPAIGNS, CAMPAIGNS.ID.eq(id))) {
            return new CampaignWrite.AlreadyExists("id", id);
          }
          Optional<CampaignWrite> unknown = unknownQueue(db, campaign);
          if (unknown.isPresent()) {
            return unknown.get();
          }
          CampaignsRecord row = db.newRecord(CAMPAIGNS);
          CampaignRows.fill(row, campaign, now);
          row.setState(CampaignRequest.slug(CampaignState.DRAFT));
          row.setCreatedAt(now);
          row.insert();
          CampaignRows.writeChildren(db, campaign);
          return saved("created", campaign.settings().campaign().id());
        });
      } catch (IntegrityConstraintViolationException e) {
        return new CampaignWrite.AlreadyExists("id", id); // created by another node between the check and the insert
      }
    });
  }

  /** Replaces the settings, holidays, caller ids and rules of a stored campaign; its state stays. */
  public Future<CampaignWrite> replace(CampaignDefinition campaign) {
    Instant now = clock.instant();
    CampaignId id = campaign.settings().campaign().id();
    return database.query(dsl -> dsl.transactionResult(tx -> {
      DSLContext db = tx.dsl();
      CampaignsRecord row = db.selectFrom(CAMPAIGNS).where(CAMPAIGNS.ID.eq(id.value())).forUpdate().fetchOne();
      if (row == null) {
        return new CampaignWrite.NotFound("campaign", id.value());
      }
      Optional<CampaignWrite> unknown = unknownQueue(db, campaign);
      if (unknown.isPresent()) {
        return unknown.get();
      }
      CampaignRows.fill(row, campaign, now);
      row.update();
      CampaignRows.writeChildren(db, campaign);
      return saved("replaced", id);
    }));
  }

  /** Deletes a campaign that is not running, with its lists and leads. */
  public Future<CampaignWrite> delete(CampaignId id) {
    return database.query(dsl -> dsl.transactionResult(tx -> {
      DSLContext db = tx.dsl();
      CampaignsRecord row = db.selectFrom(CAMPAIGNS).where(CAMPAIGNS.ID.eq(id.value())).forUpdate().fetchOne();
      if (row == null) {
        return new CampaignWrite.NotFound("campaign", id.value());
      }
      if (CampaignRequest.slug(CampaignState.RUNNING).equals(row.getState())) {
        return new CampaignWrite.Running(id);
      }
      row.delete();
      return saved("deleted", id);
    }));
  }

  /** Moves the campaign to {@code to} (start, pause, complete) when its state allows it. */
  public Future<CampaignWrite> move(CampaignId id, CampaignState to) {
    Instant now = clock.instant();
    return database.query(dsl -> dsl.transactionResult(tx -> {
      DSLContext db = tx.dsl();
      CampaignsRecord row = db.selectFrom(CAMPAIGNS).where(CAMPAIGNS.ID.eq(id.value())).forUpdate().fetchOne();
      if (row == null) {
        return new CampaignWrite.NotFound("campaign", id.value());
      }
      CampaignState from = CampaignState.valueOf(row.getState().toUpperCase(java.util.Locale.ROOT));
      if (!allows(from, to)) {
        return new CampaignWrite.IllegalMove(id, from, to);
      }
      row.setState(CampaignRequest.slug(to));
      row.setUpdatedAt(now);
      row.update();
      LOG.info("event=campaign-state campaign={} from={} to={}", id.value(), CampaignRequest.slug(from),
          CampaignRequest.slug(to));
      return new CampaignWrite.Saved(id);
    }));
  }

  private static Optional<CampaignWrite> unknownQueue(DSLContext db, CampaignDefinition campaign) {
    String queue = campaign.settings().campaign().queue().value();
    return db.fetchExists(QUEUES, QUEUES.ID.eq(queue)) ? Optional.empty()
        : Optional.of(new CampaignWrite.UnknownQueue("queue", queue));
  }

  private static CampaignWrite saved(String what, CampaignId id) {
    LOG.info("event=campaign-{} campaign={}", what, id.value());
    return new CampaignWrite.Saved(id);
  }
}
