package io.switchboard.server.security;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Checks {@link Rule#BODY_AGENT} once {@link BodyLimits} has read the body: the body's {@code agentId} must be an
 * agent the caller may act on. A body without a readable {@code agentId} goes on to the route, which refuses it
 * with 400 and changes nothing.
 */
final class BodyRules implements Handler<RoutingContext> {

  private final TeamDirectory teams;

  BodyRules(TeamDirectory teams) {
    this.teams = teams;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.get(SecurityHandler.RULE) != Rule.BODY_AGENT) {
      ctx.next();
      return;
    }
    Caller caller = Callers.of(ctx);
    String agent = agentIn(ctx);
    if (caller.isAdmin() || agent == null || Rule.AGENT_SELF.allows(caller, Map.of("id", agent), teams)) {
      ctx.next();
      return;
    }
    SecurityHandler.forbidden(caller, Rule.BODY_AGENT, ctx.request().method() + " " + ctx.request().path()
        + " for agent " + agent).send(ctx, 403);
  }

  private static String agentIn(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      return body != null && body.getValue("agentId") instanceof String agent ? agent : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
