package io.switchboard.server.leadimport;

import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGNS;
import static io.switchboard.server.persistence.jooq.Tables.DNC_ENTRIES;
import static io.switchboard.server.persistence.jooq.Tables.LEADS;
import static io.switchboard.server.persistence.jooq.Tables.LEAD_LISTS;

import io.switchboard.queue.dialer.ZoneSource;
import io.switchboard.queue.dialer.leads.ImportedLead;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.BatchBindStep;
import org.jooq.JSON;

/** The SQL of a lead import: the campaign it goes into, the numbers it already has or may not call, the insert. */
final class LeadRows {

  /** Rows per multi-row INSERT and per IN list: large enough to be fast, small enough for any packet size. */
  static final int CHUNK = 1000;

  private static final List<Field<?>> COLUMNS = List.of(LEADS.CAMPAIGN_ID, LEADS.LIST_ID, LEADS.PHONE,
      LEADS.TIME_ZONE, LEADS.TIME_ZONE_SOURCE, LEADS.REGION, LEADS.POSTCODE, LEADS.STATE, LEADS.PRIORITY,
      LEADS.EXTERNAL_REF, LEADS.PAYLOAD, LEADS.ATTEMPTS, LEADS.IMPORT_ROW, LEADS.CREATED_AT, LEADS.UPDATED_AT);

  private LeadRows() {
  }

  /** The campaign's default region, or empty when there is no such campaign. */
  static Optional<String> defaultRegion(DSLContext dsl, String campaignId) {
    return dsl.select(CAMPAIGNS.DEFAULT_REGION).from(CAMPAIGNS).where(CAMPAIGNS.ID.eq(campaignId))
        .fetchOptional(CAMPAIGNS.DEFAULT_REGION).map(String::trim);
  }

  /** Whether list {@code listId} is one of the campaign's. */
  static boolean listOf(DSLContext dsl, String campaignId, String listId) {
    return dsl.fetchExists(LEAD_LISTS, LEAD_LISTS.ID.eq(listId).and(LEAD_LISTS.CAMPAIGN_ID.eq(campaignId)));
  }

  /** Which of {@code phones} the campaign has leads for already. */
  static Set<String> inCampaign(DSLContext dsl, String campaignId, Collection<String> phones) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : chunks(phones)) {
      found.addAll(dsl.select(LEADS.PHONE).from(LEADS)
          .where(LEADS.CAMPAIGN_ID.eq(campaignId).and(LEADS.PHONE.in(chunk))).fetch(LEADS.PHONE));
    }
    return found;
  }

  /** Which of {@code phones} a DNC list that applies to the campaign holds now (global or the campaign's own). */
  static Set<String> onDnc(DSLContext dsl, String campaignId, Collection<String> phones, Instant now) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : chunks(phones)) {
      found.addAll(dsl.selectDistinct(DNC_ENTRIES.PHONE).from(DNC_ENTRIES)
          .where(DNC_ENTRIES.PHONE.in(chunk))
          .and(DNC_ENTRIES.CAMPAIGN_ID.isNull().or(DNC_ENTRIES.CAMPAIGN_ID.eq(campaignId)))
          .and(DNC_ENTRIES.EXPIRES_AT.isNull().or(DNC_ENTRIES.EXPIRES_AT.gt(now)))
          .fetch(DNC_ENTRIES.PHONE));
    }
    return found;
  }

  /**
   * Inserts {@code leads} in state {@code state}: one prepared statement, executed as a JDBC batch of
   * {@value #CHUNK} rows (MariaDB's bulk protocol); {@code progress} hears the running count after each batch.
   */
  static void insert(DSLContext dsl, String campaignId, Optional<String> listId, List<ImportedLead> leads,
      String state, Instant now, long writtenBefore, LongConsumer progress) {
    long written = writtenBefore;
    for (int from = 0; from < leads.size(); from += CHUNK) {
      BatchBindStep batch = dsl.batch(dsl.insertInto(LEADS).columns(COLUMNS)
          .values(Collections.nCopies(COLUMNS.size(), null)));
      List<ImportedLead> chunk = leads.subList(from, Math.min(leads.size(), from + CHUNK));
      for (ImportedLead lead : chunk) {
        batch = batch.bind(campaignId, listId.orElse(null), lead.number().e164(),
            lead.zone().map(ZoneId::getId).orElse(null), lead.zoneSource().map(ZoneSource::slug).orElse(null),
            lead.region().orElse(null), lead.postcode().orElse(null), state, lead.priority(),
            lead.externalRef().orElse(null), payload(lead), 0, lead.row(), now, now);
      }
      batch.execute();
      written += chunk.size();
      progress.accept(written);
    }
  }

  /** {@code leads.payload}: the lead's names, email and {@code attr_} columns as one flat JSON object of strings. */
  private static JSON payload(ImportedLead lead) {
    return lead.attributes().isEmpty() ? null : JSON.valueOf(new JsonObject(new java.util.LinkedHashMap<>(
        lead.attributes())).encode());
  }

  static <T> List<List<T>> chunks(Collection<T> all) {
    List<List<T>> chunks = new ArrayList<>();
    List<T> list = List.copyOf(all);
    for (int from = 0; from < list.size(); from += CHUNK) {
      chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)));
    }
    return chunks;
  }
}
