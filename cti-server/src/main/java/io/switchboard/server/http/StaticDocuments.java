package io.switchboard.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI document and the index page, read from the classpath once (blocking) before the server listens. */
record StaticDocuments(String openApiYaml, String indexHtml) {

  static StaticDocuments load() {
    return new StaticDocuments(read("switchboard/openapi.yaml"), read("switchboard/index.html"));
  }

  private static String read(String resource) {
    try (InputStream in = StaticDocuments.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
