package io.switchboard.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret half of an API token: {@value #PREFIX} and 32 random bytes in base64url (the prefix makes a leaked
 * token easy to find in a repository or a log scanner). Only its SHA-256 is stored: a token is random enough
 * that a plain digest cannot be guessed back, and a digest can be looked up by value, which a salted hash
 * cannot.
 */
public final class ApiTokenSecrets {

  /** What every API token starts with. */
  public static final String PREFIX = "sbt_";
  private static final int BYTES = 32;
  private static final Pattern SHAPE = Pattern.compile("sbt_[A-Za-z0-9_-]{43}");

  private ApiTokenSecrets() {
  }

  /** A new token; shown once to the admin who asked for it. */
  public static String generate(SecureRandom random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The SHA-256 of {@code token}, lowercase hex: what {@code api_tokens.hash} holds. */
  public static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** True when {@code bearer} has an API token's shape (so no other authenticator needs to look at it). */
  public static boolean looksLikeApiToken(String bearer) {
    return bearer != null && SHAPE.matcher(bearer).matches();
  }
}
