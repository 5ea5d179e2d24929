package io.switchboard.server.runtime;

import io.switchboard.server.config.DatabaseConfig;
import io.switchboard.server.persistence.DatabaseSettings;
import java.nio.file.Path;

/** {@code database.*} from the config file to the persistence layer's settings. */
public final class DatabaseSettingsMapper {

  private DatabaseSettingsMapper() {}

  public static DatabaseSettings toSettings(DatabaseConfig db) {
    String dataDir = db.embedded().dataDir();
    return new DatabaseSettings(
        db.url(),
        db.user(),
        db.password().value(),
        dataDir.isBlank() ? null : Path.of(dataDir),
        db.embedded().port(),
        db.poolSize());
  }
}
