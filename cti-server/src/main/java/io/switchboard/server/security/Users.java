package io.switchboard.server.security;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** The users who may sign in. Reads answer from memory; writes go to the database first. */
public interface Users extends TeamDirectory {

  /** The user named {@code username}, if any. */
  Optional<User> find(String username);

  /** Every user, by username. */
  List<User> all();

  /** Creates or replaces {@code user}; fails with {@link AgentTakenException} when another user is that agent. */
  Future<Void> save(User user);

  /** Deletes the user; true when there was one. */
  Future<Boolean> delete(String username);

  /** Another user already is the agent a save names. */
  final class AgentTakenException extends RuntimeException {
    public AgentTakenException(String agentId) {
      super("another user already is agent " + agentId);
    }
  }
}
