package io.switchboard.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.crm.http.Secret;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SoqlTest {

    @Test
    void every_sosl_reserved_character_is_escaped() {
        assertThat(Soql.escapeSosl("+44 (20) 7946-0018?*\"'{}[]^~:&|!\\"))
                .isEqualTo("\\+44 \\(20\\) 7946\\-0018\\?\\*\\\"\\'\\{\\}\\[\\]\\^\\~\\:\\&\\|\\!\\\\");
    }

    @Test
    void a_key_in_a_soql_literal_cannot_close_the_quote() {
        assertThat(Soql.taskByCallObject("c-1' OR Id != '"))
                .isEqualTo("SELECT Id FROM Task WHERE CallObject = 'c-1\\' OR Id != \\'' LIMIT 1");
    }

    @Test
    void bad_settings_are_refused_naming_the_setting() {
        Secret secret = Secret.of("x", "s");
        assertThatThrownBy(() -> SalesforceSettings.clientCredentials(URI.create("ftp://acme"), "id", secret))
                .hasMessageContaining("salesforce.instanceUrl");
        assertThatThrownBy(() -> SalesforceSettings.clientCredentials(URI.create("https://acme.my.salesforce.com"), " ", secret))
                .hasMessageContaining("salesforce.clientId");
        assertThat(SalesforceSettings.clientCredentials(URI.create("https://acme.my.salesforce.com"), "id", secret)
                .toString()).doesNotContain("x]").contains("****");
    }
}
