package io.switchboard.server.security;

import java.time.Instant;

/**
 * Turns a bearer token into a caller. Answers at once from memory (no I/O), so it can run on the event loop before
 * a route reads its body.
 */
public interface Authenticator {

  /** What {@code token} (without the {@code Bearer } prefix) is at {@code now}. */
  Authentication authenticate(String token, Instant now);
}
