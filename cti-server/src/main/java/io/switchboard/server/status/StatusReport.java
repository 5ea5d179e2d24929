package io.switchboard.server.status;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** All dependencies at one instant, in registration order. */
public record StatusReport(List<DependencyStatus> dependencies) {

  public StatusReport {
    dependencies = List.copyOf(dependencies);
  }

  /** Ready when every dependency required for readiness is up. */
  public boolean ready() {
    return dependencies.stream().noneMatch(DependencyStatus::blocksReadiness);
  }

  /** {@code up}, {@code degraded} (ready, but an optional dependency has a problem) or {@code down}. */
  public String overall() {
    if (!ready()) {
      return "down";
    }
    return dependencies.stream().anyMatch(d -> d.result().state().isProblem()) ? "degraded" : "up";
  }

  /** The names of the required dependencies that are not up. */
  public List<String> blocking() {
    return dependencies.stream().filter(DependencyStatus::blocksReadiness).map(DependencyStatus::name).toList();
  }

  /** {@code {"status": ..., "dependencies": {"database": {...}, ...}}}. */
  public JsonObject toJson() {
    JsonObject entries = new JsonObject();
    dependencies.forEach(d -> entries.put(d.name(), d.toJson()));
    return new JsonObject().put("status", overall()).put("dependencies", entries);
  }
}
