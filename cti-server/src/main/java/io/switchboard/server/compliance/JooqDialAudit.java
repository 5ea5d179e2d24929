package io.switchboard.server.compliance;

import static io.switchboard.server.persistence.jooq.Tables.DIAL_AUDIT;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.queue.dialer.ZoneSource;
import io.switchboard.queue.dialer.compliance.DialAuditEntry;
import io.switchboard.queue.dialer.compliance.DialAuditLog;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.jooq.tables.records.DialAuditRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * {@code dial_audit}: one row per gate decision, written before the decision is acted on ({@link #record} fails
 * when the row could not be stored, and then the gate's stage fails), and read back newest first for the API.
 * The callee's local time is stored as the wall-clock time they saw ({@code 2026-06-10 20:58}), not as an instant.
 */
public final class JooqDialAudit implements DialAuditLog, DialAuditHistory {

  private static final int DETAIL_LENGTH = 512;

  private final Database database;

  public JooqDialAudit(Database database) {
    this.database = database;
  }

  @Override
  public CompletionStage<Void> record(DialAuditEntry entry) {
    return database.query(dsl -> {
      dsl.insertInto(DIAL_AUDIT).set(row(dsl.newRecord(DIAL_AUDIT), entry)).execute();
      return (Void) null;
    }).toCompletionStage();
  }

  @Override
  public Future<JsonArray> find(DialAuditQuery query) {
    Condition where = DSL.and(
        query.phone().map(p -> DIAL_AUDIT.PHONE.eq(p.e164())).orElse(DSL.noCondition()),
        query.campaign().map(c -> DIAL_AUDIT.CAMPAIGN_ID.eq(c.value())).orElse(DSL.noCondition()),
        query.from().map(DIAL_AUDIT.DECIDED_AT::ge).orElse(DSL.noCondition()),
        query.to().map(DIAL_AUDIT.DECIDED_AT::lt).orElse(DSL.noCondition()));
    return database.query(dsl -> {
      JsonArray rows = new JsonArray();
      dsl.selectFrom(DIAL_AUDIT).where(where).orderBy(DIAL_AUDIT.DECIDED_AT.desc(), DIAL_AUDIT.ID.desc())
          .limit(query.limit()).forEach(row -> rows.add(json(row)));
      return rows;
    });
  }

  private static DialAuditRecord row(DialAuditRecord row, DialAuditEntry entry) {
    row.setDecidedAt(entry.decidedAt());
    row.setCampaignId(entry.campaign().value());
    row.setLeadId(Long.valueOf(entry.lead().value()));
    row.setPhone(entry.phone().e164());
    row.setDecision(entry.decision());
    row.setReason(entry.reason());
    row.setDetail(entry.detail().length() > DETAIL_LENGTH ? entry.detail().substring(0, DETAIL_LENGTH)
        : entry.detail());
    row.setRetryAt(entry.retryAt().orElse(null));
    row.setCallId(entry.call().map(CallId::value).orElse(null));
    row.setCallerId(entry.callerId().map(PhoneNumber::e164).orElse(null));
    row.setCalleeTimeZone(entry.zone().map(ZoneId::getId).orElse(null));
    row.setTimeZoneSource(entry.zoneSource().map(ZoneSource::slug).orElse(null));
    row.setCalleeLocalTime(entry.calleeLocalTime().map(t -> t.toInstant(ZoneOffset.UTC)).orElse(null));
    row.setAttempt(entry.attempt());
    row.setDncSource(entry.dncSource().orElse(null));
    row.setAbandonRate_24h(entry.abandonRate24h().map(JooqDialAudit::percent).orElse(null));
    row.setAbandonRate_30d(entry.abandonRate30d().map(JooqDialAudit::percent).orElse(null));
    row.setAbandonBudget(entry.abandonBudget());
    return row;
  }

  private static JsonObject json(DialAuditRecord row) {
    return new JsonObject().put("id", row.getId()).put("decidedAt", text(row.getDecidedAt()))
        .put("campaignId", row.getCampaignId()).put("leadId", String.valueOf(row.getLeadId()))
        .put("phone", row.getPhone()).put("decision", row.getDecision()).put("reason", row.getReason())
        .put("detail", row.getDetail()).put("retryAt", text(row.getRetryAt())).put("callId", row.getCallId())
        .put("callerId", row.getCallerId()).put("calleeTimeZone", row.getCalleeTimeZone())
        .put("timeZoneSource", row.getTimeZoneSource())
        .put("calleeLocalTime", Optional.ofNullable(row.getCalleeLocalTime())
            .map(t -> LocalDateTime.ofInstant(t, ZoneOffset.UTC).toString()).orElse(null))
        .put("attempt", row.getAttempt()).put("dncSource", row.getDncSource())
        .put("abandonRate24h", number(row.getAbandonRate_24h())).put("abandonRate30d", number(row.getAbandonRate_30d()))
        .put("abandonBudget", row.getAbandonBudget());
  }

  private static BigDecimal percent(double rate) {
    return BigDecimal.valueOf(Math.min(rate, 100.0)).setScale(3, RoundingMode.HALF_UP);
  }

  private static Double number(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
