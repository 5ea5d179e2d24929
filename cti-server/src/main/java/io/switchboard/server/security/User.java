package io.switchboard.server.security;

import java.util.Optional;
import java.util.Set;

/**
 * Someone who may sign in, as stored in {@code api_users} (V18).
 *
 * @param passwordHash a {@link Passwords} hash, never the password
 */
public record User(String username, Role role, Optional<String> agentId, Set<String> teams, String passwordHash) {

  public User {
    agentId = agentId == null ? Optional.empty() : agentId;
    teams = teams == null ? Set.of() : Set.copyOf(teams);
  }

  /** The caller this user is once signed in. */
  public Caller caller() {
    return new Caller(username, role, agentId, teams);
  }
}
