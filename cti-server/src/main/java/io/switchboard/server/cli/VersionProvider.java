package io.switchboard.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven recorded in the jar, or "development build" when running from classes. */
final class VersionProvider implements IVersionProvider {

  private static final String POM_PROPERTIES = "META-INF/maven/io.switchboard/cti-server/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"switchboard " + version(), "Java " + System.getProperty("java.version")};
  }

  static String version() {
    try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "development build");
      }
    } catch (IOException ignored) {
      // fall through: a version string is not worth failing for
    }
    return "development build";
  }
}
