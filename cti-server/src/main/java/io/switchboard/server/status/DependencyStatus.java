package io.switchboard.server.status;

import io.vertx.core.json.JsonObject;

/** One entry of {@code /status}: a check's identity and its latest result. */
public record DependencyStatus(String name, String kind, boolean required, CheckResult result, long elapsedMillis) {

  /** True when this entry holds readiness back. */
  public boolean blocksReadiness() {
    return required && result.state() != DependencyState.UP;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("kind", kind)
        .put("state", result.state().wireName())
        .put("detail", result.detail())
        .put("required", required)
        .put("checkMillis", elapsedMillis);
    result.facts().forEach(json::put);
    return json;
  }
}
