package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

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
}
