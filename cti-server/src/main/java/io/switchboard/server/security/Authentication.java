package io.switchboard.server.security;

/** What checking a bearer token came to. */
public sealed interface Authentication {

  /** The token is good: it is {@code caller}'s. */
  record Authenticated(Caller caller) implements Authentication {}

  /**
   * The token is not accepted; {@code errorId} is {@code unauthenticated} (unknown, malformed, revoked) or
   * {@code token-expired}.
   */
  record Refused(String errorId, String message) implements Authentication {}

  static Authentication unknown() {
    return new Refused("unauthenticated", "the bearer token is not valid; sign in again (POST /api/v1/sessions)");
  }
}
