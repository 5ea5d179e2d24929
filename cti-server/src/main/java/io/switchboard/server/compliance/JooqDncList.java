package io.switchboard.server.compliance;

import static io.switchboard.server.persistence.jooq.Tables.DNC_ENTRIES;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CampaignId;
import io.switchboard.queue.dialer.compliance.DncList;
import io.switchboard.server.persistence.Database;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code dnc_entries} as the gate reads them: entries without a campaign (internal opt-outs, imported national
 * lists) hold for every campaign, entries with one only for it; an entry whose {@code expires_at} has passed no
 * longer counts. One indexed query ({@code ix_dnc_entries_phone}) per dial.
 */
public final class JooqDncList implements DncList {

  private final Database database;

  public JooqDncList(Database database) {
    this.database = database;
  }

  @Override
  public CompletionStage<List<String>> sourcesOf(PhoneNumber number, CampaignId campaign, Instant now) {
    return database.query(dsl -> dsl.selectDistinct(DNC_ENTRIES.SOURCE).from(DNC_ENTRIES)
        .where(DNC_ENTRIES.PHONE.eq(number.e164()))
        .and(DNC_ENTRIES.CAMPAIGN_ID.isNull().or(DNC_ENTRIES.CAMPAIGN_ID.eq(campaign.value())))
        .and(DNC_ENTRIES.EXPIRES_AT.isNull().or(DNC_ENTRIES.EXPIRES_AT.gt(now)))
        .orderBy(DNC_ENTRIES.SOURCE)
        .fetch(DNC_ENTRIES.SOURCE)).toCompletionStage();
  }
}
