package io.switchboard.server.security;

import static io.switchboard.server.persistence.jooq.Tables.API_USERS;

import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Users in {@code api_users} (V18), mirrored in memory so that a request's authorization never waits for the
 * database. This node's writes update the mirror at once; {@link #reload()} (every few seconds, see
 * {@code Server}) brings in other nodes' writes.
 */
public final class JooqUsers implements Users {

  private final Database database;
  private final Clock clock;
  private volatile Map<String, User> byName = Map.of();
  private volatile Map<String, Set<String>> teamsByAgent = Map.of();

  public JooqUsers(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Reads every user again. */
  public Future<Void> reload() {
    return database.query(dsl -> dsl.selectFrom(API_USERS).fetch(JooqUsers::user)).map(users -> {
      Map<String, User> fresh = new ConcurrentHashMap<>();
      users.forEach(user -> fresh.put(user.username(), user));
      publish(fresh);
      return null;
    });
  }

  @Override
  public Optional<User> find(String username) {
    return Optional.ofNullable(byName.get(username));
  }

  @Override
  public List<User> all() {
    return byName.values().stream().sorted(Comparator.comparing(User::username)).toList();
  }

  @Override
  public Set<String> teamsOf(String agentId) {
    return teamsByAgent.getOrDefault(agentId, Set.of());
  }

  @Override
  public Future<Void> save(User user) {
    Instant now = clock.instant();
    String teams = String.join(",", user.teams().stream().sorted().toList());
    return database.query(dsl -> dsl.insertInto(API_USERS).set(API_USERS.USERNAME, user.username())
        .set(API_USERS.ROLE, user.role().wire()).set(API_USERS.AGENT_ID, user.agentId().orElse(null))
        .set(API_USERS.TEAMS, teams)
        .set(API_USERS.PASSWORD_HASH, user.passwordHash()).set(API_USERS.CREATED_AT, now).set(API_USERS.UPDATED_AT, now)
        .onDuplicateKeyUpdate().set(API_USERS.ROLE, user.role().wire())
        .set(API_USERS.AGENT_ID, user.agentId().orElse(null))
        .set(API_USERS.TEAMS, teams)
        .set(API_USERS.PASSWORD_HASH, user.passwordHash()).set(API_USERS.UPDATED_AT, now).execute())
        .recover(failure -> Future.failedFuture(failure instanceof IntegrityConstraintViolationException
            ? new AgentTakenException(user.agentId().orElse("?")) : failure))
        .map(rows -> {
          Map<String, User> fresh = new ConcurrentHashMap<>(byName);
          fresh.put(user.username(), user);
          publish(fresh);
          return null;
        });
  }

  @Override
  public Future<Boolean> delete(String username) {
    return database.query(dsl -> dsl.deleteFrom(API_USERS).where(API_USERS.USERNAME.eq(username)).execute())
        .map(rows -> {
          Map<String, User> fresh = new ConcurrentHashMap<>(byName);
          fresh.remove(username);
          publish(fresh);
          return rows > 0;
        });
  }

  private void publish(Map<String, User> users) {
    byName = Map.copyOf(users);
    teamsByAgent = users.values().stream().filter(user -> user.agentId().isPresent())
        .collect(Collectors.toUnmodifiableMap(user -> user.agentId().get(), User::teams, (a, b) -> a));
  }

  private static User user(Record row) {
    String teams = row.get(API_USERS.TEAMS);
    return new User(row.get(API_USERS.USERNAME), Role.parse(row.get(API_USERS.ROLE)).orElse(Role.AGENT),
        Optional.ofNullable(row.get(API_USERS.AGENT_ID)),
        teams.isBlank() ? Set.of() : Arrays.stream(teams.split(",")).collect(Collectors.toSet()),
        row.get(API_USERS.PASSWORD_HASH));
  }
}
