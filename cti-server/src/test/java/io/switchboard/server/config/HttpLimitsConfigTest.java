package io.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code http.cors}, {@code http.frame-ancestors}, the body limits and {@code http.rate-limit}. */
class HttpLimitsConfigTest {

  @TempDir Path dir;

  private HttpSettings load(String yaml, Map<String, String> env) throws IOException {
    return ConfigLoader.load(Files.writeString(dir.resolve("config.yaml"), yaml), env).config().http();
  }

  @Test
  void the_defaults_allow_no_other_origin_frames_from_self_1_mib_bodies_and_rate_limits_on() throws IOException {
    HttpSettings http = load("", Map.of());

    assertThat(http.cors().allowedOrigins()).isEmpty();
    assertThat(http.frameAncestors()).isEqualTo("'self'");
    assertThat(http.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(http.maxImportBytes()).isEqualTo(50 * 1024 * 1024);
    assertThat(http.rateLimit()).isEqualTo(RateLimitSettings.defaults());
  }

  @Test
  void every_key_binds_from_the_file_and_the_environment() throws IOException {
    HttpSettings http = load("""
        http:
          cors: {allowed-origins: [https://acme.lightning.force.com]}
          frame-ancestors: "'self' https://*.lightning.force.com https://app.hubspot.com"
          max-body-bytes: 65536
          rate-limit: {burst: 10, sign-in-failures: 3}
        """, Map.of("SWITCHBOARD_HTTP_CORS_ALLOWED_ORIGINS", "https://a.example, https://b.example:8443",
        "SWITCHBOARD_HTTP_RATE_LIMIT_REQUESTS_PER_SECOND", "7"));

    assertThat(http.cors().allowedOrigins()).containsExactly("https://a.example", "https://b.example:8443");
    assertThat(http.frameAncestors()).isEqualTo("'self' https://*.lightning.force.com https://app.hubspot.com");
    assertThat(http.maxBodyBytes()).isEqualTo(65536);
    assertThat(http.rateLimit()).isEqualTo(new RateLimitSettings(true, 7, 10, 10, 50, 3, 1));
  }

  @Test
  void an_origin_with_a_path_is_named() {
    assertThatThrownBy(() -> load("http: {cors: {allowed-origins: ['https://acme.lightning.force.com/']}}\n",
        Map.of())).hasMessageContaining("key 'http.cors.allowed-origins' must be scheme://host[:port]");
  }

  @Test
  void limits_out_of_range_are_named() {
    assertThatThrownBy(() -> load("http: {max-body-bytes: 100}\n", Map.of()))
        .hasMessageContaining("key 'http.max-body-bytes' must be between 1024 and");
    assertThatThrownBy(() -> load("http: {rate-limit: {burst: 0}}\n", Map.of()))
        .hasMessageContaining("key 'http.rate-limit.burst' must be at least 1");
    assertThatThrownBy(() -> load("http: {frame-ancestors: \"'self'; script-src *\"}\n", Map.of()))
        .hasMessageContaining("key 'http.frame-ancestors'");
  }
}
