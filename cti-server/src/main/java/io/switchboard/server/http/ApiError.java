package io.switchboard.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The body of every API error: {@code {errorId, message, details}}. {@code errorId} is a stable slug
 * clients may switch on; {@code message} is for humans and may change.
 */
public record ApiError(String errorId, String message, JsonObject details) {

  /** A request field is missing or wrong; {@code details.field} names it. */
  public static ApiError invalidField(String field, String reason) {
    return new ApiError("invalid-field", "field '" + field + "' is invalid: " + reason,
        new JsonObject().put("field", field).put("reason", reason));
  }

  /**
   * The request's body as a JSON object; when it is missing or not an object, answers 400 {@code invalid-json}
   * saying "the request body must be {@code expected}" and gives empty, so the caller just returns.
   */
  public static Optional<JsonObject> jsonBody(RoutingContext ctx, String expected) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException notAnObject) {
      body = null;
    }
    if (body == null) {
      new ApiError("invalid-json", "the request body must be " + expected, new JsonObject()).send(ctx, 400);
    }
    return Optional.ofNullable(body);
  }

  public JsonObject toJson() {
    return new JsonObject().put("errorId", errorId).put("message", message).put("details", details);
  }

  public void send(RoutingContext ctx, int status) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(toJson().encode());
  }
}
