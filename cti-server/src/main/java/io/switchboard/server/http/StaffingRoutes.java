package io.switchboard.server.http;

import io.switchboard.queue.staffing.QueueMetrics;
import io.switchboard.queue.staffing.Staffing;
import io.switchboard.queue.staffing.StaffingAnswer;
import io.switchboard.queue.staffing.StaffingModel;
import io.switchboard.queue.staffing.StaffingOutcome;
import io.switchboard.queue.staffing.StaffingQuestion;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * {@code /api/v1/staffing}: Erlang C and Erlang A staffing. Needs no database or PBX; the arithmetic runs
 * on the {@value #WORKER_POOL} pool because an Erlang A search over a long queue takes a noticeable time.
 */
final class StaffingRoutes {

  static final String WORKER_POOL = "switchboard-staffing";
  private static final double DEFAULT_INTERVAL_SECONDS = 3600;

  private final WorkerExecutor workers;

  StaffingRoutes(Vertx vertx) {
    this.workers = vertx.createSharedWorkerExecutor(WORKER_POOL, 2);
  }

  void mount(Router router) {
    router.get("/api/v1/staffing/erlang-c").handler(ctx -> answer(ctx, StaffingModel.ERLANG_C));
    router.get("/api/v1/staffing/erlang-a").handler(ctx -> answer(ctx, StaffingModel.ERLANG_A));
  }

  private void answer(RoutingContext ctx, StaffingModel model) {
    StaffingQuestion question;
    try {
      question = question(ctx.queryParams(), model);
    } catch (InvalidParameter e) {
      ApiError.invalidField(e.field, e.reason).send(ctx, 400);
      return;
    }
    workers.executeBlocking(() -> Staffing.answer(question), false)
        .onSuccess(outcome -> send(ctx, outcome))
        .onFailure(ctx::fail);
  }

  private static StaffingQuestion question(MultiMap query, StaffingModel model) {
    OptionalDouble patience = optionalNumber(query, "patienceSeconds");
    if (model == StaffingModel.ERLANG_A && patience.isEmpty()) {
      throw new InvalidParameter("patienceSeconds", "is required for Erlang A");
    }
    if (model == StaffingModel.ERLANG_C && patience.isPresent()) {
      throw new InvalidParameter("patienceSeconds", "is not used by Erlang C; ask /api/v1/staffing/erlang-a");
    }
    OptionalDouble agentCount = optionalNumber(query, "agents");
    if (agentCount.isPresent() && agentCount.getAsDouble() != Math.rint(agentCount.getAsDouble())) {
      throw new InvalidParameter("agents", "must be a whole number");
    }
    OptionalInt agents = agentCount.isPresent() ? OptionalInt.of((int) agentCount.getAsDouble()) : OptionalInt.empty();
    return new StaffingQuestion(number(query, "callsPerInterval"),
        optionalNumber(query, "intervalSeconds").orElse(DEFAULT_INTERVAL_SECONDS), number(query, "ahtSeconds"),
        optionalNumber(query, "serviceLevel"), number(query, "answerWithinSeconds"), agents, patience);
  }

  private static double number(MultiMap query, String name) {
    return optionalNumber(query, name).orElseThrow(() -> new InvalidParameter(name, "is required"));
  }

  private static OptionalDouble optionalNumber(MultiMap query, String name) {
    String text = query.get(name);
    if (text == null || text.isBlank()) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(text.trim()));
    } catch (NumberFormatException e) {
      throw new InvalidParameter(name, "must be a number, got '" + text + "'");
    }
  }

  private static void send(RoutingContext ctx, StaffingOutcome outcome) {
    if (outcome instanceof StaffingAnswer answer) {
      ctx.response().setStatusCode(200).putHeader("content-type", "application/json").end(json(answer).encode());
    } else if (outcome instanceof StaffingOutcome.InvalidInput invalid) {
      ApiError.invalidField(invalid.field(), invalid.reason()).send(ctx, 400);
    } else if (outcome instanceof StaffingOutcome.Overloaded overloaded) {
      new ApiError("staffing-overloaded", overloaded.message(), new JsonObject().put("field", "agents")
          .put("agents", overloaded.agents()).put("trafficErlangs", overloaded.erlangs())).send(ctx, 422);
    } else if (outcome instanceof StaffingOutcome.TargetUnreachable unreachable) {
      new ApiError("staffing-target-unreachable", unreachable.message(), new JsonObject().put("field", "serviceLevel")
          .put("maxAgents", unreachable.maxAgents()).put("bestServiceLevel", unreachable.bestServiceLevel()))
          .send(ctx, 422);
    } else if (outcome instanceof StaffingOutcome.QueueTooLong tooLong) {
      new ApiError("staffing-queue-too-long", tooLong.message(), new JsonObject().put("field", "patienceSeconds")
          .put("agents", tooLong.agents())).send(ctx, 422);
    }
  }

  private static JsonObject json(StaffingAnswer answer) {
    QueueMetrics metrics = answer.metrics();
    JsonObject json = new JsonObject().put("model", answer.model().slug())
        .put("trafficErlangs", answer.erlangs())
        .put("agents", metrics.agents())
        .put("answerWithinSeconds", answer.answerWithinSeconds())
        .put("targetServiceLevel", answer.targetServiceLevel().isPresent()
            ? answer.targetServiceLevel().getAsDouble() : null)
        .put("meetsTarget", answer.meetsTarget())
        .put("serviceLevel", metrics.serviceLevel())
        .put("waitProbability", metrics.waitProbability())
        .put("asaSeconds", Double.isFinite(metrics.asaSeconds()) ? metrics.asaSeconds() : null)
        .put("occupancy", metrics.occupancy());
    if (answer.model() == StaffingModel.ERLANG_A) {
      json.put("abandonmentProbability", metrics.abandonmentProbability());
    }
    return json;
  }

  /** A query parameter that is missing or not a number; answered as {@code invalid-field}. */
  private static final class InvalidParameter extends RuntimeException {
    private final String field;
    private final String reason;

    InvalidParameter(String field, String reason) {
      super(field + " " + reason, null, false, false);
      this.field = field;
      this.reason = reason;
    }
  }
}
