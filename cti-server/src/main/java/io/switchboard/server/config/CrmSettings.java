package io.switchboard.server.config;

/** {@code crm}: the CRM connectors; each is off unless {@code enabled: true}. */
public record CrmSettings(SalesforceSettings salesforce, HubspotSettings hubspot, ZendeskSettings zendesk) {

  public static CrmSettings defaults() {
    return new CrmSettings(
        SalesforceSettings.defaults(), HubspotSettings.defaults(), ZendeskSettings.defaults());
  }
}
