package io.switchboard.server.compliance;

import static io.switchboard.server.persistence.jooq.Tables.CAMPAIGN_CALL_RESULTS;

import io.switchboard.core.id.CampaignId;
import io.switchboard.queue.dialer.DialResult;
import io.switchboard.queue.dialer.compliance.AbandonLedger;
import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an {@link AbandonLedger} from {@code campaign_call_results} when a node starts: the last 30 days, summed
 * in the database per campaign, result and minute (the last 26 hours) or hour (before), so a busy month is a few
 * thousand rows, not millions. The sums land at the start of their minute or hour, which is the ledger's own
 * resolution.
 */
public final class JooqCallResults {

  private static final Logger LOG = LoggerFactory.getLogger(JooqCallResults.class);
  private static final Duration BY_MINUTE = Duration.ofHours(26);
  private static final Map<String, DialResult> RESULTS = Arrays.stream(DialResult.values())
      .collect(Collectors.toMap(DialResult::slug, Function.identity()));

  private final Database database;

  public JooqCallResults(Database database) {
    this.database = database;
  }

  /** Counts every stored call end of the last 30 days before {@code now} into {@code ledger}. */
  public Future<Integer> load(AbandonLedger ledger, Instant now) {
    Instant minutesFrom = now.minus(BY_MINUTE);
    return database.query(dsl -> load(dsl, ledger, now.minus(AbandonLedger.KEPT), minutesFrom, Duration.ofHours(1))
        + load(dsl, ledger, minutesFrom, now.plus(Duration.ofMinutes(1)), Duration.ofMinutes(1)))
        .onSuccess(groups -> LOG.info("event=abandon-ledger-loaded groups={}", groups));
  }

  private static int load(org.jooq.DSLContext dsl, AbandonLedger ledger, Instant from, Instant to, Duration bucket) {
    // Whole minutes since the epoch, computed on the DATETIME itself so the session time zone plays no part.
    Field<Long> minute = DSL.field("TIMESTAMPDIFF(MINUTE, '1970-01-01 00:00:00', {0})", Long.class,
        CAMPAIGN_CALL_RESULTS.ENDED_AT);
    long perBucket = bucket.toMinutes();
    Field<Long> index = DSL.field("FLOOR({0} / {1})", Long.class, minute, DSL.inline(perBucket));
    Field<Integer> calls = DSL.count();
    var groups = dsl.select(CAMPAIGN_CALL_RESULTS.CAMPAIGN_ID, CAMPAIGN_CALL_RESULTS.RESULT, index, calls)
        .from(CAMPAIGN_CALL_RESULTS)
        .where(CAMPAIGN_CALL_RESULTS.ENDED_AT.ge(from)).and(CAMPAIGN_CALL_RESULTS.ENDED_AT.lt(to))
        .groupBy(CAMPAIGN_CALL_RESULTS.CAMPAIGN_ID, CAMPAIGN_CALL_RESULTS.RESULT, index)
        .fetch();
    groups.forEach(group -> {
      DialResult result = RESULTS.get(group.value2());
      if (result == null) {
        LOG.warn("event=unknown-call-result campaignId={} result={}", group.value1(), group.value2());
        return;
      }
      Instant at = Instant.ofEpochSecond(group.value3() * perBucket * 60);
      ledger.count(CampaignId.of(group.value1()), result, at, group.value4());
    });
    return groups.size();
  }
}
