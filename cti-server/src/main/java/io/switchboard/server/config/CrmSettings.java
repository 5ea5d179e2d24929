package io.switchboard.server.config;

/** {@code crm}: the CRM connectors, each off unless {@code enabled: true}, and the call-log outbox. */
public record CrmSettings(SalesforceSettings salesforce, HubspotSettings hubspot, ZendeskSettings zendesk,
    CrmOutboxConfig outbox) {

  public CrmSettings {
    outbox = outbox == null ? CrmOutboxConfig.defaults() : outbox;
  }

  public CrmSettings(SalesforceSettings salesforce, HubspotSettings hubspot, ZendeskSettings zendesk) {
    this(salesforce, hubspot, zendesk, CrmOutboxConfig.defaults());
  }

  public static CrmSettings defaults() {
    return new CrmSettings(
        SalesforceSettings.defaults(), HubspotSettings.defaults(), ZendeskSettings.defaults(),
        CrmOutboxConfig.defaults());
  }
}
