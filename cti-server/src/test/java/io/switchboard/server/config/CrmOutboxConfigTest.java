package io.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm.outbox.*} and the CRMs' API URLs, from the file or the environment, checked by key. */
class CrmOutboxConfigTest {

  @TempDir Path dir;

  private SwitchboardConfig load(String yaml, Map<String, String> env) throws IOException {
    return ConfigLoader.load(Files.writeString(dir.resolve("config.yaml"), yaml), env).config();
  }

  @Test
  void without_the_keys_the_outbox_and_the_api_urls_keep_their_defaults() throws IOException {
    CrmSettings crm = load("", Map.of()).crm();

    assertThat(crm.outbox()).isEqualTo(CrmOutboxConfig.defaults());
    assertThat(crm.hubspot().apiUrl()).isEqualTo("https://api.hubapi.com");
    assertThat(crm.zendesk().apiUrl()).isEqualTo("https://{subdomain}.zendesk.com");
  }

  @Test
  void a_key_given_in_the_file_or_the_environment_replaces_only_its_default() throws IOException {
    CrmSettings crm = load("crm: {outbox: {max-delay-seconds: 300}, zendesk: {subdomain: acme}}\n",
        Map.of("SWITCHBOARD_CRM_OUTBOX_DISPOSITION_WAIT_SECONDS", "30",
            "SWITCHBOARD_CRM_HUBSPOT_API_URL", "http://127.0.0.1:9999")).crm();

    assertThat(crm.outbox()).isEqualTo(new CrmOutboxConfig(5, 300, 1000, 30, 3000));
    assertThat(crm.hubspot().apiUrl()).isEqualTo("http://127.0.0.1:9999");
    assertThat(crm.zendesk().resolvedApiUrl()).isEqualTo("https://acme.zendesk.com");
  }

  @Test
  void values_out_of_range_name_their_key() {
    assertThatThrownBy(() -> load("crm: {outbox: {max-delay-seconds: 5}}\n", Map.of()))
        .hasMessageContaining("key 'crm.outbox.max-delay-seconds' must be between 10 and 3600");
    assertThatThrownBy(() -> load("crm: {outbox: {poll-interval-seconds: 0}}\n", Map.of()))
        .hasMessageContaining("key 'crm.outbox.poll-interval-seconds' must be between 1 and 300");
    assertThatThrownBy(() -> load("crm: {hubspot: {api-url: 'ftp://x'}}\n", Map.of()))
        .hasMessageContaining("key 'crm.hubspot.api-url' must be an http or https URL");
  }

  @Test
  void an_enabled_crm_without_what_its_connector_needs_is_refused_naming_the_key() {
    assertThatThrownBy(() -> load("crm: {hubspot: {enabled: true, access-token: pat-1}}\n", Map.of()))
        .hasMessageContaining("key 'crm.hubspot.portal-id' must be the HubSpot account's id (digits)");
    assertThatThrownBy(() -> load("crm: {hubspot: {enabled: true, access-token: pat-1, portal-id: 'abc'}}\n",
        Map.of())).hasMessageContaining("key 'crm.hubspot.portal-id'");
    assertThatThrownBy(() -> load(
        "crm: {zendesk: {enabled: true, subdomain: acme, email: a@acme.test, api-token: t}}\n", Map.of()))
        .hasMessageContaining("key 'crm.zendesk.app-id' must be the Zendesk app id");
    assertThatThrownBy(() -> load(
        "crm: {salesforce: {enabled: true, instance-url: 'acme.my.salesforce.com', client-id: c, client-secret: s}}\n",
        Map.of())).hasMessageContaining("key 'crm.salesforce.instance-url' must be an http or https URL");
  }

  @Test
  void the_enabled_crms_get_a_connector_each_and_none_when_none_is_enabled() throws Exception {
    var none = load("crm: {}\n", Map.of()).crm();
    assertThat(io.switchboard.server.crm.CrmConnectors.from(none, java.time.Clock.systemUTC())).isEmpty();
    var all = load("""
        crm:
          salesforce: {enabled: true, instance-url: 'https://acme.my.salesforce.com', client-id: c, client-secret: s}
          hubspot: {enabled: true, access-token: pat-1, portal-id: '62515'}
          zendesk: {enabled: true, subdomain: acme, email: a@acme.test, api-token: t, app-id: 360001}
        """, Map.of()).crm();
    assertThat(io.switchboard.server.crm.CrmConnectors.from(all, java.time.Clock.systemUTC()))
        .extracting(io.switchboard.core.port.CrmConnector::name)
        .containsExactly("salesforce", "hubspot", "zendesk");
  }
}
