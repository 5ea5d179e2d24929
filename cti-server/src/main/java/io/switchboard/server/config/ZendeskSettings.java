package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code crm.zendesk}: API-token access to one Zendesk subdomain.
 *
 * @param apiUrl where the account's API answers; {@code {subdomain}} stands for {@link #subdomain()}
 */
public record ZendeskSettings(
    boolean enabled, String subdomain, String email, @JsonProperty("api-token") Secret apiToken,
    @JsonProperty("api-url") String apiUrl, @JsonProperty("app-id") long appId) {

  /** Zendesk's own API for the account. */
  public static final String API_URL = "https://{subdomain}.zendesk.com";

  public ZendeskSettings {
    apiToken = apiToken == null ? Secret.NONE : apiToken;
    apiUrl = apiUrl == null ? API_URL : apiUrl.strip();
  }

  public ZendeskSettings(boolean enabled, String subdomain, String email, Secret apiToken, String apiUrl) {
    this(enabled, subdomain, email, apiToken, apiUrl, 0);
  }

  public ZendeskSettings(boolean enabled, String subdomain, String email, Secret apiToken) {
    this(enabled, subdomain, email, apiToken, API_URL);
  }

  public static ZendeskSettings defaults() {
    return new ZendeskSettings(false, "", "", Secret.NONE, API_URL, 0);
  }

  /** {@link #apiUrl()} with the subdomain filled in. */
  public String resolvedApiUrl() {
    return apiUrl.replace("{subdomain}", subdomain);
  }
}
