package io.switchboard.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The value rules of {@code http}'s CORS, frame, body and rate keys ({@link ConfigValidator} asks). */
final class HttpRules {

  /** Sources of a CSP directive: no ';' or ',' that would start another directive or policy. */
  private static final Pattern SOURCES = Pattern.compile("[^;,\\r\\n]+");

  private HttpRules() {
  }

  static List<ConfigValidator.Problem> check(HttpSettings http) {
    List<ConfigValidator.Problem> problems = new ArrayList<>();
    for (String origin : http.cors().allowedOrigins()) {
      CorsSettings.invalidOrigin(origin).ifPresent(why ->
          problems.add(new ConfigValidator.Problem("http.cors.allowed-origins", why)));
    }
    if (http.frameAncestors().isBlank() || !SOURCES.matcher(http.frameAncestors()).matches()) {
      problems.add(new ConfigValidator.Problem("http.frame-ancestors", "must be CSP sources separated by spaces,"
          + " e.g. 'self' https://*.lightning.force.com, without ';' or ','"));
    }
    range(problems, "http.max-body-bytes", http.maxBodyBytes(), 1024, Integer.MAX_VALUE);
    range(problems, "http.max-import-bytes", http.maxImportBytes(), 1024, Integer.MAX_VALUE);
    RateLimitSettings rate = http.rateLimit();
    atLeastOne(problems, "http.rate-limit.requests-per-second", rate.requestsPerSecond());
    atLeastOne(problems, "http.rate-limit.burst", rate.burst());
    atLeastOne(problems, "http.rate-limit.anonymous-per-second", rate.anonymousPerSecond());
    atLeastOne(problems, "http.rate-limit.anonymous-burst", rate.anonymousBurst());
    atLeastOne(problems, "http.rate-limit.sign-in-failures", rate.signInFailures());
    atLeastOne(problems, "http.rate-limit.sign-in-failures-per-minute", rate.signInFailuresPerMinute());
    return problems;
  }

  private static void range(List<ConfigValidator.Problem> problems, String key, int value, int min, int max) {
    if (value < min || value > max) {
      problems.add(new ConfigValidator.Problem(key, "must be between " + min + " and " + max + ", got " + value));
    }
  }

  private static void atLeastOne(List<ConfigValidator.Problem> problems, String key, int value) {
    if (value < 1) {
      problems.add(new ConfigValidator.Problem(key, "must be at least 1, got " + value));
    }
  }
}
