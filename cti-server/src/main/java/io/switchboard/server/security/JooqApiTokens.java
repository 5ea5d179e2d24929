package io.switchboard.server.security;

import static io.switchboard.server.persistence.jooq.Tables.API_TOKENS;

import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.jooq.tables.records.ApiTokensRecord;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens in {@code api_tokens} (V19), and the {@link Authenticator} that accepts them. The live (unrevoked)
 * tokens are mirrored in memory by hash, so checking one never waits for the database. This node's own creations
 * and revocations change the mirror at once; {@link #reload()} (every {@value #RELOAD_SECONDS} s, see
 * {@code Server}) brings in other nodes', so a token revoked on one node is refused by all within that time.
 * A token acts as its user as the user is now: a deleted user's tokens stop working at once.
 */
public final class JooqApiTokens implements Authenticator {

  /** How often every node reads the live tokens again. */
  public static final int RELOAD_SECONDS = 5;
  /** {@code last_used_at} is written at most this often per token. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(JooqApiTokens.class);

  private final Database database;
  private final Users users;
  private final SecureRandom random = new SecureRandom();
  private volatile Map<String, ApiToken> live = Map.of();
  private final Map<String, Instant> touched = new ConcurrentHashMap<>();

  /** A token just made: {@code secret} is shown once and never again. */
  public record Created(ApiToken token, String secret) {
  }

  public JooqApiTokens(Database database, Users users) {
    this.database = database;
    this.users = users;
  }

  /** Reads the live tokens again. */
  public Future<Void> reload() {
    return database.query(dsl -> dsl.selectFrom(API_TOKENS).where(API_TOKENS.REVOKED_AT.isNull())
        .fetch(JooqApiTokens::token)).map(tokens -> {
          Map<String, ApiToken> fresh = new HashMap<>();
          tokens.forEach(token -> fresh.put(token.hash(), token));
          live = Map.copyOf(fresh);
          return null;
        });
  }

  @Override
  public Authentication authenticate(String bearer, Instant now) {
    if (!ApiTokenSecrets.looksLikeApiToken(bearer)) {
      return Authentication.unknown();
    }
    ApiToken token = live.get(ApiTokenSecrets.hash(bearer));
    if (token == null) {
      return Authentication.unknown();
    }
    if (token.expiredAt(now)) {
      return new Authentication.Refused("token-expired", "API token '" + token.name() + "' expired at "
          + token.expiresAt().orElseThrow() + "; ask an admin for a new one");
    }
    Optional<User> user = users.find(token.username());
    if (user.isEmpty()) {
      return Authentication.unknown();
    }
    touch(token, now);
    return new Authentication.Authenticated(user.get().caller());
  }

  /** Makes a token for {@code username}; the caller checked that the user exists. */
  public Future<Created> create(String username, String name, Optional<Instant> expiresAt, Instant now) {
    String secret = ApiTokenSecrets.generate(random);
    ApiToken token = new ApiToken(UUID.randomUUID().toString(), username, name, ApiTokenSecrets.hash(secret), now,
        expiresAt, Optional.empty(), Optional.empty());
    return database.query(dsl -> dsl.insertInto(API_TOKENS).set(API_TOKENS.ID, token.id())
        .set(API_TOKENS.USERNAME, username).set(API_TOKENS.NAME, name).set(API_TOKENS.HASH, token.hash())
        .set(API_TOKENS.CREATED_AT, now).set(API_TOKENS.EXPIRES_AT, expiresAt.orElse(null)).execute())
        .map(rows -> {
          Map<String, ApiToken> fresh = new HashMap<>(live);
          fresh.put(token.hash(), token);
          live = Map.copyOf(fresh);
          return new Created(token, secret);
        });
  }

  /** Every token, revoked ones too, oldest first. */
  public Future<List<ApiToken>> all() {
    return database.query(dsl -> dsl.selectFrom(API_TOKENS).orderBy(API_TOKENS.CREATED_AT, API_TOKENS.ID)
        .fetch(JooqApiTokens::token));
  }

  /** Revokes token {@code id} at {@code now}; empty when there is no such token. Refused on this node at once. */
  public Future<Optional<ApiToken>> revoke(String id, Instant now) {
    return database.query(dsl -> {
      dsl.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, now).where(API_TOKENS.ID.eq(id))
          .and(API_TOKENS.REVOKED_AT.isNull()).execute();
      return Optional.ofNullable(dsl.selectFrom(API_TOKENS).where(API_TOKENS.ID.eq(id)).fetchOne())
          .map(JooqApiTokens::token);
    }).map(found -> {
      found.ifPresent(token -> {
        Map<String, ApiToken> fresh = new HashMap<>(live);
        fresh.remove(token.hash());
        live = Map.copyOf(fresh);
      });
      return found;
    });
  }

  private void touch(ApiToken token, Instant now) {
    Instant last = touched.get(token.id());
    if (last != null && Duration.between(last, now).compareTo(TOUCH_EVERY) < 0) {
      return;
    }
    touched.put(token.id(), now);
    database.query(dsl -> dsl.update(API_TOKENS).set(API_TOKENS.LAST_USED_AT, now)
        .where(API_TOKENS.ID.eq(token.id())).execute())
        .onFailure(failure -> LOG.warn("event=api-token-last-use-not-written id={} reason={}", token.id(),
            failure.toString()));
  }

  private static ApiToken token(ApiTokensRecord row) {
    return new ApiToken(row.getId(), row.getUsername(), row.getName(), row.getHash(), row.getCreatedAt(),
        Optional.ofNullable(row.getExpiresAt()), Optional.ofNullable(row.getRevokedAt()),
        Optional.ofNullable(row.getLastUsedAt()));
  }
}
