package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code http}: where the REST API, health, status and metrics endpoints listen, and who may use them and how
 * much. See docs/security.md.
 *
 * @param maxBodyBytes the largest request body of any route but the two imports
 * @param maxImportBytes the largest lead or DNC import file ({@code POST .../leads/import}, {@code /dnc/import})
 * @param frameAncestors the {@code Content-Security-Policy: frame-ancestors} sources of the {@code /app/} pages:
 *                       who may embed them in a frame (a CRM's softphone panel)
 */
public record HttpSettings(String host, int port, AuthSettings auth, CorsSettings cors,
    @JsonProperty("frame-ancestors") String frameAncestors,
    @JsonProperty("max-body-bytes") int maxBodyBytes,
    @JsonProperty("max-import-bytes") int maxImportBytes,
    @JsonProperty("rate-limit") RateLimitSettings rateLimit) {

  /** 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  /** 50 MiB: a list of a few hundred thousand leads. */
  public static final int DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

  public HttpSettings {
    auth = auth == null ? AuthSettings.defaults() : auth;
    cors = cors == null ? CorsSettings.defaults() : cors;
    frameAncestors = frameAncestors == null ? "'self'" : frameAncestors.strip();
    rateLimit = rateLimit == null ? RateLimitSettings.defaults() : rateLimit;
  }

  public HttpSettings(String host, int port, AuthSettings auth) {
    this(host, port, auth, CorsSettings.defaults(), "'self'", DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IMPORT_BYTES,
        RateLimitSettings.defaults());
  }

  public HttpSettings(String host, int port) {
    this(host, port, AuthSettings.defaults());
  }

  public static HttpSettings defaults() {
    return new HttpSettings("0.0.0.0", 8080, AuthSettings.defaults());
  }

  public HttpSettings withPort(int newPort) {
    return new HttpSettings(host, newPort, auth, cors, frameAncestors, maxBodyBytes, maxImportBytes, rateLimit);
  }

  public HttpSettings withAuth(AuthSettings newAuth) {
    return new HttpSettings(host, port, newAuth, cors, frameAncestors, maxBodyBytes, maxImportBytes, rateLimit);
  }

  public HttpSettings withRateLimit(RateLimitSettings newRateLimit) {
    return new HttpSettings(host, port, auth, cors, frameAncestors, maxBodyBytes, maxImportBytes, newRateLimit);
  }

  public HttpSettings withCors(CorsSettings newCors) {
    return new HttpSettings(host, port, auth, newCors, frameAncestors, maxBodyBytes, maxImportBytes, rateLimit);
  }
}
