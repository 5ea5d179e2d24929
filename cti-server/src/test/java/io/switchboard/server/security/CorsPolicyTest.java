package io.switchboard.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

  private final CorsPolicy none = new CorsPolicy(List.of());
  private final CorsPolicy salesforce = new CorsPolicy(List.of("https://acme.lightning.force.com"));

  @Test
  void a_request_without_an_origin_is_not_a_cross_origin_request() {
    assertThat(none.judge(null, "switchboard.acme.test")).isEqualTo(CorsPolicy.Verdict.NOT_CORS);
  }

  @Test
  void a_page_of_our_own_calling_back_is_same_origin_whatever_the_scheme_in_front() {
    assertThat(none.judge("https://switchboard.acme.test", "switchboard.acme.test"))
        .isEqualTo(CorsPolicy.Verdict.SAME_ORIGIN);
    assertThat(none.judge("http://127.0.0.1:8080", "127.0.0.1:8080")).isEqualTo(CorsPolicy.Verdict.SAME_ORIGIN);
  }

  @Test
  void by_default_no_other_origin_is_allowed() {
    assertThat(none.judge("https://evil.example", "switchboard.acme.test")).isEqualTo(CorsPolicy.Verdict.REFUSED);
    assertThat(none.judge("null", "switchboard.acme.test")).isEqualTo(CorsPolicy.Verdict.REFUSED);
  }

  @Test
  void a_configured_origin_is_allowed_exactly_and_case_insensitively_on_the_host() {
    assertThat(salesforce.judge("https://ACME.lightning.force.com", "sb.acme.test"))
        .isEqualTo(CorsPolicy.Verdict.ALLOWED);
    assertThat(salesforce.judge("http://acme.lightning.force.com", "sb.acme.test"))
        .as("another scheme is another origin").isEqualTo(CorsPolicy.Verdict.REFUSED);
    assertThat(salesforce.judge("https://acme.lightning.force.com.evil.example", "sb.acme.test"))
        .isEqualTo(CorsPolicy.Verdict.REFUSED);
  }

  @Test
  void a_star_allows_any_origin_but_still_never_credentials() {
    CorsPolicy any = new CorsPolicy(List.of("*"));

    assertThat(any.judge("https://anything.example", "sb.acme.test")).isEqualTo(CorsPolicy.Verdict.ALLOWED);
    assertThat(CorsPolicy.ALLOW_HEADERS).isEqualTo("Authorization, Content-Type");
  }
}
