package io.switchboard.server.compliance;

import io.switchboard.queue.dialer.compliance.AbandonLedger;
import io.switchboard.queue.dialer.compliance.ComplianceGate;
import io.switchboard.queue.dialer.compliance.ComplianceRules;
import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The compliance gate of a node, built on the database: DNC lookups, the {@code dial_audit} writer and reader, and
 * the abandon ledger, loaded from {@code campaign_call_results} before {@link #start} completes so the first dial
 * decision already sees the last 30 days. Hand {@link #gate()} to the dialer loop and {@link #ledger()} to whatever
 * is told of campaign call ends.
 */
public final class Compliance {

  private final ComplianceGate gate;
  private final JooqDialAudit audit;
  private final Database database;
  private final ZoneId todayZone;
  private final Clock clock;

  private Compliance(ComplianceGate gate, JooqDialAudit audit, Database database, ZoneId todayZone, Clock clock) {
    this.gate = gate;
    this.audit = audit;
    this.database = database;
    this.todayZone = todayZone;
    this.clock = clock;
  }

  /**
   * @param todayZone         where the ledger's "today" starts (the statistics zone)
   * @param amdFalsePositives the share of machine verdicts counted as abandoned people under UK rules
   */
  public static Future<Compliance> start(Database database, ZoneId todayZone, double amdFalsePositives, Clock clock) {
    AbandonLedger ledger = new AbandonLedger(todayZone);
    JooqDialAudit audit = new JooqDialAudit(database);
    ComplianceGate gate = new ComplianceGate(new ComplianceRules(amdFalsePositives), new JooqDncList(database),
        ledger, audit);
    return new JooqCallResults(database).load(ledger, clock.instant())
        .map(loaded -> new Compliance(gate, audit, database, todayZone, clock));
  }

  /**
   * Reads the abandon ledger again from {@code campaign_call_results}: a node about to take the dialling over (it
   * now owns the PBX campaigns dial through, docs/cluster.md) counts the calls the previous owner ended.
   */
  public Future<Void> reload() {
    AbandonLedger fresh = new AbandonLedger(todayZone);
    return new JooqCallResults(database).load(fresh, clock.instant()).map(groups -> {
      ledger().replaceWith(fresh);
      return null;
    });
  }

  /** The {@code DialGate} the dialer loop checks every lead with. */
  public ComplianceGate gate() {
    return gate;
  }

  /** The abandon ledger; a {@code CampaignCallEnded} the campaign calls must tell of every call end. */
  public AbandonLedger ledger() {
    return gate.ledger();
  }

  /** The recorded decisions, for the API. */
  public DialAuditHistory history() {
    return audit;
  }
}
