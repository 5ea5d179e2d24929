package io.switchboard.server.security;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * An API token as stored in {@code api_tokens} (V19): never the token itself, only its SHA-256. It acts as user
 * {@code username} (that user's role, agent and teams, as they are when it is used).
 *
 * @param id the token's public id, for listing and revoking
 * @param name what the admin called it ("salesforce-sync", "wallboard screen 2")
 */
public record ApiToken(String id, String username, String name, String hash, Instant createdAt,
    Optional<Instant> expiresAt, Optional<Instant> revokedAt, Optional<Instant> lastUsedAt) {

  /** True when the token's expiry has passed at {@code now}. */
  public boolean expiredAt(Instant now) {
    return expiresAt.filter(expiry -> !now.isBefore(expiry)).isPresent();
  }

  /** The token as {@code GET /api/v1/tokens} lists it: no secret, no hash. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("username", username).put("name", name)
        .put("createdAt", createdAt.toString());
    expiresAt.ifPresent(at -> json.put("expiresAt", at.toString()));
    revokedAt.ifPresent(at -> json.put("revokedAt", at.toString()));
    lastUsedAt.ifPresent(at -> json.put("lastUsedAt", at.toString()));
    return json;
  }
}
