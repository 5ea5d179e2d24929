package io.switchboard.server.crm;

import io.switchboard.server.status.CheckResult;
import io.switchboard.server.status.StatusCheck;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code crm/outbox} in {@code /status}: the call logs waiting for their CRM ({@code pending}, including those
 * kept in memory while the database is away), how long the oldest has waited ({@code oldestPendingSeconds}), and
 * those the CRM refused for good ({@code failed}). Down only when the outbox cannot be read.
 */
public final class OutboxCheck implements StatusCheck {

  private final JooqCrmOutbox outbox;
  private final OutboxWriter writer;
  private final Clock clock;

  public OutboxCheck(JooqCrmOutbox outbox, OutboxWriter writer, Clock clock) {
    this.outbox = outbox;
    this.writer = writer;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "crm/outbox";
  }

  @Override
  public String kind() {
    return "crm";
  }

  @Override
  public boolean requiredForReadiness() {
    return false;
  }

  @Override
  public Future<CheckResult> check() {
    return outbox.counts(clock.instant()).map(counts -> {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("pending", counts.pending() + writer.unwritten());
      facts.put("notYetStored", writer.unwritten());
      facts.put("oldestPendingSeconds", counts.oldestPendingAge().map(age -> age.toSeconds()).orElse(0L));
      facts.put("failed", counts.failed());
      return CheckResult.up(counts.pending() + " call logs pending, " + counts.failed() + " failed", facts);
    });
  }
}
