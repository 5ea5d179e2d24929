package io.switchboard.server.campaign;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.queue.dialer.DueLead;
import io.switchboard.queue.dialer.ZoneSource;
import io.switchboard.server.persistence.jooq.tables.records.LeadsRecord;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.JSON;

/** A {@code leads} row as the dialer ({@link DueLead}) and the API see it. */
final class LeadRows {

  private LeadRows() {}

  static DueLead due(LeadsRecord row) {
    Optional<ZoneId> zone = zone(row.getTimeZone());
    Optional<ZoneSource> source = zone.map(z -> row.getTimeZoneSource() == null ? ZoneSource.LEAD
        : ZoneSource.valueOf(row.getTimeZoneSource().toUpperCase(Locale.ROOT)));
    return new DueLead(LeadId.of(String.valueOf(row.getId())), CampaignId.of(row.getCampaignId()),
        new PhoneNumber(row.getPhone()), zone, source, row.getAttempts(), Optional.ofNullable(row.getLastAbandonedAt()),
        Optional.ofNullable(row.getCallbackAgentId()).map(AgentId::of), attributes(row.getPayload()));
  }

  static JsonObject json(LeadsRecord row) {
    JsonObject json = new JsonObject().put("id", String.valueOf(row.getId())).put("phone", row.getPhone())
        .put("state", row.getState()).put("priority", row.getPriority()).put("attempts", row.getAttempts());
    put(json, "listId", row.getListId());
    put(json, "timeZone", row.getTimeZone());
    put(json, "timeZoneSource", row.getTimeZoneSource());
    put(json, "region", row.getRegion());
    put(json, "postcode", row.getPostcode());
    put(json, "externalRef", row.getExternalRef());
    put(json, "lastDisposition", row.getLastDisposition());
    put(json, "callbackAgent", row.getCallbackAgentId());
    put(json, "lastAttemptAt", row.getLastAttemptAt());
    put(json, "nextAttemptAt", row.getNextAttemptAt());
    put(json, "lastAbandonedAt", row.getLastAbandonedAt());
    return json.put("attributes", new JsonObject(new LinkedHashMap<>(attributes(row.getPayload()))));
  }

  private static void put(JsonObject json, String name, Object value) {
    if (value != null) {
      json.put(name, value.toString());
    }
  }

  /** A stored zone; empty for none or one the JDK no longer knows. */
  private static Optional<ZoneId> zone(String stored) {
    try {
      return stored == null ? Optional.empty() : Optional.of(ZoneId.of(stored));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The payload's string values; other values as their JSON text. */
  static Map<String, String> attributes(JSON payload) {
    if (payload == null) {
      return Map.of();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    new JsonObject(payload.data()).forEach(entry -> {
      if (entry.getValue() != null) {
        attributes.put(entry.getKey(), String.valueOf(entry.getValue()));
      }
    });
    return attributes;
  }
}
