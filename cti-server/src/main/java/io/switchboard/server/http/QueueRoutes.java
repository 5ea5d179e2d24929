package io.switchboard.server.http;

import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.Task;
import io.switchboard.core.routing.TaskStatus;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.queue.QueueCatalogue;
import io.switchboard.server.queue.QueueDefinition;
import io.switchboard.server.queue.QueueDefinition.Kind;
import io.switchboard.server.queue.QueueRequest;
import io.switchboard.server.queue.QueueWrite;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /api/v1/queues}: create, list, read, replace and delete queues with their whole routing configuration.
 * A rejected request changes nothing; its error names the field. A queue is not deleted while this node's router
 * holds a live task of it or while agents are its members.
 */
final class QueueRoutes {

  private static final Set<TaskStatus> LIVE = EnumSet.of(TaskStatus.PENDING, TaskStatus.RESERVED,
      TaskStatus.ASSIGNED, TaskStatus.WRAPPING);

  private final QueueCatalogue queues;
  private final Supplier<Future<List<Task>>> liveTasks;
  private final Consumer<QueueId> changed;

  /**
   * {@code liveTasks}: the tasks the router holds now, so a queue with waiting calls is not deleted;
   * {@code changed} hears of every queue stored or deleted, before the answer is sent, so that the router's
   * copy of the queue is read again before the next call to it is decided.
   */
  QueueRoutes(QueueCatalogue queues, Supplier<Future<List<Task>>> liveTasks, Consumer<QueueId> changed) {
    this.queues = queues;
    this.liveTasks = liveTasks;
    this.changed = changed;
  }

  void mount(Router router) {
    router.post("/api/v1/queues").handler(ctx -> write(ctx, QueueRequest::create, queues::create, 201));
    router.get("/api/v1/queues").handler(this::list);
    router.get("/api/v1/queues/:id").handler(this::find);
    router.put("/api/v1/queues/:id").handler(ctx -> write(ctx,
        json -> QueueRequest.replace(ctx.pathParam("id"), json), queues::replace, 200));
    router.delete("/api/v1/queues/:id").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    queues.definitions().onSuccess(all -> {
      JsonArray items = new JsonArray();
      all.forEach(queue -> items.add(QueueJson.of(queue)));
      send(ctx, 200, new JsonObject().put("queues", items));
    }).onFailure(ctx::fail);
  }

  private void find(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!AgentRequest.IDENTIFIER.matcher(id).matches()) {
      notFound(ctx, id);
      return;
    }
    queues.definition(QueueId.of(id)).onSuccess(found -> found.ifPresentOrElse(
        queue -> send(ctx, 200, QueueJson.of(queue)), () -> notFound(ctx, id))).onFailure(ctx::fail);
  }

  private void write(RoutingContext ctx, Function<JsonObject, QueueRequest.Parsed> parse,
      Function<QueueDefinition, Future<QueueWrite>> store, int status) {
    JsonObject body = ApiError.jsonBody(ctx, "a JSON object describing the queue").orElse(null);
    if (body == null) {
      return;
    }
    QueueRequest.Parsed parsed = parse.apply(body);
    if (parsed instanceof QueueRequest.Invalid invalid) {
      ApiError.invalidField(invalid.field(), invalid.reason()).send(ctx, 400);
      return;
    }
    QueueDefinition queue = ((QueueRequest.Valid) parsed).queue();
    store.apply(queue).onSuccess(outcome -> {
      if (outcome instanceof QueueWrite.Saved) {
        changed.accept(queue.id());
        ctx.response().putHeader("location", "/api/v1/queues/" + queue.id().value());
        send(ctx, status, QueueJson.of(queue));
      } else {
        refuse(ctx, outcome);
      }
    }).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!AgentRequest.IDENTIFIER.matcher(id).matches()) {
      notFound(ctx, id);
      return;
    }
    QueueId queue = QueueId.of(id);
    liveTasks.get().compose(tasks -> {
      long live = tasks.stream().filter(t -> t.queue().equals(queue) && LIVE.contains(t.status())).count();
      return live > 0 ? Future.succeededFuture(new QueueWrite.InUse(queue, live + " call(s) are waiting or connected"))
          : queues.delete(queue);
    }).onSuccess(outcome -> {
      if (outcome instanceof QueueWrite.Saved) {
        changed.accept(queue);
        ctx.response().setStatusCode(204).end();
      } else {
        refuse(ctx, outcome);
      }
    }).onFailure(ctx::fail);
  }

  private static void refuse(RoutingContext ctx, QueueWrite outcome) {
    if (outcome instanceof QueueWrite.AlreadyExists exists) {
      new ApiError("queue-exists", "a queue with id '" + exists.id().value() + "' already exists",
          new JsonObject().put("field", "id").put("id", exists.id().value())).send(ctx, 409);
    } else if (outcome instanceof QueueWrite.NotFound missing) {
      notFound(ctx, missing.id().value());
    } else if (outcome instanceof QueueWrite.InUse inUse) {
      new ApiError("queue-in-use", "queue '" + inUse.id().value() + "' is in use: " + inUse.reason(),
          new JsonObject().put("field", "id").put("id", inUse.id().value()).put("reason", inUse.reason()))
          .send(ctx, 409);
    } else if (outcome instanceof QueueWrite.UnknownReference unknown && unknown.reference().kind() == Kind.QUEUE) {
      String value = unknown.reference().value();
      new ApiError("unknown-queue", "field '" + unknown.reference().field() + "' names queue '" + value
          + "', which does not exist", new JsonObject().put("field", unknown.reference().field()).put("queue", value))
          .send(ctx, 400);
    } else if (outcome instanceof QueueWrite.UnknownReference unknown) {
      boolean skill = unknown.reference().kind() == Kind.SKILL;
      String value = unknown.reference().value();
      new ApiError(skill ? "unknown-skill" : "unknown-agent", "field '" + unknown.reference().field() + "' names "
          + (skill ? "skill '" + value + "', which no agent has" : "agent '" + value + "', which does not exist"),
          new JsonObject().put("field", unknown.reference().field()).put(skill ? "skill" : "agent", value))
          .send(ctx, 400);
    }
  }

  private static void notFound(RoutingContext ctx, String id) {
    new ApiError("queue-not-found", "no queue with id '" + id + "'",
        new JsonObject().put("field", "id").put("id", id)).send(ctx, 404);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
