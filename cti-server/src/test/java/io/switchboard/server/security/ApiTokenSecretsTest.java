package io.switchboard.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenSecretsTest {

  @Test
  void a_token_is_the_prefix_and_32_random_bytes_in_base64url() {
    String token = ApiTokenSecrets.generate(new SecureRandom());

    assertThat(token).startsWith("sbt_").hasSize(4 + 43).matches("sbt_[A-Za-z0-9_-]{43}");
    assertThat(ApiTokenSecrets.looksLikeApiToken(token)).isTrue();
  }

  @Test
  void no_two_tokens_are_alike() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seen.add(ApiTokenSecrets.generate(random));
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void only_the_sha256_is_kept_and_it_is_the_known_digest() {
    assertThat(ApiTokenSecrets.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void other_bearer_values_are_not_api_tokens() {
    assertThat(ApiTokenSecrets.looksLikeApiToken("eyJhbGciOi.x.y")).isFalse();
    assertThat(ApiTokenSecrets.looksLikeApiToken("sbt_short")).isFalse();
    assertThat(ApiTokenSecrets.looksLikeApiToken(null)).isFalse();
  }
}
