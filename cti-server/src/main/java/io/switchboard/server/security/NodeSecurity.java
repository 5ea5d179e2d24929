package io.switchboard.server.security;

import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node's {@link Security}: users and API tokens read from MariaDB and read again every few seconds for
 * other nodes' changes, the admin audit writer, and who is on a call from the call records.
 */
public final class NodeSecurity {

  /** How often a node reads the users again, to see other nodes' changes. */
  static final long USERS_RELOAD_MS = 10_000;
  /** How long a batch of audit entries waits before it is tried again while MariaDB is away. */
  static final Duration AUDIT_RETRY = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(NodeSecurity.class);

  private NodeSecurity() {
  }

  /**
   * Loads users and tokens, then builds the security of {@code http}; {@code calls} reads a call's record as
   * {@code GET /api/v1/calls/{id}} shows it.
   */
  public static Future<Security> start(Vertx vertx, Database database, HttpSettings http,
      Function<String, Future<Optional<JsonObject>>> calls) {
    Clock clock = Clock.systemUTC();
    JooqUsers users = new JooqUsers(database, clock);
    JooqApiTokens tokens = new JooqApiTokens(database, users);
    vertx.setPeriodic(USERS_RELOAD_MS, id -> users.reload().onFailure(failure ->
        LOG.warn("event=users-not-reloaded detail=\"{}\"", failure.getMessage())));
    vertx.setPeriodic(JooqApiTokens.RELOAD_SECONDS * 1000L, id -> tokens.reload().onFailure(failure ->
        LOG.warn("event=api-tokens-not-reloaded detail=\"{}\"", failure.getMessage())));
    return users.reload().compose(v -> tokens.reload()).map(v -> Security.from(http, users, clock)
        .withApiTokens(tokens)
        .withAudit(new AuditWriter(database, vertx, AUDIT_RETRY, AuditWriter.DEFAULT_BOUND),
            new JooqAdminAudit(database))
        .withCalls(call -> calls.apply(call).map(NodeSecurity::liveAgents)));
  }

  /** The agents of a call record's legs that have not ended. */
  static Set<String> liveAgents(Optional<JsonObject> record) {
    Set<String> agents = new HashSet<>();
    if (record.isEmpty() || record.get().getString("endedAt") != null) {
      return agents;
    }
    JsonArray legs = record.get().getJsonArray("legs", new JsonArray());
    for (int i = 0; i < legs.size(); i++) {
      JsonObject leg = legs.getJsonObject(i);
      if (leg.getString("agentId") != null && leg.getString("endedAt") == null) {
        agents.add(leg.getString("agentId"));
      }
    }
    return agents;
  }
}
