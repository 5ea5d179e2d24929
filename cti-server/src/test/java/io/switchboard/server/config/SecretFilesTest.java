package io.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every secret key can come from a file ({@code <key>-file}), as Kubernetes mounts a Secret. */
class SecretFilesTest {

  @TempDir Path dir;

  private LoadedConfig load(String yaml, Map<String, String> env) throws IOException {
    return ConfigLoader.load(Files.writeString(dir.resolve("config.yaml"), yaml), env);
  }

  private Path secret(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void a_secret_file_in_the_config_gives_its_trimmed_content() throws IOException {
    Path db = secret("db-password", "s3cret\n");
    Path ami = secret("ami", "  amipass  ");

    SwitchboardConfig config = load("database: {url: 'jdbc:mariadb://db/sb', password-file: " + db + "}\n"
        + "pbx: [{name: main, type: asterisk, host: pbx1, secret-file: " + ami + "}]\n", Map.of()).config();

    assertThat(config.database().password().value()).isEqualTo("s3cret");
    assertThat(config.pbx().get(0).secret().value()).isEqualTo("amipass");
  }

  @Test
  void a_secret_file_in_the_environment_gives_its_content_and_beats_the_file() throws IOException {
    Path token = secret("hubspot", "pat-from-file\n");
    Path ami = secret("ami", "from-env-file");

    SwitchboardConfig config = load("crm: {hubspot: {enabled: true, access-token: pat-in-yaml, portal-id: '1'}}\n"
        + "pbx: [{name: main, type: asterisk, host: pbx1}]\n", Map.of(
            "SWITCHBOARD_CRM_HUBSPOT_ACCESS_TOKEN_FILE", token.toString(),
            "SWITCHBOARD_PBX_0_SECRET_FILE", ami.toString())).config();

    assertThat(config.crm().hubspot().accessToken().value()).isEqualTo("pat-from-file");
    assertThat(config.pbx().get(0).secret().value()).isEqualTo("from-env-file");
  }

  @Test
  void a_missing_file_is_a_config_error_naming_the_key_and_never_a_secret() {
    Path nowhere = dir.resolve("nope");

    assertThatThrownBy(() -> load("database: {password-file: " + nowhere + "}\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(dir.resolve("config.yaml") + ": key 'database.password-file' names " + nowhere)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> load("", Map.of("SWITCHBOARD_DATABASE_PASSWORD_FILE", nowhere.toString())))
        .hasMessageStartingWith("environment variable SWITCHBOARD_DATABASE_PASSWORD_FILE: key "
            + "'database.password-file' names " + nowhere);
  }

  @Test
  void an_empty_file_is_refused_rather_than_taken_as_no_secret() throws IOException {
    Path empty = secret("empty", "\n");

    assertThatThrownBy(() -> load("database: {password-file: " + empty + "}\n", Map.of()))
        .hasMessageContaining("key 'database.password-file'").hasMessageContaining("is empty");
  }

  @Test
  void a_secret_given_both_inline_and_as_a_file_is_refused() throws IOException {
    Path db = secret("db", "x");

    assertThatThrownBy(() -> load("database: {password: inline, password-file: " + db + "}\n", Map.of()))
        .hasMessageContaining("give either 'database.password' or 'database.password-file', not both").hasMessageNotContaining("inline");
  }

  @Test
  void only_secret_keys_take_a_file() {
    assertThatThrownBy(() -> load("database: {user-file: /etc/hostname}\n", Map.of()))
        .hasMessageContaining("unknown key 'database.user-file'");
  }

  @Test
  void every_secret_files_key_is_documented() throws IOException {
    String text = Files.readString(Path.of("..", "docs", "configuration.md"));

    for (ConfigKey key : SecretFiles.keys()) {
      assertThat(text).as("docs/configuration.md documents %s", key.path()).contains("`" + key.path() + "`");
    }
  }
}
