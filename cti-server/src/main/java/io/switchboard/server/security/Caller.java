package io.switchboard.server.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who made a request, once authenticated.
 *
 * @param subject the username (or {@code admin} for the configured admin token), for logs and the audit
 * @param role    what they may do
 * @param agentId the agent they are, if any
 * @param teams   the teams they belong to (an agent) or supervise (a supervisor)
 */
public record Caller(String subject, Role role, Optional<String> agentId, Set<String> teams) {

  /** The subject of the configured admin token. */
  public static final String ADMIN_TOKEN_SUBJECT = "admin";

  public Caller {
    agentId = agentId == null ? Optional.empty() : agentId;
    teams = teams == null ? Set.of() : Set.copyOf(teams);
  }

  /** The caller of the configured admin token. */
  public static Caller adminToken() {
    return new Caller(ADMIN_TOKEN_SUBJECT, Role.ADMIN, Optional.empty(), Set.of());
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** True when this caller is the agent {@code agent}. */
  public boolean isAgent(String agent) {
    return agentId.filter(agent::equals).isPresent();
  }

  /**
   * True when this caller may act on agent {@code agent}: it is that agent, an admin, or a supervisor of one of
   * {@code agentTeams}.
   */
  public boolean mayActOn(String agent, Set<String> agentTeams) {
    if (isAdmin() || isAgent(agent)) {
      return true;
    }
    return role == Role.SUPERVISOR && agentTeams.stream().anyMatch(teams::contains);
  }
}
