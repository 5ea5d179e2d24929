package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code crm.hubspot}: a HubSpot private-app access token. */
public record HubspotSettings(boolean enabled, @JsonProperty("access-token") Secret accessToken) {

  public HubspotSettings {
    accessToken = accessToken == null ? Secret.NONE : accessToken;
  }

  public static HubspotSettings defaults() {
    return new HubspotSettings(false, Secret.NONE);
  }
}
