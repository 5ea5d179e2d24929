package io.switchboard.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

  private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
  private final SessionTokens tokens = new SessionTokens(SessionTokens.randomKey(), Duration.ofHours(10));
  private final Caller ana = new Caller("ana", Role.AGENT, Optional.of("ana"), Set.of("north"));

  @Test
  void a_token_gives_back_the_caller_it_was_issued_for() {
    Authentication answer = tokens.authenticate(tokens.issue(ana, NINE), NINE.plusSeconds(60));

    assertThat(answer).isEqualTo(new Authentication.Authenticated(ana));
  }

  @Test
  void a_token_past_its_lifetime_is_refused_as_expired() {
    Authentication answer = tokens.authenticate(tokens.issue(ana, NINE), NINE.plus(Duration.ofHours(10)));

    assertThat(answer).isInstanceOfSatisfying(Authentication.Refused.class,
        refused -> assertThat(refused.errorId()).isEqualTo("token-expired"));
  }

  @Test
  void a_token_with_a_changed_payload_is_refused() {
    String token = tokens.issue(ana, NINE);
    String admin = tokens.issue(new Caller("ana", Role.ADMIN, Optional.of("ana"), Set.of()), NINE);
    String forged = admin.substring(0, admin.lastIndexOf('.')) + token.substring(token.lastIndexOf('.'));

    assertThat(tokens.authenticate(forged, NINE)).isEqualTo(Authentication.unknown());
  }

  @Test
  void a_token_signed_with_another_key_is_refused() {
    SessionTokens other = new SessionTokens(SessionTokens.randomKey(), Duration.ofHours(10));

    assertThat(tokens.authenticate(other.issue(ana, NINE), NINE)).isEqualTo(Authentication.unknown());
  }

  @Test
  void garbage_is_refused_not_thrown() {
    assertThat(tokens.authenticate("sbs1.!!!.???", NINE)).isEqualTo(Authentication.unknown());
    assertThat(tokens.authenticate("sbs1.", NINE)).isEqualTo(Authentication.unknown());
    assertThat(tokens.authenticate("hello", NINE)).isEqualTo(Authentication.unknown());
  }

  @Test
  void passwords_match_only_their_own_hash() {
    String hash = Passwords.hash("correct horse");

    assertThat(Passwords.matches("correct horse", hash)).isTrue();
    assertThat(Passwords.matches("correct horsE", hash)).isFalse();
    assertThat(Passwords.matches("correct horse", "plain")).isFalse();
  }
}
