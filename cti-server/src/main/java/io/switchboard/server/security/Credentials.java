package io.switchboard.server.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every way a bearer token is accepted, tried in order: the configured admin token ({@code http.auth.admin-token}),
 * signed session tokens, then any other source added with {@link #with} (e.g. API tokens).
 */
public final class Credentials implements Authenticator {

  private final Optional<String> adminToken;
  private final SessionTokens sessions;
  private final List<Authenticator> others = new ArrayList<>();

  /** {@code adminToken} empty: no admin token is accepted (users and API tokens only). */
  public Credentials(Optional<String> adminToken, SessionTokens sessions) {
    this.adminToken = adminToken.filter(token -> !token.isBlank());
    this.sessions = sessions;
  }

  /** Also accepts what {@code source} accepts (asked after the admin token and session tokens). */
  public Credentials with(Authenticator source) {
    others.add(source);
    return this;
  }

  public SessionTokens sessions() {
    return sessions;
  }

  @Override
  public Authentication authenticate(String token, Instant now) {
    if (token.isBlank()) {
      return Authentication.unknown();
    }
    if (adminToken.isPresent() && Passwords.same(adminToken.get(), token)) {
      return new Authentication.Authenticated(Caller.adminToken());
    }
    if (token.startsWith(SessionTokens.PREFIX)) {
      return sessions.authenticate(token, now);
    }
    for (Authenticator other : others) {
      Authentication answer = other.authenticate(token, now);
      if (answer instanceof Authentication.Authenticated
          || answer instanceof Authentication.Refused refused && !refused.errorId().equals("unauthenticated")) {
        return answer;
      }
    }
    return Authentication.unknown();
  }
}
