package io.switchboard.server.security;

import java.util.Map;

/** Who may call a route. The path parameter {@code id} names the agent for {@link #AGENT_SELF}. */
public enum Rule {
  /** Anyone, signed in or not: liveness, the pages' static files, sign-in, the OpenAPI document. */
  PUBLIC,
  /** Any signed-in caller. */
  SIGNED_IN,
  /** The agent named by the path's {@code id}, a supervisor of one of that agent's teams, or an admin. */
  AGENT_SELF,
  /** The agent named by the path's {@code id} or an admin, not a supervisor (an agent's own CRM user ids). */
  AGENT_ITSELF,
  /** A supervisor or an admin. */
  SUPERVISOR,
  /**
   * The agent with a live leg on the call the path's {@code id} names, a supervisor of one of that agent's teams,
   * or an admin. Needs the call's record, so {@link SecurityHandler} asks {@link CallParties} for it.
   */
  OWN_CALL,
  /**
   * The agent the request body's {@code agentId} names, a supervisor of one of that agent's teams, or an admin
   * ({@code POST /api/v1/calls}). Checked once the body is read ({@link BodyRules}).
   */
  BODY_AGENT,
  /** An admin only. Every route the policy does not list is admin-only. */
  ADMIN;

  /**
   * True when {@code caller} passes this rule for a request whose path parameters are {@code params}. For
   * {@link #OWN_CALL} and {@link #BODY_AGENT} only the part that needs no lookup: an admin passes.
   */
  public boolean allows(Caller caller, Map<String, String> params, TeamDirectory teams) {
    return switch (this) {
      case PUBLIC, SIGNED_IN -> true;
      case AGENT_SELF -> {
        String agent = params.get("id");
        yield agent != null && caller.mayActOn(agent, teams.teamsOf(agent));
      }
      case AGENT_ITSELF -> caller.isAdmin() || params.get("id") != null && caller.isAgent(params.get("id"));
      case SUPERVISOR -> caller.role() != Role.AGENT;
      case ADMIN -> caller.isAdmin();
      case OWN_CALL, BODY_AGENT -> caller.isAdmin();
    };
  }
}
