package io.switchboard.server.leadimport;

import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGNS;
import static io.switchboard.server.persistence.jooq.Tables.DNC_ENTRIES;
import static io.switchboard.server.persistence.jooq.Tables.LEADS;

import io.switchboard.server.persistence.jooq.tables.records.DncEntriesRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep4;

/**
 * The SQL of {@code dnc_entries}: {@code internal} (an opt-out, for every campaign), {@code campaign} (one
 * campaign's) and {@code imported:<name>} (a national or purchased list, replaced whole by each import).
 */
public final class DncRows {

  static final String INTERNAL = "internal";
  static final String CAMPAIGN = "campaign";
  static final String IMPORTED = "imported:";
  /** Lead states an opt-out moves to {@code dnc}: not yet dialled, or due again. */
  static final List<String> NOT_DIALLED = List.of("new", "scheduled", "callback");

  private DncRows() {
  }

  static boolean campaignExists(DSLContext dsl, String campaignId) {
    return dsl.fetchExists(CAMPAIGNS, CAMPAIGNS.ID.eq(campaignId));
  }

  /** Replaces every entry of {@code source} with {@code entries} (number to reason, reason may be empty). */
  static void replaceSource(DSLContext dsl, String source, Map<String, String> entries, Instant now,
      LongConsumer progress) {
    dsl.deleteFrom(DNC_ENTRIES).where(DNC_ENTRIES.SOURCE.eq(source)).execute();
    List<Map.Entry<String, String>> all = new ArrayList<>(entries.entrySet());
    long written = 0;
    for (List<Map.Entry<String, String>> chunk : LeadRows.chunks(all)) {
      InsertValuesStep4<DncEntriesRecord, String, String, String, Instant> insert = dsl.insertInto(DNC_ENTRIES)
          .columns(DNC_ENTRIES.PHONE, DNC_ENTRIES.SOURCE, DNC_ENTRIES.REASON, DNC_ENTRIES.ADDED_AT);
      for (Map.Entry<String, String> entry : chunk) {
        insert = insert.values(entry.getKey(), source, entry.getValue().isEmpty() ? null : entry.getValue(), now);
      }
      insert.execute();
      written += chunk.size();
      progress.accept(written);
    }
  }

  /**
   * Adds an opt-out unless the same list already holds the number, and moves the number's leads not yet dialled
   * (in that campaign only, for a campaign entry) to {@code dnc}.
   *
   * @return whether an entry was added, and how many leads were moved
   */
  public static Added add(DSLContext dsl, String phone, Optional<String> campaignId, Optional<String> reason,
      Instant now) {
    Condition same = DNC_ENTRIES.PHONE.eq(phone).and(DNC_ENTRIES.SOURCE.eq(campaignId.isPresent() ? CAMPAIGN : INTERNAL))
        .and(campaignId.map(DNC_ENTRIES.CAMPAIGN_ID::eq).orElse(DNC_ENTRIES.CAMPAIGN_ID.isNull()));
    boolean added = !dsl.fetchExists(DNC_ENTRIES, same);
    if (added) {
      dsl.insertInto(DNC_ENTRIES).set(DNC_ENTRIES.PHONE, phone)
          .set(DNC_ENTRIES.SOURCE, campaignId.isPresent() ? CAMPAIGN : INTERNAL)
          .set(DNC_ENTRIES.CAMPAIGN_ID, campaignId.orElse(null)).set(DNC_ENTRIES.REASON, reason.orElse(null))
          .set(DNC_ENTRIES.ADDED_AT, now).execute();
    }
    int moved = dsl.update(LEADS).set(LEADS.STATE, "dnc").set(LEADS.UPDATED_AT, now)
        .where(LEADS.PHONE.eq(phone)).and(LEADS.STATE.in(NOT_DIALLED))
        .and(campaignId.map(LEADS.CAMPAIGN_ID::eq).orElse(org.jooq.impl.DSL.trueCondition())).execute();
    return new Added(added, moved);
  }

  /** Every entry that holds {@code phone}, oldest first. */
  static List<DncEntriesRecord> find(DSLContext dsl, String phone) {
    return dsl.selectFrom(DNC_ENTRIES).where(DNC_ENTRIES.PHONE.eq(phone)).orderBy(DNC_ENTRIES.ADDED_AT, DNC_ENTRIES.ID)
        .fetch();
  }

  /** Deletes the internal (or, with {@code campaignId}, that campaign's) entries of {@code phone}; the count. */
  static int deleteOwn(DSLContext dsl, String phone, Optional<String> campaignId) {
    return dsl.deleteFrom(DNC_ENTRIES).where(DNC_ENTRIES.PHONE.eq(phone))
        .and(campaignId.map(id -> DNC_ENTRIES.SOURCE.eq(CAMPAIGN).and(DNC_ENTRIES.CAMPAIGN_ID.eq(id)))
            .orElse(DNC_ENTRIES.SOURCE.eq(INTERNAL)))
        .execute();
  }

  /** An opt-out's outcome: {@code added} false when the list held the number already. */
  public record Added(boolean added, int leadsMoved) {
  }
}
