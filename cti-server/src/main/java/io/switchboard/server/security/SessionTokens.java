package io.switchboard.server.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed session tokens: {@code sbs1.<payload>.<signature>}, the payload base64url JSON ({@code sub}, {@code role},
 * {@code agent}, {@code teams}, {@code exp} in epoch seconds), signed with HMAC-SHA256 under the node's session key
 * ({@code http.auth.session-key}). Checking one needs no database, so it is as cheap on a WebSocket as on a request.
 * Every node of a cluster must have the same key, or a token signed on one is refused on another.
 */
public final class SessionTokens implements Authenticator {

  /** What every session token starts with. */
  public static final String PREFIX = "sbs1.";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] key;
  private final Duration lifetime;

  /** Signs with {@code key} (at least 32 bytes); tokens live {@code lifetime}. */
  public SessionTokens(byte[] key, Duration lifetime) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a session key needs at least 32 bytes, got " + key.length);
    }
    this.key = key.clone();
    this.lifetime = lifetime;
  }

  /** A random key, for a node that has none configured. */
  public static byte[] randomKey() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }

  /** How long a token issued now stays good. */
  public Duration lifetime() {
    return lifetime;
  }

  /** A token for {@code caller}, good until {@code now} plus the lifetime. */
  public String issue(Caller caller, Instant now) {
    JsonObject payload = new JsonObject().put("sub", caller.subject()).put("role", caller.role().wire())
        .put("teams", new JsonArray(caller.teams().stream().sorted().toList()))
        .put("exp", now.plus(lifetime).getEpochSecond());
    caller.agentId().ifPresent(agent -> payload.put("agent", agent));
    String body = B64.encodeToString(payload.encode().getBytes(StandardCharsets.UTF_8));
    return PREFIX + body + "." + B64.encodeToString(sign(PREFIX + body));
  }

  @Override
  public Authentication authenticate(String token, Instant now) {
    if (!token.startsWith(PREFIX)) {
      return Authentication.unknown();
    }
    int dot = token.lastIndexOf('.');
    if (dot <= PREFIX.length()) {
      return Authentication.unknown();
    }
    byte[] signature;
    try {
      signature = B64D.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Authentication.unknown();
    }
    if (!MessageDigest.isEqual(signature, sign(token.substring(0, dot)))) {
      return Authentication.unknown();
    }
    JsonObject payload;
    try {
      payload = new JsonObject(new String(B64D.decode(token.substring(PREFIX.length(), dot)), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return Authentication.unknown();
    }
    if (payload.getLong("exp", 0L) <= now.getEpochSecond()) {
      return new Authentication.Refused("token-expired", "the session has expired; sign in again (POST /api/v1/sessions)");
    }
    Optional<Role> role = Role.parse(payload.getString("role", ""));
    if (role.isEmpty()) {
      return Authentication.unknown();
    }
    Set<String> teams = new HashSet<>();
    payload.getJsonArray("teams", new JsonArray()).forEach(team -> teams.add(String.valueOf(team)));
    return new Authentication.Authenticated(new Caller(payload.getString("sub"), role.get(),
        Optional.ofNullable(payload.getString("agent")), teams));
  }

  /** When a token issued at {@code issuedAt} expires, to the second (for the sign-in answer). */
  public Instant expiry(Instant issuedAt) {
    return Instant.ofEpochSecond(issuedAt.plus(lifetime).getEpochSecond());
  }

  private byte[] sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
