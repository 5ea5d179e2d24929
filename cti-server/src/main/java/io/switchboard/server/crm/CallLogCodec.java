package io.switchboard.server.crm;

import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CallOutcome;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link CallLog} as the JSON kept in {@code crm_outbox.call_log}, versioned by {@code log_version} so a row
 * written by an older node still reads after an upgrade. An empty {@code Optional} is an absent key, never
 * {@code null}; numbers are stored in full (the CRM needs them) and so never go to a log line from here.
 */
final class CallLogCodec {

  /** The version {@link #encode} writes; {@link #decode} reads every version up to it. */
  static final int VERSION = 1;

  private CallLogCodec() {
  }

  static String encode(CallLog log) {
    JsonObject json = new JsonObject()
        .put("call", log.call().value())
        .put("direction", log.direction().name())
        .put("outcome", log.outcome().name())
        .put("started", log.started().toString())
        .put("talkTimeMillis", log.talkTime().toMillis());
    log.contact().ifPresent(contact -> json.put("contact", contact(contact)));
    log.agent().ifPresent(agent -> json.put("agent", agent.value()));
    log.customer().ifPresent(number -> json.put("customer", number.e164()));
    log.ourNumber().ifPresent(number -> json.put("ourNumber", number.e164()));
    log.disposition().ifPresent(value -> json.put("disposition", value));
    log.notes().ifPresent(value -> json.put("notes", value));
    log.recording().ifPresent(uri -> json.put("recording", uri.toString()));
    log.queue().ifPresent(value -> json.put("queue", value));
    return json.encode();
  }

  /**
   * The log stored as {@code json} under {@code version}.
   *
   * @throws IllegalArgumentException naming the field when the row cannot be read (an unknown version, a missing
   *                                  or malformed field)
   */
  static CallLog decode(int version, String json) {
    if (version < 1 || version > VERSION) {
      throw new IllegalArgumentException("log_version " + version + " is not one this node reads (1.." + VERSION + ")");
    }
    JsonObject o = new JsonObject(json);
    return new CallLog(
        CallId.of(required(o, "call")),
        Optional.ofNullable(o.getJsonObject("contact")).map(CallLogCodec::contact),
        optional(o, "agent", AgentId::of),
        optional(o, "customer", PhoneNumber::new),
        optional(o, "ourNumber", PhoneNumber::new),
        CallDirection.valueOf(required(o, "direction")),
        CallOutcome.valueOf(required(o, "outcome")),
        Instant.parse(required(o, "started")),
        Duration.ofMillis(Optional.ofNullable(o.getLong("talkTimeMillis"))
            .orElseThrow(() -> missing("talkTimeMillis"))),
        optional(o, "disposition", Function.identity()),
        optional(o, "notes", Function.identity()),
        optional(o, "recording", URI::create),
        optional(o, "queue", Function.identity()));
  }

  private static JsonObject contact(ContactMatch match) {
    JsonObject json = new JsonObject()
        .put("crm", match.crm())
        .put("objectType", match.objectType())
        .put("contactId", match.contactId())
        .put("displayName", match.displayName())
        .put("openTickets", new JsonArray(match.openTickets()));
    match.link().ifPresent(uri -> json.put("link", uri.toString()));
    match.ownerId().ifPresent(owner -> json.put("ownerId", owner));
    return json;
  }

  private static ContactMatch contact(JsonObject o) {
    List<String> tickets = Optional.ofNullable(o.getJsonArray("openTickets")).orElseGet(JsonArray::new)
        .stream().map(String::valueOf).toList();
    return new ContactMatch(required(o, "crm"), required(o, "objectType"), required(o, "contactId"),
        required(o, "displayName"), optional(o, "link", URI::create), optional(o, "ownerId", Function.identity()),
        tickets);
  }

  private static String required(JsonObject o, String field) {
    String value = o.getString(field);
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  private static <T> Optional<T> optional(JsonObject o, String field, Function<String, T> parse) {
    return Optional.ofNullable(o.getString(field)).map(parse);
  }

  private static IllegalArgumentException missing(String field) {
    return new IllegalArgumentException("call_log." + field + " is missing");
  }
}
