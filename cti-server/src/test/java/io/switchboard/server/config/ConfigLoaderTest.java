package io.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("config.yaml"), yaml);
  }

  private LoadedConfig load(String yaml, Map<String, String> env) throws IOException {
    return ConfigLoader.load(file(yaml), env);
  }

  @Test
  void an_empty_file_gives_the_embedded_defaults() throws IOException {
    SwitchboardConfig config = load("", Map.of()).config();

    assertThat(config).isEqualTo(SwitchboardConfig.defaults());
    assertThat(config.database().embeddedMode()).isTrue();
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.hazelcast().clusterName()).isEqualTo("switchboard");
    assertThat(config.hazelcast().join().method()).isEqualTo(JoinMethod.NONE);
    assertThat(config.pbx()).isEmpty();
    assertThat(config.crm().salesforce().enabled()).isFalse();
  }

  @Test
  void a_full_file_binds_every_section() throws IOException {
    SwitchboardConfig config = load("""
        http: {host: 127.0.0.1, port: 9090}
        database:
          url: jdbc:mariadb://db:3306/switchboard
          user: sb
          password: s3cret
          pool-size: 4
        hazelcast:
          cluster-name: prod
          join:
            method: tcp-ip
            members: [10.0.0.1, 10.0.0.2:5702]
        pbx:
          - {name: main, type: asterisk, host: pbx1, username: switchboard, secret: amipass}
          - {name: fs, type: freeswitch, host: fs1, secret: ClueCon}
        crm:
          zendesk: {enabled: true, subdomain: acme, email: ops@acme.test, api-token: tok, app-id: 360001}
        logging: {level: debug}
        """, Map.of()).config();

    assertThat(config.http()).isEqualTo(new HttpSettings("127.0.0.1", 9090));
    assertThat(config.database().password().value()).isEqualTo("s3cret");
    assertThat(config.database().poolSize()).isEqualTo(4);
    assertThat(config.hazelcast().join().members()).containsExactly("10.0.0.1", "10.0.0.2:5702");
    assertThat(config.pbx()).extracting(PbxConnection::port).containsExactly(5038, 8021);
    assertThat(config.crm().zendesk().enabled()).isTrue();
    assertThat(config.logging().level()).isEqualTo(LogLevel.DEBUG);
  }

  @Test
  void outbound_settings_bind_and_the_pbx_dial_string_defaults_to_the_admins_context() throws IOException {
    SwitchboardConfig config = load("""
        outbound: {ring-timeout-seconds: 25, answering-machine: message, machine-message: custom/offer}
        pbx: [{name: main, type: asterisk, host: pbx1}]
        """, Map.of("SWITCHBOARD_OUTBOUND_WRAP_UP_SECONDS", "5")).config();

    assertThat(config.outbound()).isEqualTo(new OutboundSettings(25, AnsweringMachineAction.MESSAGE, "custom/offer",
        "", 5));
    assertThat(config.pbx().get(0).outboundChannel()).isEqualTo("Local/{number}@default");
  }

  @Test
  void routing_rules_default_to_a_pause_after_three_misses_and_utc_days_and_bind_from_file_and_environment()
      throws IOException {
    assertThat(load("", Map.of()).config().routing()).isEqualTo(new RoutingSettings(3, "UTC", 72));

    SwitchboardConfig config = load("routing: {auto-pause-after-misses: 0}\n",
        Map.of("SWITCHBOARD_ROUTING_STATISTICS_ZONE", "Europe/Berlin")).config();

    assertThat(config.routing()).isEqualTo(new RoutingSettings(0, "Europe/Berlin", 72));
  }

  @Test
  void routing_rules_out_of_range_name_their_key() {
    assertThatThrownBy(() -> load("routing: {auto-pause-after-misses: -1}\n", Map.of()))
        .hasMessageContaining("key 'routing.auto-pause-after-misses' must be between 0 (off) and 100");
    assertThatThrownBy(() -> load("routing: {statistics-zone: Mars/Olympus}\n", Map.of()))
        .hasMessageContaining("key 'routing.statistics-zone' must be a time zone");
    assertThatThrownBy(() -> load("routing: {last-agent-retention-hours: 0}\n", Map.of()))
        .hasMessageContaining("key 'routing.last-agent-retention-hours' must be between 1 and 8760");
  }

  @Test
  void the_last_agent_retention_binds_from_the_environment() throws IOException {
    SwitchboardConfig config = load("", Map.of("SWITCHBOARD_ROUTING_LAST_AGENT_RETENTION_HOURS", "24")).config();

    assertThat(config.routing().lastAgentRetentionHours()).isEqualTo(24);
  }

  @Test
  void a_queue_log_file_is_off_unless_a_path_is_given_in_the_file_or_the_environment() throws IOException {
    assertThat(load("", Map.of()).config().queueLog().writesFile()).isFalse();

    SwitchboardConfig config = load("", Map.of("SWITCHBOARD_QUEUE_LOG_FILE", "/var/log/switchboard/queue_log"))
        .config();

    assertThat(config.queueLog().file()).isEqualTo("/var/log/switchboard/queue_log");
  }

  @Test
  void a_relative_queue_log_file_names_its_key() {
    assertThatThrownBy(() -> load("queue-log: {file: logs/queue_log}\n", Map.of()))
        .hasMessageContaining("key 'queue-log.file' must be an absolute path");
  }

  @Test
  void outbound_values_that_break_compliance_or_the_glue_name_their_key() {
    assertThatThrownBy(() -> load("outbound: {ring-timeout-seconds: 10}\n", Map.of()))
        .hasMessageContaining("key 'outbound.ring-timeout-seconds' must be between 15 and 300");
    assertThatThrownBy(() -> load("outbound: {answering-machine: message}\n", Map.of()))
        .hasMessageContaining("'outbound.machine-message'");
    assertThatThrownBy(() -> load("outbound: {answering-machine: shout}\n", Map.of()))
        .hasMessageContaining("key 'outbound.answering-machine' must be one of hangup, message");
    assertThatThrownBy(() -> load("pbx: [{name: a, type: asterisk, host: h, outbound-channel: PJSIP/trunk}]\n",
        Map.of())).hasMessageContaining("'pbx[0].outbound-channel' must contain {number}");
  }

  @Test
  void secrets_never_appear_in_to_string() throws IOException {
    SwitchboardConfig config = load("""
        database: {url: "jdbc:mariadb://db/sb", password: s3cret}
        pbx: [{name: main, type: asterisk, host: pbx1, secret: amipass}]
        crm: {hubspot: {enabled: true, access-token: pat-123, portal-id: '62515'}}
        """, Map.of()).config();

    assertThat(config.toString()).doesNotContain("s3cret", "amipass", "pat-123").contains("****");
  }

  @Test
  void an_unknown_key_names_the_key_path_the_file_and_the_likely_key() throws IOException {
    assertThatThrownBy(() -> load("databse:\n  url: jdbc:mariadb://x/y\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir.resolve("config.yaml") + ": unknown key 'databse.url' (did you mean 'database.url'?)");
  }

  @Test
  void an_unknown_nested_key_is_reported_with_its_full_path() throws IOException {
    assertThatThrownBy(() -> load("hazelcast:\n  join:\n    memebrs: [a]\n", Map.of()))
        .hasMessageEndingWith("unknown key 'hazelcast.join.memebrs' (did you mean 'hazelcast.join.members'?)");
    assertThatThrownBy(() -> load("pbx:\n  - {name: a, type: asterisk, hots: x}\n", Map.of()))
        .hasMessageEndingWith("unknown key 'pbx[0].hots' (did you mean 'pbx[0].host'?)");
  }

  @Test
  void a_wrong_type_names_the_key_the_file_and_the_expected_type() throws IOException {
    assertThatThrownBy(() -> load("http:\n  port: eighty\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir.resolve("config.yaml") + ": key 'http.port' must be an integer, got 'eighty'");
    assertThatThrownBy(() -> load("hazelcast: {join: {method: gossip}}\n", Map.of()))
        .hasMessageContaining("key 'hazelcast.join.method' must be one of none, tcp-ip, multicast, kubernetes");
    assertThatThrownBy(() -> load("http: 8080\n", Map.of()))
        .hasMessageContaining("key 'http' must be a mapping");
  }

  @Test
  void invalid_values_name_the_key() throws IOException {
    assertThatThrownBy(() -> load("http: {port: 70000}\n", Map.of()))
        .hasMessageEndingWith("config.yaml: key 'http.port' must be between 0 and 65535, got 70000");
    assertThatThrownBy(() -> load("hazelcast: {cluster-name: ' '}\n", Map.of()))
        .hasMessageEndingWith("key 'hazelcast.cluster-name' must not be blank");
    assertThatThrownBy(() -> load("hazelcast: {join: {method: kubernetes}}\n", Map.of()))
        .hasMessageEndingWith("key 'hazelcast.join.service-dns' must not be blank");
    assertThatThrownBy(() -> load("crm: {salesforce: {enabled: true}}\n", Map.of()))
        .hasMessageEndingWith("key 'crm.salesforce.instance-url' must not be blank");
  }

  @Test
  void a_pbx_entry_without_dialing_keys_gets_the_defaults_of_its_type() throws IOException {
    List<PbxConnection> pbx = load("""
        pbx:
          - {name: main, type: asterisk, host: pbx1}
          - {name: fs, type: freeswitch, host: fs1, secret: ClueCon2, region: GB}
        """, Map.of()).config().pbx();

    assertThat(pbx.get(0).outboundChannel()).isEqualTo("Local/{number}@default");
    assertThat(pbx.get(0).port()).isEqualTo(5038);
    assertThat(pbx.get(1).outboundChannel()).isEqualTo("sofia/gateway/default/{number}");
    assertThat(pbx.get(1).port()).isEqualTo(8021);
    assertThat(pbx.get(1).transferContext()).isEqualTo("default");
    assertThat(pbx.get(1).region()).isEqualTo("GB");
    assertThat(pbx.get(1).secret().value()).isEqualTo("ClueCon2");
    assertThatThrownBy(() -> load("pbx: [{name: fs, type: freeswitch, host: h, outbound-channel: sofia/gateway/x}]\n",
        Map.of())).hasMessageContaining("'pbx[0].outbound-channel' must contain {number}, e.g. sofia/gateway/carrier/{number}");
  }

  @Test
  void the_short_constructor_picks_the_outbound_channel_by_type() {
    assertThat(new PbxConnection("fs", PbxType.FREESWITCH, "fs1", null, null, null).outboundChannel())
        .isEqualTo(PbxConnection.DEFAULT_FREESWITCH_OUTBOUND_CHANNEL);
    assertThat(new PbxConnection("main", PbxType.ASTERISK, "pbx1", null, null, null).outboundChannel())
        .isEqualTo(PbxConnection.DEFAULT_OUTBOUND_CHANNEL);
    assertThat(new PbxConnection("fs", PbxType.FREESWITCH, "fs1", 8021, "", Secret.NONE,
        "sofia/gateway/carrier/{number}", null, null, null).outboundChannel()).isEqualTo("sofia/gateway/carrier/{number}");
  }

  @Test
  void only_a_freeswitch_entry_left_on_the_default_gateway_dials_through_the_assumed_gateway() {
    assertThat(new PbxConnection("fs", PbxType.FREESWITCH, "fs1", null, null, null).dialsThroughAssumedGateway())
        .isTrue();
    assertThat(new PbxConnection("fs", PbxType.FREESWITCH, "fs1", 8021, "", Secret.NONE,
        "sofia/gateway/carrier/{number}", null, null, null).dialsThroughAssumedGateway()).isFalse();
    assertThat(new PbxConnection("main", PbxType.ASTERISK, "pbx1", null, null, null).dialsThroughAssumedGateway())
        .isFalse();
  }

  @Test
  void a_freeswitch_entry_records_into_the_packaged_directory_unless_told_otherwise() throws IOException {
    List<PbxConnection> pbx = load("""
        pbx:
          - {name: fs, type: freeswitch, host: fs1}
          - {name: fs2, type: freeswitch, host: fs2, recording-directory: /srv/recordings/fs2}
          - {name: main, type: asterisk, host: pbx1}
        """, Map.of()).config().pbx();

    assertThat(pbx.get(0).recordingDirectory()).isEqualTo("/var/lib/freeswitch/recordings");
    assertThat(pbx.get(1).recordingDirectory()).isEqualTo("/srv/recordings/fs2");
    assertThat(pbx.get(2).recordingDirectory()).isEmpty();
  }

  @Test
  void a_recording_directory_that_freeswitch_cannot_take_is_named() {
    String entry = "pbx:\n  - {name: fs, type: freeswitch, host: fs1, recording-directory: '%s'}\n";
    assertThatThrownBy(() -> load(entry.formatted("recordings"), Map.of()))
        .hasMessageContaining("key 'pbx[0].recording-directory' must be an absolute path")
        .hasMessageContaining("got 'recordings'");
    assertThatThrownBy(() -> load(entry.formatted("/srv/my recordings"), Map.of()))
        .hasMessageContaining("key 'pbx[0].recording-directory' must be an absolute path without spaces");
    assertThatThrownBy(() -> load(entry.formatted("/srv/a,b"), Map.of()))
        .hasMessageContaining("key 'pbx[0].recording-directory' must be an absolute path");
  }

  @Test
  void a_recording_directory_on_an_asterisk_entry_is_refused_because_asterisk_picks_its_own() {
    assertThatThrownBy(() -> load("pbx:\n  - {name: main, type: asterisk, host: pbx1, recording-directory: /srv/rec}\n",
        Map.of())).hasMessageContaining("key 'pbx[0].recording-directory' is for FreeSWITCH only");
  }

  @Test
  void a_pbx_entry_dials_through_what_the_admin_configured_and_bad_dialing_keys_are_named() throws IOException {
    PbxConnection main = load("pbx:\n  - {name: main, type: asterisk, host: pbx1, outbound-channel: 'PJSIP/{number}@carrier',"
        + " transfer-context: from-switchboard, region: GB}\n", Map.of()).config().pbx().get(0);
    assertThat(main.outboundChannel()).isEqualTo("PJSIP/{number}@carrier");
    assertThat(main.transferContext()).isEqualTo("from-switchboard");
    assertThat(main.region()).isEqualTo("GB");

    String entry = "pbx:\n  - {name: main, type: asterisk, host: pbx1, %s}\n";
    assertThatThrownBy(() -> load(entry.formatted("outbound-channel: PJSIP/carrier"), Map.of()))
        .hasMessageContaining("key 'pbx[0].outbound-channel' must contain {number}");
    assertThatThrownBy(() -> load(entry.formatted("transfer-context: 'from pstn'"), Map.of()))
        .hasMessageContaining("key 'pbx[0].transfer-context' must be a dialplan context name");
    assertThatThrownBy(() -> load(entry.formatted("region: UK"), Map.of()))
        .hasMessageContaining("key 'pbx[0].region' must be a two-letter ISO 3166 region");
  }

  @Test
  void broken_yaml_names_the_file_and_line() throws IOException {
    assertThatThrownBy(() -> load("http:\n  port: 1\n port: 2\n", Map.of()))
        .hasMessageStartingWith(dir.resolve("config.yaml") + " line 3")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void a_missing_file_is_named() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"), Map.of()))
        .hasMessage("config file " + dir.resolve("nope.yaml") + " does not exist");
  }

  @Test
  void environment_variables_override_the_file() throws IOException {
    SwitchboardConfig config = load("http: {port: 9090}\ndatabase: {user: fromfile}\ncrm: {hubspot: {portal-id: '62515'}}\n", Map.of(
        "SWITCHBOARD_HTTP_PORT", "9191",
        "SWITCHBOARD_DATABASE_URL", "jdbc:mariadb://db:3306/sb",
        "SWITCHBOARD_DATABASE_POOL_SIZE", "3",
        "SWITCHBOARD_HAZELCAST_JOIN_METHOD", "tcp-ip",
        "SWITCHBOARD_HAZELCAST_JOIN_MEMBERS", "10.0.0.1, 10.0.0.2",
        "SWITCHBOARD_PBX_0_NAME", "main",
        "SWITCHBOARD_PBX_0_TYPE", "asterisk",
        "SWITCHBOARD_PBX_0_HOST", "pbx1",
        "SWITCHBOARD_CRM_HUBSPOT_ENABLED", "true",
        "SWITCHBOARD_CRM_HUBSPOT_ACCESS_TOKEN", "pat-1")).config();

    assertThat(config.http().port()).isEqualTo(9191);
    assertThat(config.database().url()).isEqualTo("jdbc:mariadb://db:3306/sb");
    assertThat(config.database().user()).isEqualTo("fromfile");
    assertThat(config.database().poolSize()).isEqualTo(3);
    assertThat(config.hazelcast().join().members()).containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(config.pbx()).containsExactly(
        new PbxConnection("main", PbxType.ASTERISK, "pbx1", 5038, "", Secret.NONE));
    assertThat(config.crm().hubspot().accessToken().value()).isEqualTo("pat-1");
  }

  @Test
  void an_environment_override_with_a_wrong_type_names_the_variable() throws IOException {
    assertThatThrownBy(() -> load("", Map.of("SWITCHBOARD_HTTP_PORT", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("environment variable SWITCHBOARD_HTTP_PORT: key 'http.port' must be an integer, got 'eighty'");
    assertThatThrownBy(() -> load("", Map.of("SWITCHBOARD_HTTP_PORT", "99999")))
        .hasMessage("environment variable SWITCHBOARD_HTTP_PORT: key 'http.port' must be between 0 and 65535, got 99999");
  }

  @Test
  void an_unknown_switchboard_variable_is_a_warning_not_an_error() throws IOException {
    LoadedConfig loaded = load("", Map.of("SWITCHBOARD_DATABSE_URL", "x", "SWITCHBOARD_PORT", "tcp://10.0.0.1:80"));

    assertThat(loaded.warnings()).anyMatch(w -> w.contains("SWITCHBOARD_DATABSE_URL")
        && w.contains("did you mean SWITCHBOARD_DATABASE_URL"));
  }

  @Test
  void every_key_has_an_environment_variable() {
    List<String> vars = ConfigSchema.keys().stream().map(ConfigKey::envVar).toList();

    assertThat(vars).contains("SWITCHBOARD_HTTP_PORT", "SWITCHBOARD_DATABASE_EMBEDDED_DATA_DIR",
        "SWITCHBOARD_HAZELCAST_JOIN_SERVICE_DNS", "SWITCHBOARD_PBX_<n>_SECRET").doesNotHaveDuplicates();
  }
}
