package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code crm.hubspot}: a HubSpot private-app access token.
 *
 * @param apiUrl where HubSpot's API answers; {@code https://api.hubapi.com} unless a test or proxy stands in
 */
public record HubspotSettings(boolean enabled, @JsonProperty("access-token") Secret accessToken,
    @JsonProperty("api-url") String apiUrl, @JsonProperty("portal-id") String portalId) {

  /** HubSpot's own API. */
  public static final String API_URL = "https://api.hubapi.com";

  public HubspotSettings {
    accessToken = accessToken == null ? Secret.NONE : accessToken;
    apiUrl = apiUrl == null ? API_URL : apiUrl.strip();
    portalId = portalId == null ? "" : portalId.strip();
  }

  public HubspotSettings(boolean enabled, Secret accessToken, String apiUrl) {
    this(enabled, accessToken, apiUrl, "");
  }

  public HubspotSettings(boolean enabled, Secret accessToken) {
    this(enabled, accessToken, API_URL);
  }

  public static HubspotSettings defaults() {
    return new HubspotSettings(false, Secret.NONE, API_URL, "");
  }
}
