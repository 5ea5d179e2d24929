package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The whole configuration of one node, immutable. {@link #defaults()} is what an empty file gives:
 * embedded MariaDB, a single Hazelcast member, no PBX, no CRM. Every key is described in
 * {@code docs/configuration.md}.
 */
public record SwitchboardConfig(
    HttpSettings http,
    DatabaseConfig database,
    HazelcastSettings hazelcast,
    List<PbxConnection> pbx,
    CrmSettings crm,
    LoggingSettings logging,
    OutboundSettings outbound,
    RoutingSettings routing,
    @JsonProperty("queue-log") QueueLogSettings queueLog,
    KpiConfig kpi) {

  public SwitchboardConfig {
    pbx = pbx == null ? List.of() : List.copyOf(pbx);
    outbound = outbound == null ? OutboundSettings.defaults() : outbound;
    routing = routing == null ? RoutingSettings.defaults() : routing;
    queueLog = queueLog == null ? QueueLogSettings.defaults() : queueLog;
    kpi = kpi == null ? KpiConfig.defaults() : kpi;
  }

  /** Without {@code kpi}: its defaults. */
  public SwitchboardConfig(HttpSettings http, DatabaseConfig database, HazelcastSettings hazelcast,
      List<PbxConnection> pbx, CrmSettings crm, LoggingSettings logging, OutboundSettings outbound,
      RoutingSettings routing, QueueLogSettings queueLog) {
    this(http, database, hazelcast, pbx, crm, logging, outbound, routing, queueLog, KpiConfig.defaults());
  }

  /** Without {@code queue-log}: no queue_log file. */
  public SwitchboardConfig(HttpSettings http, DatabaseConfig database, HazelcastSettings hazelcast,
      List<PbxConnection> pbx, CrmSettings crm, LoggingSettings logging, OutboundSettings outbound,
      RoutingSettings routing) {
    this(http, database, hazelcast, pbx, crm, logging, outbound, routing, QueueLogSettings.defaults());
  }

  /** Without {@code routing}: its defaults. */
  public SwitchboardConfig(HttpSettings http, DatabaseConfig database, HazelcastSettings hazelcast,
      List<PbxConnection> pbx, CrmSettings crm, LoggingSettings logging, OutboundSettings outbound) {
    this(http, database, hazelcast, pbx, crm, logging, outbound, RoutingSettings.defaults());
  }

  /** Without {@code outbound}: its defaults. */
  public SwitchboardConfig(HttpSettings http, DatabaseConfig database, HazelcastSettings hazelcast,
      List<PbxConnection> pbx, CrmSettings crm, LoggingSettings logging) {
    this(http, database, hazelcast, pbx, crm, logging, OutboundSettings.defaults());
  }

  public static SwitchboardConfig defaults() {
    return new SwitchboardConfig(
        HttpSettings.defaults(),
        DatabaseConfig.defaults(),
        HazelcastSettings.defaults(),
        List.of(),
        CrmSettings.defaults(),
        LoggingSettings.defaults(),
        OutboundSettings.defaults(),
        RoutingSettings.defaults(),
        QueueLogSettings.defaults(),
        KpiConfig.defaults());
  }

  public SwitchboardConfig withHttp(HttpSettings newHttp) {
    return new SwitchboardConfig(newHttp, database, hazelcast, pbx, crm, logging, outbound, routing, queueLog, kpi);
  }

  public SwitchboardConfig withDatabase(DatabaseConfig newDatabase) {
    return new SwitchboardConfig(http, newDatabase, hazelcast, pbx, crm, logging, outbound, routing, queueLog, kpi);
  }

  public SwitchboardConfig withHazelcast(HazelcastSettings newHazelcast) {
    return new SwitchboardConfig(http, database, newHazelcast, pbx, crm, logging, outbound, routing, queueLog, kpi);
  }

  public SwitchboardConfig withPbx(List<PbxConnection> newPbx) {
    return new SwitchboardConfig(http, database, hazelcast, newPbx, crm, logging, outbound, routing, queueLog, kpi);
  }
}
