package io.switchboard.server.security;

import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Users kept in a map, for tests that need no database. */
public final class InMemoryUsers implements Users {

  private final Map<String, User> users = new ConcurrentHashMap<>();

  @Override
  public Optional<User> find(String username) {
    return Optional.ofNullable(users.get(username));
  }

  @Override
  public List<User> all() {
    return users.values().stream().sorted(Comparator.comparing(User::username)).toList();
  }

  @Override
  public Future<Void> save(User user) {
    boolean taken = user.agentId().isPresent() && users.values().stream()
        .anyMatch(other -> !other.username().equals(user.username()) && other.agentId().equals(user.agentId()));
    if (taken) {
      return Future.failedFuture(new AgentTakenException(user.agentId().get()));
    }
    users.put(user.username(), user);
    return Future.succeededFuture();
  }

  @Override
  public Future<Boolean> delete(String username) {
    return Future.succeededFuture(users.remove(username) != null);
  }

  @Override
  public Set<String> teamsOf(String agentId) {
    return users.values().stream().filter(user -> user.agentId().filter(agentId::equals).isPresent())
        .findFirst().map(User::teams).orElse(Set.of());
  }
}
