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
  /** A supervisor or an admin. */
  SUPERVISOR,
  /** An admin only. Every route the policy does not list is admin-only. */
  ADMIN;

  /** True when {@code caller} passes this rule for a request whose path parameters are {@code params}. */
  public boolean allows(Caller caller, Map<String, String> params, TeamDirectory teams) {
    return switch (this) {
      case PUBLIC, SIGNED_IN -> true;
      case AGENT_SELF -> {
        String agent = params.get("id");
        yield agent != null && caller.mayActOn(agent, teams.teamsOf(agent));
      }
      case SUPERVISOR -> caller.role() != Role.AGENT;
      case ADMIN -> caller.isAdmin();
    };
  }
}
