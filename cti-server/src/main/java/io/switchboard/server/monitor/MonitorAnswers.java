package io.switchboard.server.monitor;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.port.MonitorMode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Monitors and their outcomes as the owner of a PBX answers another node about them (docs/cluster.md). */
final class MonitorAnswers {

  private MonitorAnswers() {
  }

  static JsonObject encode(MonitorOutcome outcome) {
    if (outcome instanceof MonitorOutcome.Started started) {
      return new JsonObject().put("status", 202).put("outcome", "started").put("monitor", started.monitor().toJson());
    }
    if (outcome instanceof MonitorOutcome.Ended ended) {
      return new JsonObject().put("status", 202).put("outcome", "ended").put("monitor", ended.monitor().toJson());
    }
    MonitorOutcome.Refused refused = (MonitorOutcome.Refused) outcome;
    return new JsonObject().put("status", refused.status()).put("errorId", refused.errorId())
        .put("message", refused.message()).put("details", new JsonObject());
  }

  /** An owner's answer; one without an outcome (e.g. 503 {@code pbx-owner-unreachable}) is a refusal. */
  static MonitorOutcome decode(JsonObject answer) {
    String outcome = answer.getString("outcome", "");
    if (outcome.equals("started")) {
      return new MonitorOutcome.Started(monitor(answer.getJsonObject("monitor")));
    }
    if (outcome.equals("ended")) {
      return new MonitorOutcome.Ended(monitor(answer.getJsonObject("monitor")));
    }
    return new MonitorOutcome.Refused(answer.getInteger("status", 502), answer.getString("errorId", "pbx-refused"),
        answer.getString("message", ""));
  }

  static JsonObject list(List<Monitor> monitors) {
    return new JsonObject().put("status", 200).put("monitors", new JsonArray(monitors.stream().map(Monitor::toJson)
        .toList()));
  }

  /** The monitors an owner listed; none when it did not answer with a list. */
  static List<Monitor> monitors(JsonObject answer) {
    List<Monitor> all = new ArrayList<>();
    JsonArray listed = answer.getJsonArray("monitors", new JsonArray());
    for (int i = 0; i < listed.size(); i++) {
      all.add(monitor(listed.getJsonObject(i)));
    }
    return all;
  }

  /** Reads {@link Monitor#toJson}. */
  static Monitor monitor(JsonObject json) {
    return new Monitor(json.getString("id"), AgentId.of(json.getString("agentId")), CallId.of(json.getString(
        "callId")), LegId.of(json.getString("legId")), MonitorMode.valueOf(json.getString("mode")
        .toUpperCase(Locale.ROOT)), json.getString("device"), json.getString("supervisor"),
        Instant.parse(json.getString("startedAt")));
  }
}
