package io.switchboard.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (PBKDF2-HMAC-SHA256, 16-byte random salt,
 * 256-bit hash, base64). Hashing takes tens of milliseconds on purpose: call it on a worker, never an event loop.
 */
public final class Passwords {

  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000; 210,000 keeps a sign-in near 0.1 s on 2 cores. */
  static final int ITERATIONS = 210_000;
  /** Shorter passwords are refused when a user is saved. */
  public static final int MIN_LENGTH = 8;
  private static final String SCHEME = "pbkdf2-sha256";

  private Passwords() {
  }

  /** A new hash of {@code password} with a fresh salt. */
  public static String hash(String password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return SCHEME + "$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
        + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
  }

  /** True when {@code password} is the one {@code stored} was made from; false for any malformed hash. */
  public static boolean matches(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      return MessageDigest.isEqual(Base64.getDecoder().decode(parts[3]), derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
    }
  }

  /** Constant-time comparison of two secrets given as text. */
  static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
