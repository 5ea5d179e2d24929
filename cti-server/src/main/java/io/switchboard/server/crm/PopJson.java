package io.switchboard.server.crm;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.core.crm.CrmLookup;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** The pop message's JSON, as published on the event bus and served by {@code GET /api/v1/agents/{id}/pop}. */
final class PopJson {

  private PopJson() {
  }

  static JsonObject pop(CallId call, AgentId agent, Optional<PhoneNumber> caller, Optional<PhoneNumber> dialled,
      Optional<String> queue, Instant at, JsonArray crms) {
    return new JsonObject().put("callId", call.value()).put("agentId", agent.value())
        .put("caller", caller.map(PhoneNumber::e164).orElse(null))
        .put("dialled", dialled.map(PhoneNumber::e164).orElse(null)).put("queue", queue.orElse(null))
        .put("at", at.toString()).put("crms", crms);
  }

  /** One CRM's answer: {@code matched} with its records, {@code no-match}, or {@code unavailable} and why. */
  static JsonObject crm(String name, CrmLookup answer) {
    JsonObject json = new JsonObject().put("crm", name);
    if (answer instanceof CrmLookup.Unavailable u) {
      return json.put("status", "unavailable").put("errorId", u.errorId()).put("matches", new JsonArray());
    }
    JsonArray matches = new JsonArray();
    answer.matches().forEach(match -> matches.add(match(match)));
    return json.put("status", answer.matches().isEmpty() ? "no-match" : "matched").put("matches", matches);
  }

  private static JsonObject match(ContactMatch m) {
    return new JsonObject().put("crm", m.crm()).put("type", m.objectType()).put("id", m.contactId())
        .put("name", m.displayName()).put("link", m.link().map(URI::toString).orElse(null))
        .put("ownerId", m.ownerId().orElse(null))
        .put("openTickets", new JsonArray(m.openTickets()));
  }
}
