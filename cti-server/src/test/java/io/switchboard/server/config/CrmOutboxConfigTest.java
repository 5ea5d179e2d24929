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
}
