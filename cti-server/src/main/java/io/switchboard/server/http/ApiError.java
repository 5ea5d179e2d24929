package io.switchboard.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

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
