package io.switchboard.server.campaign;

import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGNS;
import static io.switchboard.server.persistence.jooq.Tables.LEADS;
import static io.switchboard.server.persistence.jooq.Tables.LEAD_LISTS;

import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.queue.dialer.ZoneSource;
import io.switchboard.queue.dialer.leads.LeadZone;
import io.switchboard.queue.dialer.leads.LeadZones;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.jooq.tables.records.LeadListsRecord;
import io.switchboard.server.persistence.jooq.tables.records.LeadsRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A campaign's lists and the leads the API adds and pages through ({@code lead_lists}, {@code leads}). Every
 * write is one transaction and a refused one changes nothing; every query runs on the database worker pool.
 */
public final class JooqCampaignLeads {

  private static final Logger LOG = LoggerFactory.getLogger(JooqCampaignLeads.class);

  private final Database database;
  private final Clock clock;

  public JooqCampaignLeads(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** The campaign's lists by priority (higher first), then id; empty when the campaign does not exist. */
  public Future<Optional<List<LeadList>>> lists(CampaignId campaign) {
    return database.query(dsl -> !dsl.fetchExists(CAMPAIGNS, CAMPAIGNS.ID.eq(campaign.value())) ? Optional.empty()
        : Optional.of(dsl.selectFrom(LEAD_LISTS).where(LEAD_LISTS.CAMPAIGN_ID.eq(campaign.value()))
            .orderBy(LEAD_LISTS.PRIORITY.desc(), LEAD_LISTS.ID).fetch(JooqCampaignLeads::list)));
  }

  /** Adds a list to the campaign. */
  public Future<CampaignWrite> createList(CampaignId campaign, LeadList list) {
    Instant now = clock.instant();
    return database.query(dsl -> {
      try {
        return dsl.transactionResult(tx -> {
          DSLContext db = tx.dsl();
          if (!db.fetchExists(CAMPAIGNS, CAMPAIGNS.ID.eq(campaign.value()))) {
            return new CampaignWrite.NotFound("campaign", campaign.value());
          }
          if (db.fetchExists(LEAD_LISTS, LEAD_LISTS.ID.eq(list.id()))) {
            return new CampaignWrite.AlreadyExists("id", list.id());
          }
          LeadListsRecord row = db.newRecord(LEAD_LISTS);
          row.setId(list.id());
          row.setCampaignId(campaign.value());
          row.setCreatedAt(now);
          fill(row, list).insert();
          return new CampaignWrite.Saved(campaign);
        });
      } catch (IntegrityConstraintViolationException e) {
        return new CampaignWrite.AlreadyExists("id", list.id());
      }
    });
  }

  /** Replaces a list's name, priority, weight and whether it is active. */
  public Future<CampaignWrite> replaceList(CampaignId campaign, LeadList list) {
    return database.query(dsl -> dsl.transactionResult(tx -> {
      LeadListsRecord row = tx.dsl().selectFrom(LEAD_LISTS).where(LEAD_LISTS.ID.eq(list.id()),
          LEAD_LISTS.CAMPAIGN_ID.eq(campaign.value())).forUpdate().fetchOne();
      if (row == null) {
        return new CampaignWrite.NotFound("list", list.id());
      }
      fill(row, list).update();
      return new CampaignWrite.Saved(campaign);
    }));
  }

  /** Deletes a list and its leads, unless one of them is being dialled. */
  public Future<CampaignWrite> deleteList(CampaignId campaign, String list) {
    return database.query(dsl -> dsl.transactionResult(tx -> {
      DSLContext db = tx.dsl();
      LeadListsRecord row = db.selectFrom(LEAD_LISTS).where(LEAD_LISTS.ID.eq(list),
          LEAD_LISTS.CAMPAIGN_ID.eq(campaign.value())).forUpdate().fetchOne();
      if (row == null) {
        return new CampaignWrite.NotFound("list", list);
      }
      if (db.fetchExists(LEADS, LEADS.LIST_ID.eq(list), LEADS.STATE.eq(LeadState.DIALING.slug()))) {
        return new CampaignWrite.AlreadyExists("listId", list);
      }
      row.delete();
      return new CampaignWrite.Saved(campaign);
    }));
  }

  /** Adds leads to the campaign, all or none: a list not of the campaign or a number already in it refuses all. */
  public Future<CampaignWrite> add(CampaignId campaign, List<NewLead> leads) {
    Instant now = clock.instant();
    return database.query(dsl -> {
      try {
        return dsl.transactionResult(tx -> insert(tx.dsl(), campaign, leads, now));
      } catch (IntegrityConstraintViolationException e) {
        return new CampaignWrite.DuplicateLead(""); // added by another request between the check and the insert
      }
    });
  }

  private static CampaignWrite insert(DSLContext db, CampaignId campaign, List<NewLead> leads, Instant now) {
    Set<String> lists = db.select(LEAD_LISTS.ID).from(LEAD_LISTS).where(LEAD_LISTS.CAMPAIGN_ID.eq(campaign.value()))
        .fetchSet(LEAD_LISTS.ID);
    Set<String> known = db.select(LEADS.PHONE).from(LEADS).where(LEADS.CAMPAIGN_ID.eq(campaign.value()),
        LEADS.PHONE.in(leads.stream().map(lead -> lead.phone().e164()).toList())).fetchSet(LEADS.PHONE);
    for (NewLead lead : leads) {
      if (lead.list().isPresent() && !lists.contains(lead.list().get())) {
        return new CampaignWrite.UnknownList(lead.path() + ".listId", lead.list().get());
      }
      if (known.contains(lead.phone().e164())) {
        return new CampaignWrite.DuplicateLead(lead.path() + ".phone");
      }
    }
    for (NewLead lead : leads) {
      LeadsRecord row = db.newRecord(LEADS);
      row.setCampaignId(campaign.value());
      row.setPhone(lead.phone().e164());
      row.setListId(lead.list().orElse(null));
      row.setState(LeadState.NEW.slug());
      row.setPriority(lead.priority());
      row.setAttempts(0);
      // the same precedence as the CSV import: the lead's own zone, its state or province, its number
      LeadZone zone = LeadZones.resolve(lead.timeZone().map(ZoneId::getId).orElse(""), lead.region().orElse(""),
          lead.phone());
      row.setTimeZone(zone.zone().map(ZoneId::getId).orElse(null));
      row.setTimeZoneSource(zone.source().map(ZoneSource::slug).orElse(null));
      row.setRegion(lead.region().orElse(null));
      row.setPostcode(lead.postcode().orElse(null));
      row.setExternalRef(lead.externalRef().orElse(null));
      row.setPayload(lead.attributes().isEmpty() ? null : JSON.json(new JsonObject(Map.copyOf(lead.attributes()))
          .encode()));
      row.setCreatedAt(now);
      row.setUpdatedAt(now);
      row.insert();
    }
    LOG.info("event=leads-added campaign={} count={} first={}", campaign.value(), leads.size(),
        leads.get(0).phone().masked());
    return new CampaignWrite.Saved(campaign);
  }

  /**
   * Up to {@code limit} leads of the campaign by id, after lead {@code after} (0: from the first), in
   * {@code state} when given; empty when the campaign does not exist.
   */
  public Future<Optional<List<JsonObject>>> page(CampaignId campaign, Optional<LeadState> state, long after,
      int limit) {
    return database.query(dsl -> {
      if (!dsl.fetchExists(CAMPAIGNS, CAMPAIGNS.ID.eq(campaign.value()))) {
        return Optional.empty();
      }
      Condition where = LEADS.CAMPAIGN_ID.eq(campaign.value()).and(LEADS.ID.gt(after));
      if (state.isPresent()) {
        where = where.and(LEADS.STATE.eq(state.get().slug()));
      }
      return Optional.of(dsl.selectFrom(LEADS).where(where).orderBy(LEADS.ID).limit(limit).fetch(LeadRows::json));
    });
  }

  /** The campaign's default region, which national numbers are read in; empty when it does not exist. */
  public Future<Optional<String>> defaultRegion(CampaignId campaign) {
    return database.query(dsl -> dsl.select(CAMPAIGNS.DEFAULT_REGION).from(CAMPAIGNS)
        .where(CAMPAIGNS.ID.eq(campaign.value())).fetchOptional(CAMPAIGNS.DEFAULT_REGION));
  }

  /** Whether {@code lead} is a lead of {@code campaign}. */
  public Future<Boolean> holds(CampaignId campaign, LeadId lead) {
    return database.query(dsl -> dsl.fetchExists(LEADS, LEADS.ID.eq(JooqLeadQueue.key(lead)),
        LEADS.CAMPAIGN_ID.eq(campaign.value())));
  }

  private static LeadListsRecord fill(LeadListsRecord row, LeadList list) {
    row.setDisplayName(list.name());
    row.setPriority(list.priority());
    row.setMixWeight(list.mixWeight());
    row.setActive(list.active());
    return row;
  }

  private static LeadList list(LeadListsRecord row) {
    return new LeadList(row.getId(), row.getDisplayName(), row.getPriority(), row.getMixWeight(), row.getActive());
  }
}
