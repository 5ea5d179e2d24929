package io.switchboard.server.kpi;

import io.switchboard.queue.kpi.AgentFigures;
import io.switchboard.queue.kpi.AgentKpis;
import io.switchboard.queue.kpi.KpiWindow;
import io.switchboard.queue.kpi.QueueFigures;
import io.switchboard.queue.kpi.QueueKpis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * KPI snapshots as the API and the stream show them: the schemas {@code QueueKpis} and {@code AgentKpis} in the
 * OpenAPI document. Durations are seconds; a ratio or mean with nothing to count is {@code null}.
 */
public final class KpiJson {

  private KpiJson() {}

  public static JsonObject queue(QueueKpis kpis) {
    JsonObject windows = new JsonObject();
    kpis.windows().forEach((window, f) -> windows.put(window.key(), queueFigures(f)));
    return new JsonObject().put("queue", kpis.queue().value()).put("at", kpis.at().toString())
        .put("serviceLevelThresholdSeconds", seconds(kpis.threshold())).put("serviceLevelTarget", kpis.target())
        .put("waiting", kpis.waiting())
        .put("longestWaitSeconds", seconds(kpis.longestWait())).put("windows", ordered(windows));
  }

  public static JsonObject agent(AgentKpis kpis) {
    JsonObject windows = new JsonObject();
    kpis.windows().forEach((window, f) -> windows.put(window.key(), agentFigures(f)));
    return new JsonObject().put("agent", kpis.agent().value()).put("at", kpis.at().toString())
        .put("state", kpis.state().name().toLowerCase().replace('_', '-')).put("windows", ordered(windows));
  }

  /** Every queue and agent, as {@code GET /api/v1/kpis} answers. */
  public static JsonObject all(Instant at, List<QueueKpis> queues, List<AgentKpis> agents) {
    return new JsonObject().put("at", at.toString())
        .put("queues", new JsonArray(queues.stream().map(KpiJson::queue).toList()))
        .put("agents", new JsonArray(agents.stream().map(KpiJson::agent).toList()));
  }

  private static JsonObject queueFigures(QueueFigures f) {
    return new JsonObject().put("offered", f.offered()).put("answered", f.answered())
        .put("answeredWithinThreshold", f.answeredWithinThreshold()).put("abandoned", f.abandoned())
        .put("shortAbandons", f.shortAbandons()).put("repeatCallers", f.repeatCallers()).put("handled", f.handled())
        .put("serviceLevel", ratio(f.serviceLevel())).put("abandonmentRate", ratio(f.abandonmentRate()))
        .put("averageSpeedOfAnswerSeconds", seconds(f.averageSpeedOfAnswer()))
        .put("averageHandleTimeSeconds", seconds(f.averageHandleTime()));
  }

  private static JsonObject agentFigures(AgentFigures f) {
    return new JsonObject().put("answered", f.answered()).put("handled", f.handled())
        .put("averageHandleTimeSeconds", seconds(f.averageHandleTime()))
        .put("handlingSeconds", seconds(f.handling())).put("readySeconds", seconds(f.ready()))
        .put("loggedInSeconds", seconds(f.loggedIn())).put("occupancy", ratio(f.occupancy()))
        .put("utilisation", ratio(f.utilisation()));
  }

  private static JsonObject ordered(JsonObject windows) {
    JsonObject ordered = new JsonObject();
    for (KpiWindow window : KpiWindow.values()) {
      ordered.put(window.key(), windows.getValue(window.key()));
    }
    return ordered;
  }

  private static Double ratio(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  private static Double seconds(Optional<Duration> value) {
    return value.map(KpiJson::seconds).orElse(null);
  }

  private static double seconds(Duration value) {
    return value.toMillis() / 1000.0;
  }
}
