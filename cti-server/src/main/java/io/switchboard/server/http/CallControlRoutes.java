package io.switchboard.server.http;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.server.routing.CallTransfers;
import io.switchboard.server.routing.CommandOutcome;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Commands on a live call: {@code POST /api/v1/calls/{id}/transfer} with {@code {"to": "+44...", "mode":
 * "blind"|"attended"}} (blind unless said). The id is percent-encoded ({@code <pbx>%2F<id>}). Answers 202
 * {@code {callId, to (masked), mode}}: the transfer itself shows in the call record and queue_log.
 */
final class CallControlRoutes {

  private static final String NUMBER_REASON = "must be a phone number with its country code, e.g. +442071234567";

  private final CallTransfers transfers;

  CallControlRoutes(CallTransfers transfers) {
    this.transfers = transfers;
  }

  void mount(Router router) {
    router.post("/api/v1/calls/:id/transfer").handler(this::transfer);
  }

  private void transfer(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    if (body == null) {
      new ApiError("invalid-json", "the request body must be a JSON object", new JsonObject()).send(ctx, 400);
      return;
    }
    PhoneNumber to;
    try {
      to = body.getValue("to") instanceof String text && !text.isBlank() ? PhoneNumber.parse(text, "to") : null;
    } catch (IllegalArgumentException e) {
      to = null;
    }
    if (to == null) {
      ApiError.invalidField("to", NUMBER_REASON).send(ctx, 400);
      return;
    }
    Object mode = body.getValue("mode", "blind");
    if (!"blind".equals(mode) && !"attended".equals(mode)) {
      ApiError.invalidField("mode", "must be blind or attended").send(ctx, 400);
      return;
    }
    String id = ctx.pathParam("id");
    transfers.transfer(id, to, CallTransfers.Mode.valueOf(((String) mode).toUpperCase(Locale.ROOT)))
        .onSuccess(done -> {
          if (done instanceof CommandOutcome.Accepted accepted) {
            ctx.response().setStatusCode(202).putHeader("content-type", "application/json")
                .end(accepted.body().encode());
          } else {
            CommandOutcome.Refused refused = (CommandOutcome.Refused) done;
            new ApiError(refused.errorId(), refused.message(), new JsonObject().put("id", id))
                .send(ctx, refused.status());
          }
        }).onFailure(failure -> new ApiError("pbx-unavailable", "the PBX could not be reached: "
            + failure.getMessage(), new JsonObject()).send(ctx, 503));
  }
}
