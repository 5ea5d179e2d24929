package io.switchboard.server.campaign;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.queue.JsonFields.BadField;
import io.switchboard.server.queue.JsonFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/v1/campaigns/{id}/leads}: a JSON array of at most {@value #MAX_LEADS}
 * leads, each number in E.164 or national for the campaign's default region. Large lists go through the CSV
 * import. A rejection names the JSON path of the first mistake ({@code [1].phone}).
 */
final class LeadRequest {

  /** The most leads one request may add. */
  static final int MAX_LEADS = 1000;
  private static final Set<String> FIELDS = Set.of("phone", "listId", "priority", "timeZone", "region", "postcode",
      "externalRef", "attributes");

  /** The leads, or the first mistake as a {@link BadField}. */
  static List<NewLead> parse(JsonArray body, String defaultRegion) {
    if (body.isEmpty() || body.size() > MAX_LEADS) {
      throw new BadField("", "must be a list of 1 to " + MAX_LEADS + " leads");
    }
    List<NewLead> leads = new ArrayList<>();
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      String path = "[" + i + "]";
      JsonFields lead = JsonFields.element(body, i, path, FIELDS);
      PhoneNumber phone = phone(lead, defaultRegion);
      if (!numbers.add(phone.e164())) {
        throw new BadField(lead.at("phone"), "names the number of an earlier lead of this request");
      }
      String list = lead.text("listId", 64, null);
      if (list != null && !AgentRequest.IDENTIFIER.matcher(list).matches()) {
        throw new BadField(lead.at("listId"), "must be a list id");
      }
      leads.add(new NewLead(path, phone, Optional.ofNullable(list), lead.integer("priority", -1000, 1000, 0),
          zone(lead), Optional.ofNullable(lead.text("region", 64, null)),
          Optional.ofNullable(lead.text("postcode", 16, null)), Optional.ofNullable(lead.text("externalRef", 128, null)),
          attributes(lead)));
    }
    return leads;
  }

  private static PhoneNumber phone(JsonFields lead, String region) {
    String text = lead.text("phone", 32, null);
    if (text == null) {
      throw new BadField(lead.at("phone"), "required: the number to dial, E.164 or national for " + region);
    }
    try {
      return PhoneNumber.parse(text, region, "phone");
    } catch (IllegalArgumentException e) {
      throw new BadField(lead.at("phone"), "must be a possible phone number, E.164 or national for " + region);
    }
  }

  private static Optional<ZoneId> zone(JsonFields lead) {
    String text = lead.text("timeZone", 64, null);
    try {
      return text == null ? Optional.empty() : Optional.of(ZoneId.of(text));
    } catch (DateTimeException e) {
      throw new BadField(lead.at("timeZone"), "must be an IANA time zone, e.g. America/Chicago");
    }
  }

  private static Map<String, String> attributes(JsonFields lead) {
    JsonObject given = lead.object("attributes");
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String name : given.fieldNames()) {
      if (!(given.getValue(name) instanceof String value) || value.length() > 1024 || name.length() > 64) {
        throw new BadField(lead.at("attributes") + "." + name, "must be a string of at most 1024 characters");
      }
      attributes.put(name, value);
    }
    return attributes;
  }
}
