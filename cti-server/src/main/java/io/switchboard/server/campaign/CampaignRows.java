package io.switchboard.server.campaign;

import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGNS;
import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGN_CALLER_IDS;
import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGN_HOLIDAYS;
import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGN_RECYCLE_RULES;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.core.dialer.Campaign;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.dialer.Broadcast;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.CampaignSettings.CampaignState;
import io.switchboard.queue.dialer.CampaignSettings.MachineAction;
import io.switchboard.server.persistence.jooq.tables.records.CampaignsRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Condition;

/** Campaign rows and their children ({@code campaign_holidays}, {@code campaign_caller_ids}, recycle rules). */
final class CampaignRows {

  private CampaignRows() {}

  /** The campaigns matching {@code where}, by id, with their children; one query per table. */
  static List<CampaignDefinition> read(DSLContext dsl, Condition where) {
    List<CampaignsRecord> rows = dsl.selectFrom(CAMPAIGNS).where(where).orderBy(CAMPAIGNS.ID).fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    Collection<String> ids = rows.stream().map(CampaignsRecord::getId).toList();
    Map<String, Set<LocalDate>> holidays = new HashMap<>();
    dsl.selectFrom(CAMPAIGN_HOLIDAYS).where(CAMPAIGN_HOLIDAYS.CAMPAIGN_ID.in(ids)).orderBy(CAMPAIGN_HOLIDAYS.HOLIDAY)
        .forEach(r -> holidays.computeIfAbsent(r.getCampaignId(), k -> new LinkedHashSet<>()).add(r.getHoliday()));
    Map<String, List<PhoneNumber>> callerIds = new HashMap<>();
    dsl.selectFrom(CAMPAIGN_CALLER_IDS).where(CAMPAIGN_CALLER_IDS.CAMPAIGN_ID.in(ids))
        .orderBy(CAMPAIGN_CALLER_IDS.PHONE).forEach(r -> callerIds.computeIfAbsent(r.getCampaignId(),
            k -> new ArrayList<>()).add(new PhoneNumber(r.getPhone())));
    Map<String, List<RecycleRule>> rules = new HashMap<>();
    dsl.selectFrom(CAMPAIGN_RECYCLE_RULES).where(CAMPAIGN_RECYCLE_RULES.CAMPAIGN_ID.in(ids))
        .orderBy(CAMPAIGN_RECYCLE_RULES.RESULT).forEach(r -> rules.computeIfAbsent(r.getCampaignId(),
            k -> new ArrayList<>()).add(new RecycleRule(r.getResult(), Duration.ofSeconds(r.getRetryAfterSeconds()),
            r.getMaxAttempts())));
    return rows.stream().map(row -> new CampaignDefinition(settings(row,
        holidays.getOrDefault(row.getId(), Set.of()), callerIds.getOrDefault(row.getId(), List.of())),
        rules.getOrDefault(row.getId(), List.of()))).toList();
  }

  private static CampaignSettings settings(CampaignsRecord row, Set<LocalDate> holidays, List<PhoneNumber> callerIds) {
    Campaign campaign = new Campaign(CampaignId.of(row.getId()), row.getDisplayName(),
        DialMode.valueOf(upper(row.getDialingMode())), QueueId.of(row.getQueueId()),
        row.getAbandonTargetPercent().doubleValue(), new CallingWindow(row.getWindowStart(), row.getWindowEnd()),
        row.getMaxAttempts());
    return new CampaignSettings(campaign, CampaignState.valueOf(upper(row.getState())),
        Jurisdiction.valueOf(upper(row.getJurisdiction())), row.getDialRatio().doubleValue(),
        Duration.ofSeconds(row.getRingTimeoutSeconds()), MachineAction.valueOf(upper(row.getMachineAction())),
        Optional.ofNullable(row.getMachineMessage()), Optional.ofNullable(row.getSafeHarbourMessage()), holidays,
        callerIds, row.getDefaultRegion(), broadcast(row));
  }

  /** V14's broadcast columns: all three set for an agentless campaign given them, else none. */
  private static Optional<Broadcast> broadcast(CampaignsRecord row) {
    if (row.getBroadcastMessage() == null || row.getBroadcastLines() == null) {
      return Optional.empty();
    }
    String digit = row.getOptOutDigit();
    return Optional.of(new Broadcast(row.getBroadcastMessage(), row.getBroadcastLines(),
        digit == null || digit.isEmpty() ? Broadcast.DEFAULT_OPT_OUT : digit.charAt(0)));
  }

  /** Copies the settings (not the state) of {@code definition} into {@code row}. */
  static void fill(CampaignsRecord row, CampaignDefinition definition, Instant now) {
    CampaignSettings settings = definition.settings();
    Campaign campaign = settings.campaign();
    row.setId(campaign.id().value());
    row.setDisplayName(campaign.name());
    row.setDialingMode(CampaignRequest.slug(campaign.mode()));
    row.setQueueId(campaign.queue().value());
    row.setMaxAttempts(campaign.maxAttempts());
    row.setAbandonTargetPercent(BigDecimal.valueOf(campaign.abandonRateTarget()));
    row.setWindowStart(campaign.callingWindow().opens());
    row.setWindowEnd(campaign.callingWindow().closes());
    row.setJurisdiction(settings.jurisdiction().slug());
    row.setDialRatio(BigDecimal.valueOf(settings.dialRatio()));
    row.setRingTimeoutSeconds((int) settings.ringTimeout().toSeconds());
    row.setMachineAction(CampaignRequest.slug(settings.machine()));
    row.setMachineMessage(settings.machineMessage().orElse(null));
    row.setSafeHarbourMessage(settings.safeHarbourMessage().orElse(null));
    row.setDefaultRegion(settings.defaultRegion());
    row.setBroadcastMessage(settings.broadcast().map(Broadcast::message).orElse(null));
    row.setBroadcastLines(settings.broadcast().map(Broadcast::lines).orElse(null));
    row.setOptOutDigit(settings.broadcast().map(b -> String.valueOf(b.optOutDigit())).orElse(null));
    row.setUpdatedAt(now);
  }

  /** Replaces the children of the campaign with those of {@code definition}. */
  static void writeChildren(DSLContext dsl, CampaignDefinition definition) {
    String id = definition.settings().campaign().id().value();
    dsl.deleteFrom(CAMPAIGN_HOLIDAYS).where(CAMPAIGN_HOLIDAYS.CAMPAIGN_ID.eq(id)).execute();
    dsl.deleteFrom(CAMPAIGN_CALLER_IDS).where(CAMPAIGN_CALLER_IDS.CAMPAIGN_ID.eq(id)).execute();
    dsl.deleteFrom(CAMPAIGN_RECYCLE_RULES).where(CAMPAIGN_RECYCLE_RULES.CAMPAIGN_ID.eq(id)).execute();
    for (LocalDate day : definition.settings().holidays()) {
      dsl.insertInto(CAMPAIGN_HOLIDAYS).set(CAMPAIGN_HOLIDAYS.CAMPAIGN_ID, id).set(CAMPAIGN_HOLIDAYS.HOLIDAY, day)
          .execute();
    }
    for (PhoneNumber number : definition.settings().callerIds()) {
      dsl.insertInto(CAMPAIGN_CALLER_IDS).set(CAMPAIGN_CALLER_IDS.CAMPAIGN_ID, id)
          .set(CAMPAIGN_CALLER_IDS.PHONE, number.e164()).execute();
    }
    for (RecycleRule rule : definition.recycleRules()) {
      dsl.insertInto(CAMPAIGN_RECYCLE_RULES).set(CAMPAIGN_RECYCLE_RULES.CAMPAIGN_ID, id)
          .set(CAMPAIGN_RECYCLE_RULES.RESULT, rule.result())
          .set(CAMPAIGN_RECYCLE_RULES.RETRY_AFTER_SECONDS, (int) rule.retryAfter().toSeconds())
          .set(CAMPAIGN_RECYCLE_RULES.MAX_ATTEMPTS, rule.maxAttempts()).execute();
    }
  }

  private static String upper(String slug) {
    return slug.toUpperCase(Locale.ROOT);
  }
}
