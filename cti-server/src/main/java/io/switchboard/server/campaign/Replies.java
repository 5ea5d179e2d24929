package io.switchboard.server.campaign;

import io.switchboard.server.http.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The answers the campaign routes share: bodies, and a refused {@link CampaignWrite} as its API error. */
final class Replies {

  private Replies() {}

  static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }

  /** The body as a JSON object, or an {@code invalid-json} answer and {@code null}. */
  static JsonObject object(RoutingContext ctx, String what) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body != null) {
        return body;
      }
    } catch (RuntimeException e) {
      // answered below
    }
    new ApiError("invalid-json", "the request body must be a JSON object describing the " + what, new JsonObject())
        .send(ctx, 400);
    return null;
  }

  /** The body as a JSON array, or an {@code invalid-json} answer and {@code null}. */
  static JsonArray array(RoutingContext ctx, String what) {
    try {
      JsonArray body = ctx.body().asJsonArray();
      if (body != null) {
        return body;
      }
    } catch (RuntimeException e) {
      // answered below
    }
    new ApiError("invalid-json", "the request body must be a JSON array of " + what, new JsonObject()).send(ctx, 400);
    return null;
  }

  static void notFound(RoutingContext ctx, String what, String id) {
    new ApiError(what + "-not-found", "no " + what + " with id '" + id + "'",
        new JsonObject().put("field", "id").put("id", id)).send(ctx, 404);
  }

  /** A write that was refused; {@code what} names the thing written ({@code campaign} or {@code list}). */
  static void refuse(RoutingContext ctx, String what, CampaignWrite outcome) {
    if (outcome instanceof CampaignWrite.AlreadyExists exists && exists.field().equals("listId")) {
      new ApiError("list-in-use", "list '" + exists.id() + "' has leads being dialled now",
          new JsonObject().put("field", "listId").put("id", exists.id())).send(ctx, 409);
    } else if (outcome instanceof CampaignWrite.AlreadyExists exists) {
      new ApiError(what + "-exists", "a " + what + " with id '" + exists.id() + "' already exists",
          new JsonObject().put("field", exists.field()).put("id", exists.id())).send(ctx, 409);
    } else if (outcome instanceof CampaignWrite.NotFound missing) {
      notFound(ctx, missing.what(), missing.id());
    } else if (outcome instanceof CampaignWrite.UnknownQueue unknown) {
      new ApiError("unknown-queue", "field '" + unknown.field() + "' names queue '" + unknown.queue()
          + "', which does not exist", new JsonObject().put("field", unknown.field()).put("queue", unknown.queue()))
          .send(ctx, 400);
    } else if (outcome instanceof CampaignWrite.UnknownList unknown) {
      new ApiError("unknown-list", "field '" + unknown.field() + "' names list '" + unknown.list()
          + "', which the campaign does not have", new JsonObject().put("field", unknown.field())
          .put("list", unknown.list())).send(ctx, 400);
    } else if (outcome instanceof CampaignWrite.DuplicateLead duplicate) {
      new ApiError("lead-exists", "the campaign already has a lead with this number",
          new JsonObject().put("field", duplicate.field())).send(ctx, 409);
    } else if (outcome instanceof CampaignWrite.IllegalMove move) {
      new ApiError("campaign-state", "campaign '" + move.id().value() + "' is " + CampaignRequest.slug(move.from())
          + " and cannot become " + CampaignRequest.slug(move.to()), new JsonObject().put("field", "state")
          .put("state", CampaignRequest.slug(move.from())).put("wanted", CampaignRequest.slug(move.to())))
          .send(ctx, 409);
    } else if (outcome instanceof CampaignWrite.Running running) {
      new ApiError("campaign-running", "campaign '" + running.id().value() + "' is running; pause it first",
          new JsonObject().put("field", "state").put("state", "running")).send(ctx, 409);
    }
  }
}
