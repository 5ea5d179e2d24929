package io.switchboard.server.crm;

import io.switchboard.core.id.AgentId;
import io.switchboard.server.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An agent's user id in each CRM: {@code GET} and {@code PUT /api/v1/agents/{id}/crm-users} with
 * {@code {"salesforce": "005...", "hubspot": "123", "zendesk": "456"}}. A {@code PUT} replaces them all; a CRM
 * name other than those three, or an id that is not a non-blank string of at most 128 characters, is a 400
 * naming {@code crmUsers.<name>}; an unknown agent is a 404, a user id another agent has in that CRM a 409.
 */
public final class CrmUserRoutes {

  private final JooqAgentCrmUsers users;

  public CrmUserRoutes(JooqAgentCrmUsers users) {
    this.users = users;
  }

  public void mount(Router router) {
    router.get("/api/v1/agents/:id/crm-users").handler(this::show);
    router.put("/api/v1/agents/:id/crm-users").handler(this::replace);
  }

  private void show(RoutingContext ctx) {
    AgentId agent = AgentId.of(ctx.pathParam("id"));
    Future.fromCompletionStage(users.of(agent)).onSuccess(ids -> json(ctx, 200, agent, ids)).onFailure(ctx::fail);
  }

  private void replace(RoutingContext ctx) {
    AgentId agent = AgentId.of(ctx.pathParam("id"));
    JsonObject body = ApiError.jsonBody(ctx, "a JSON object of CRM names to user ids").orElse(null);
    if (body == null) {
      return;
    }
    Map<String, String> ids = new LinkedHashMap<>();
    for (String crm : body.fieldNames()) {
      Object id = body.getValue(crm);
      if (!JooqAgentCrmUsers.CRMS.contains(crm)) {
        ApiError.invalidField("crmUsers." + crm, "unknown CRM; known: hubspot, salesforce, zendesk").send(ctx, 400);
        return;
      }
      if (!(id instanceof String text) || text.isBlank() || text.length() > 128) {
        ApiError.invalidField("crmUsers." + crm, "must be a non-blank string of at most 128 characters")
            .send(ctx, 400);
        return;
      }
      ids.put(crm, text.strip());
    }
    Future.fromCompletionStage(users.set(agent, ids)).onSuccess(outcome -> {
      switch (outcome) {
        case SAVED -> json(ctx, 200, agent, ids);
        case AGENT_NOT_FOUND -> new ApiError("agent-not-found", "no agent '" + agent.value() + "'",
            new JsonObject().put("agentId", agent.value())).send(ctx, 404);
        default -> new ApiError("crm-user-taken", "another agent has one of these CRM user ids",
            new JsonObject().put("agentId", agent.value())).send(ctx, 409);
      }
    }).onFailure(ctx::fail);
  }

  private static void json(RoutingContext ctx, int status, AgentId agent, Map<String, String> ids) {
    JsonObject crmUsers = new JsonObject();
    ids.forEach(crmUsers::put);
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(new JsonObject().put("agentId", agent.value()).put("crmUsers", crmUsers).encode());
  }
}
