package io.switchboard.server.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call the API from a web page served elsewhere ({@code http.cors.allowed-origins}). Our own pages call
 * back on the same origin and need nothing; any other origin must be listed exactly (or {@code *}). The API takes
 * bearer tokens only, so {@code Access-Control-Allow-Credentials} is never sent and cookies never cross.
 */
public final class CorsPolicy {

  /** How a request's {@code Origin} stands. */
  public enum Verdict {
    /** No {@code Origin} header: not a browser's cross-origin request (curl, a server, a same-origin GET). */
    NOT_CORS,
    /** The origin is this server itself (its {@code Host}), whatever the scheme a proxy terminated. */
    SAME_ORIGIN,
    /** Another origin that is configured: answered with CORS headers. */
    ALLOWED,
    /** Another origin that is not configured: refused with 403 {@code cors-origin-not-allowed}. */
    REFUSED
  }

  /** Request headers a cross-origin caller may send. */
  public static final String ALLOW_HEADERS = "Authorization, Content-Type";
  /** Methods a cross-origin caller may use. */
  public static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE";
  /** Response headers a cross-origin page may read. */
  public static final String EXPOSE_HEADERS = "Location, Retry-After";
  /** How long a browser may cache a preflight answer, in seconds. */
  public static final int MAX_AGE_SECONDS = 600;

  private final boolean any;
  private final Set<String> origins;

  public CorsPolicy(List<String> allowedOrigins) {
    this.any = allowedOrigins.contains("*");
    this.origins = allowedOrigins.stream().filter(o -> !o.equals("*")).map(CorsPolicy::normal)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The verdict for {@code origin} (the header, null when absent) on a request to {@code host} (its Host). */
  public Verdict judge(String origin, String host) {
    if (origin == null || origin.isBlank()) {
      return Verdict.NOT_CORS;
    }
    String normal = normal(origin.strip());
    if (host != null && authority(normal).equals(host.toLowerCase(Locale.ROOT))) {
      return Verdict.SAME_ORIGIN;
    }
    if (!normal.equals("null") && (any || origins.contains(normal))) {
      return Verdict.ALLOWED;
    }
    return Verdict.REFUSED;
  }

  private static String normal(String origin) {
    return origin.toLowerCase(Locale.ROOT);
  }

  private static String authority(String origin) {
    int scheme = origin.indexOf("://");
    return scheme < 0 ? origin : origin.substring(scheme + 3);
  }
}
