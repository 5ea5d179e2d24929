package io.switchboard.server.config;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Value rules the types cannot express: port ranges, required keys per join method, enabled CRMs' credentials. */
final class ConfigValidator {

  /** One broken rule, named by its key path. */
  record Problem(String key, String message) {}

  private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_-]{1,79}");
  /** An absolute path FreeSWITCH's {@code uuid_record} and {@code uuid_setvar} take as one argument. */
  private static final Pattern RECORDING_DIRECTORY = Pattern.compile("/[^\\s,;{}\\[\\]'\"]*");

  private final List<Problem> problems = new ArrayList<>();

  static List<Problem> check(SwitchboardConfig config) {
    ConfigValidator v = new ConfigValidator();
    v.http(config.http());
    v.database(config.database());
    v.hazelcast(config.hazelcast());
    v.pbx(config.pbx());
    v.crm(config.crm());
    v.outbound(config.outbound());
    v.routing(config.routing());
    v.queueLog(config.queueLog());
    v.kpi(config.kpi());
    return v.problems;
  }

  private void http(HttpSettings http) {
    notBlank("http.host", http.host());
    port("http.port", http.port(), true);
    problems.addAll(HttpRules.check(http));
    AuthSettings auth = http.auth();
    if (!auth.sessionKey().isBlank() && auth.sessionKey().value().length() < 32) {
      problems.add(new Problem("http.auth.session-key", "must be at least 32 characters (it signs session tokens)"));
    }
    if (!auth.adminToken().isBlank() && auth.adminToken().value().length() < 16) {
      problems.add(new Problem("http.auth.admin-token", "must be at least 16 characters"));
    }
    if (auth.sessionMinutes() < 1 || auth.sessionMinutes() > 7 * 24 * 60) {
      problems.add(new Problem("http.auth.session-minutes", "must be between 1 and 10080 (a week), got "
          + auth.sessionMinutes()));
    }
  }

  private void database(DatabaseConfig db) {
    if (db.url() != null && !db.url().toLowerCase(Locale.ROOT).startsWith("jdbc:mariadb:")) {
      problems.add(new Problem("database.url",
          "must be a MariaDB JDBC URL such as jdbc:mariadb://db.example.com:3306/switchboard"));
    }
    if (db.embeddedMode()) {
      port("database.embedded.port", db.embedded().port(), true);
    }
    if (db.poolSize() < 1 || db.poolSize() > 100) {
      problems.add(new Problem("database.pool-size", "must be between 1 and 100, got " + db.poolSize()));
    }
  }

  private void hazelcast(HazelcastSettings hz) {
    notBlank("hazelcast.cluster-name", hz.clusterName());
    port("hazelcast.member-port", hz.memberPort(), false);
    publicAddress(hz.publicAddress());
    if (!hz.bindAny() && (hz.networkInterface() == null || hz.networkInterface().isBlank())) {
      problems.add(new Problem("hazelcast.interface", "must name the one address to bind to when bind-any is false"));
    }
    between("hazelcast.expected-members", hz.expectedMembers(), 1, 99);
    between("hazelcast.heartbeat-seconds", hz.heartbeatSeconds(), 1, 10);
    between("hazelcast.pbx-lease-seconds", hz.pbxLeaseSeconds(), 1, 60);
    if (hz.maxNoHeartbeatSeconds() < 2 * hz.heartbeatSeconds() || hz.maxNoHeartbeatSeconds() > 300) {
      problems.add(new Problem("hazelcast.max-no-heartbeat-seconds", "must be between twice heartbeat-seconds ("
          + 2 * hz.heartbeatSeconds() + ") and 300, got " + hz.maxNoHeartbeatSeconds()));
    }
    JoinSettings join = hz.join();
    if (join.method() == null) {
      problems.add(new Problem("hazelcast.join.method", "must be one of none, tcp-ip, multicast, kubernetes"));
      return;
    }
    switch (join.method()) {
      case TCP_IP -> {
        if (join.members().isEmpty()) {
          problems.add(new Problem("hazelcast.join.members", "must list at least one member when join.method is tcp-ip"));
        }
      }
      case MULTICAST -> {
        notBlank("hazelcast.join.multicast-group", join.multicastGroup());
        port("hazelcast.join.multicast-port", join.multicastPort(), false);
      }
      case KUBERNETES -> notBlank("hazelcast.join.service-dns", join.serviceDns());
      case NONE -> { }
    }
  }

  private void pbx(List<PbxConnection> connections) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < connections.size(); i++) {
      PbxConnection c = connections.get(i);
      String at = "pbx[" + i + "]";
      if (c == null) {
        problems.add(new Problem(at, "must be a mapping with name, type, host"));
        continue;
      }
      notBlank(at + ".name", c.name());
      if (c.name() != null && !c.name().isBlank() && !names.add(c.name())) {
        problems.add(new Problem(at + ".name", "'" + c.name() + "' is used by two connections; names must be unique"));
      }
      if (c.type() == null) {
        problems.add(new Problem(at + ".type", "is required: asterisk or freeswitch"));
      }
      notBlank(at + ".host", c.host());
      port(at + ".port", c.port(), false);
      dialing(at, c);
      recording(at, c);
    }
    problems.addAll(PbxTrunkRules.check(connections));
  }

  private void recording(String at, PbxConnection c) {
    String key = at + ".recording-directory";
    if (c.type() == PbxType.ASTERISK && !c.recordingDirectory().isEmpty()) {
      problems.add(new Problem(key, "is for FreeSWITCH only: Asterisk writes recordings to its own monitor directory"
          + " (astspooldir/monitor in asterisk.conf); remove the key from this asterisk entry"));
    } else if (c.type() == PbxType.FREESWITCH && !RECORDING_DIRECTORY.matcher(c.recordingDirectory()).matches()) {
      problems.add(new Problem(key, "must be an absolute path without spaces, commas, semicolons, brackets, braces or quotes, e.g. "
          + PbxConnection.DEFAULT_FREESWITCH_RECORDING_DIRECTORY + "; got '" + c.recordingDirectory() + "'"));
    }
  }

  private void dialing(String at, PbxConnection c) {
    if (!c.outboundChannel().contains("{number}") || c.outboundChannel().isBlank()) {
      String example = c.type() == PbxType.FREESWITCH ? "sofia/gateway/carrier/{number}" : "PJSIP/{number}@trunk";
      problems.add(new Problem(at + ".outbound-channel", "must contain {number}, e.g. " + example + "; got '"
          + c.outboundChannel() + "'"));
    }
    if (!CONTEXT.matcher(c.transferContext()).matches()) {
      problems.add(new Problem(at + ".transfer-context", "must be a dialplan context name (letters, digits, "
          + "'-', '_'); got '" + c.transferContext() + "'"));
    }
    if (!c.region().equals(PbxConnection.NO_REGION)
        && !PhoneNumberUtil.getInstance().getSupportedRegions().contains(c.region())) {
      problems.add(new Problem(at + ".region", "must be a two-letter ISO 3166 region such as GB or US, or ZZ for "
          + "none; got '" + c.region() + "'"));
    }
  }

  private void queueLog(QueueLogSettings queueLog) {
    if (queueLog.writesFile() && !Path.of(queueLog.file()).isAbsolute()) {
      problems.add(new Problem("queue-log.file", "must be an absolute path such as /var/log/switchboard/queue_log, got '"
          + queueLog.file() + "'"));
    }
  }

  private void routing(RoutingSettings routing) {
    if (routing.autoPauseAfterMisses() < 0 || routing.autoPauseAfterMisses() > 100) {
      problems.add(new Problem("routing.auto-pause-after-misses", "must be between 0 (off) and 100, got "
          + routing.autoPauseAfterMisses()));
    }
    try {
      ZoneId.of(routing.statisticsZone());
    } catch (DateTimeException e) {
      problems.add(new Problem("routing.statistics-zone", "must be a time zone such as UTC or Europe/Berlin, got '"
          + routing.statisticsZone() + "'"));
    }
    if (routing.lastAgentRetentionHours() < 1 || routing.lastAgentRetentionHours() > RoutingSettings.MAX_RETENTION_HOURS) {
      problems.add(new Problem("routing.last-agent-retention-hours", "must be between 1 and "
          + RoutingSettings.MAX_RETENTION_HOURS + " (a year), got " + routing.lastAgentRetentionHours()));
    }
  }

  private void kpi(KpiConfig kpi) {
    if (kpi.serviceLevelSeconds() < 1 || kpi.serviceLevelSeconds() > 3600) {
      problems.add(new Problem("kpi.service-level-seconds", "must be between 1 and 3600, got "
          + kpi.serviceLevelSeconds()));
    }
    if (kpi.shortAbandonSeconds() < 0 || kpi.shortAbandonSeconds() > 600) {
      problems.add(new Problem("kpi.short-abandon-seconds", "must be between 0 (none) and 600, got "
          + kpi.shortAbandonSeconds()));
    }
    if (kpi.repeatCallerHours() < 1 || kpi.repeatCallerHours() > 168) {
      problems.add(new Problem("kpi.repeat-caller-hours", "must be between 1 and 168 (a week), got "
          + kpi.repeatCallerHours()));
    }
    try {
      ZoneId.of(kpi.zone());
    } catch (DateTimeException e) {
      problems.add(new Problem("kpi.zone", "must be a time zone such as UTC or Europe/Berlin, got '" + kpi.zone()
          + "'"));
    }
  }

  private void outbound(OutboundSettings out) {
    if (out.ringTimeoutSeconds() < OutboundSettings.MIN_RING_SECONDS || out.ringTimeoutSeconds() > 300) {
      problems.add(new Problem("outbound.ring-timeout-seconds", "must be between "
          + OutboundSettings.MIN_RING_SECONDS + " and 300 (compliance: at least 15 s), got " + out.ringTimeoutSeconds()));
    }
    if (out.wrapUpSeconds() < 0 || out.wrapUpSeconds() > 3600) {
      problems.add(new Problem("outbound.wrap-up-seconds", "must be between 0 and 3600, got " + out.wrapUpSeconds()));
    }
    if (out.answeringMachine() == null) {
      problems.add(new Problem("outbound.answering-machine", "must be one of hangup, message"));
    } else if (out.answeringMachine() == AnsweringMachineAction.MESSAGE && out.machineMessage().isBlank()) {
      problems.add(new Problem("outbound.machine-message",
          "must name a sound (e.g. custom/callback-offer) when outbound.answering-machine is message"));
    }
    sound("outbound.machine-message", out.machineMessage());
    sound("outbound.safe-harbour-message", out.safeHarbourMessage());
    if (out.amdFalsePositivePercent() < 0 || out.amdFalsePositivePercent() > 100) {
      problems.add(new Problem("outbound.amd-false-positive-percent", "must be between 0 and 100, got "
          + out.amdFalsePositivePercent()));
    }
    if (out.blendCalmSeconds() < 1 || out.blendCalmSeconds() > 3600) {
      problems.add(new Problem("outbound.blend-calm-seconds", "must be between 1 and 3600, got "
          + out.blendCalmSeconds()));
    }
  }

  /** A Playback argument: sound names joined by {@code &}, nothing the dialplan would read as syntax. */
  private void sound(String key, String value) {
    if (!value.isEmpty() && !value.matches("[A-Za-z0-9_./-]+(&[A-Za-z0-9_./-]+)*")) {
      problems.add(new Problem(key, "must be sound names such as custom/offer or a&b (letters, digits, _ . / -), got '"
          + value + "'"));
    }
  }

  private void crm(CrmSettings crm) {
    if (crm.salesforce().enabled()) {
      if (crm.salesforce().instanceUrl().isBlank()) {
        notBlank("crm.salesforce.instance-url", crm.salesforce().instanceUrl());
      } else {
        httpUrl("crm.salesforce.instance-url", crm.salesforce().instanceUrl());
      }
      notBlank("crm.salesforce.client-id", crm.salesforce().clientId());
      secret("crm.salesforce.client-secret", crm.salesforce().clientSecret());
    }
    if (crm.hubspot().enabled()) {
      secret("crm.hubspot.access-token", crm.hubspot().accessToken());
      if (!crm.hubspot().portalId().matches("[0-9]{1,18}")) {
        problems.add(new Problem("crm.hubspot.portal-id",
            "must be the HubSpot account's id (digits) when HubSpot is enabled, got '" + crm.hubspot().portalId() + "'"));
      }
    }
    if (crm.zendesk().enabled()) {
      notBlank("crm.zendesk.subdomain", crm.zendesk().subdomain());
      notBlank("crm.zendesk.email", crm.zendesk().email());
      secret("crm.zendesk.api-token", crm.zendesk().apiToken());
      if (crm.zendesk().appId() < 1) {
        problems.add(new Problem("crm.zendesk.app-id",
            "must be the Zendesk app id of the Talk integration (a positive number) when Zendesk is enabled"));
      }
    }
    httpUrl("crm.hubspot.api-url", crm.hubspot().apiUrl());
    httpUrl("crm.zendesk.api-url", crm.zendesk().apiUrl().replace("{subdomain}", "subdomain"));
    CrmOutboxConfig outbox = crm.outbox();
    between("crm.outbox.poll-interval-seconds", outbox.pollIntervalSeconds(), 1, 300);
    between("crm.outbox.max-delay-seconds", outbox.maxDelaySeconds(), 10, 3600);
    between("crm.outbox.max-attempts", outbox.maxAttempts(), 1, 100_000);
    between("crm.outbox.disposition-wait-seconds", outbox.dispositionWaitSeconds(), 0, 3600);
    between("crm.outbox.lookup-timeout-millis", outbox.lookupTimeoutMillis(), 100, 30_000);
  }

  private void httpUrl(String key, String value) {
    if (value == null || !value.matches("https?://[^\\s/]+(/\\S*)?")) {
      problems.add(new Problem(key, "must be an http or https URL, got '" + value + "'"));
    }
  }

  private void between(String key, int value, int min, int max) {
    if (value < min || value > max) {
      problems.add(new Problem(key, "must be between " + min + " and " + max + ", got " + value));
    }
  }

  /** {@code host} or {@code host:port}: empty is fine (the member announces the address it binds to). */
  private void publicAddress(String address) {
    if (address == null || address.isBlank()) {
      return;
    }
    String key = "hazelcast.public-address";
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? address : address.substring(0, colon);
    if (host.isBlank() || host.contains(":") || host.contains(" ")) {
      problems.add(new Problem(key, "must be host or host:port (such as 203.0.113.7:5701), got '" + address + "'"));
      return;
    }
    if (colon >= 0) {
      try {
        port(key, Integer.parseInt(address.substring(colon + 1)), false);
      } catch (NumberFormatException e) {
        problems.add(new Problem(key, "must end in a port number after ':', got '" + address + "'"));
      }
    }
  }

  private void notBlank(String key, String value) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem(key, "must not be blank"));
    }
  }

  private void secret(String key, Secret value) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem(key, "must be set when this CRM is enabled"));
    }
  }

  private void port(String key, int port, boolean zeroMeansAny) {
    int min = zeroMeansAny ? 0 : 1;
    if (port < min || port > 65535) {
      problems.add(new Problem(key, "must be between " + min + " and 65535, got " + port));
    }
  }
}
