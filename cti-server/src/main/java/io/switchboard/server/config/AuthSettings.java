package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code http.auth}: who may use the API. See docs/security.md.
 *
 * @param adminToken     a bearer token with the admin role, for set-up and automation; empty = none
 * @param sessionKey     the key signed session tokens are signed with (at least 32 characters); the same on every
 *                       node of a cluster; empty = a random key per node start
 * @param sessionMinutes how long a session token from {@code POST /api/v1/sessions} stays good
 */
public record AuthSettings(
    @JsonProperty("admin-token") Secret adminToken,
    @JsonProperty("session-key") Secret sessionKey,
    @JsonProperty("session-minutes") int sessionMinutes) {

  public AuthSettings {
    adminToken = adminToken == null ? Secret.NONE : adminToken;
    sessionKey = sessionKey == null ? Secret.NONE : sessionKey;
  }

  /** No admin token, a random session key, 10-hour sessions (a long shift). */
  public static AuthSettings defaults() {
    return new AuthSettings(Secret.NONE, Secret.NONE, 600);
  }

  public AuthSettings withAdminToken(Secret token) {
    return new AuthSettings(token, sessionKey, sessionMinutes);
  }
}
