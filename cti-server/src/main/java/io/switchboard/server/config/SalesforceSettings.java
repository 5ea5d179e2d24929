package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code crm.salesforce}: OAuth client-credentials connection to one org. */
public record SalesforceSettings(
    boolean enabled,
    @JsonProperty("instance-url") String instanceUrl,
    @JsonProperty("client-id") String clientId,
    @JsonProperty("client-secret") Secret clientSecret) {

  public SalesforceSettings {
    clientSecret = clientSecret == null ? Secret.NONE : clientSecret;
  }

  public static SalesforceSettings defaults() {
    return new SalesforceSettings(false, "", "", Secret.NONE);
  }
}
