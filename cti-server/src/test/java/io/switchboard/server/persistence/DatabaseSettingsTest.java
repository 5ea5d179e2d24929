package io.switchboard.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  private static final Path DATA = Path.of("/var/lib/switchboard/mariadb");

  @Test
  void toStringNeverShowsThePassword() {
    DatabaseSettings settings =
        DatabaseSettings.external("jdbc:mariadb://db.example:3306/switchboard", "switchboard", "s3cret");

    assertThat(settings.toString())
        .contains("jdbc:mariadb://db.example:3306/switchboard", "user=switchboard", "password=****")
        .doesNotContain("s3cret");
  }

  @Test
  void toStringMasksAPasswordCarriedInTheUrl() {
    DatabaseSettings settings = DatabaseSettings.external(
        "jdbc:mariadb://db.example/switchboard?user=sb&password=s3cret&useSsl=true", null, null);

    assertThat(settings.toString())
        .contains("password=****&useSsl=true", "password=<none>")
        .doesNotContain("s3cret");
  }

  @Test
  void maskUrlHidesUserInfoPasswords() {
    assertThat(Secrets.maskUrl("jdbc:mariadb://sb:s3cret@db.example/switchboard"))
        .isEqualTo("jdbc:mariadb://sb:****@db.example/switchboard");
  }

  @Test
  void aNullUrlMeansEmbeddedWithTheDefaultDataDirectory() {
    DatabaseSettings settings = new DatabaseSettings(null, null, null, null, 0, 4);

    assertThat(settings.isEmbedded()).isTrue();
    assertThat(settings.embeddedDataDir()).isEqualTo(DatabaseSettings.defaultEmbeddedDataDir().toAbsolutePath());
    assertThat(settings.toString()).contains("url=embedded");
  }

  @Test
  void theDefaultDataDirectoryLivesUnderTheUsersDataDirectory() {
    assertThat(DatabaseSettings.defaultEmbeddedDataDir())
        .endsWithRaw(Path.of("switchboard", "mariadb"));
  }

  @Test
  void aPoolSizeOfZeroIsRejectedNamingTheField() {
    assertThatThrownBy(() -> new DatabaseSettings(null, null, null, DATA, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("poolSize")
        .hasMessageContaining("was 0");
  }

  @Test
  void aPortOutOfRangeIsRejectedNamingTheField() {
    assertThatThrownBy(() -> new DatabaseSettings(null, null, null, DATA, 70_000, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("embeddedPort")
        .hasMessageContaining("70000");
  }

  @Test
  void aNonMariaDbUrlIsRejectedNamingTheFieldWithThePasswordMasked() {
    assertThatThrownBy(() -> DatabaseSettings.external("jdbc:postgresql://db/sb?password=s3cret", "sb", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database url")
        .hasMessageContaining("jdbc:mariadb:")
        .hasMessageNotContaining("s3cret");
  }
}
