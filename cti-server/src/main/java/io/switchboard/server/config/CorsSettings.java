package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * {@code http.cors}: which other web origins may call the API from a browser. Empty (the default) = none: only
 * pages served by Switchboard itself (same origin) can. Bearer tokens only; no cookies are ever allowed across
 * origins.
 *
 * @param allowedOrigins exact origins ({@code https://acme.lightning.force.com}: scheme, host, optional port, no
 *                       path), or {@code *} for any origin
 */
public record CorsSettings(@JsonProperty("allowed-origins") List<String> allowedOrigins) {

  public CorsSettings {
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }

  public static CorsSettings defaults() {
    return new CorsSettings(List.of());
  }

  /** Why {@code origin} cannot be configured, or empty when it can. */
  public static Optional<String> invalidOrigin(String origin) {
    if (origin.equals("*")) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(origin);
      boolean bare = uri.getScheme() != null && uri.getHost() != null && uri.getRawPath().isEmpty()
          && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null
          && (uri.getScheme().equals("https") || uri.getScheme().equals("http"));
      return bare ? Optional.empty()
          : Optional.of("must be scheme://host[:port] with no path, e.g. https://acme.lightning.force.com, got '"
              + origin + "'");
    } catch (URISyntaxException e) {
      return Optional.of("must be scheme://host[:port], got '" + origin + "'");
    }
  }

}
