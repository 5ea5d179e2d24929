package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code crm.zendesk}: API-token access to one Zendesk subdomain. */
public record ZendeskSettings(
    boolean enabled, String subdomain, String email, @JsonProperty("api-token") Secret apiToken) {

  public ZendeskSettings {
    apiToken = apiToken == null ? Secret.NONE : apiToken;
  }

  public static ZendeskSettings defaults() {
    return new ZendeskSettings(false, "", "", Secret.NONE);
  }
}
