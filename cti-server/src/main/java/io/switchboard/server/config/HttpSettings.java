package io.switchboard.server.config;

/** {@code http}: where the REST API, health, status and metrics endpoints listen. */
public record HttpSettings(String host, int port) {

  public static HttpSettings defaults() {
    return new HttpSettings("0.0.0.0", 8080);
  }

  public HttpSettings withPort(int newPort) {
    return new HttpSettings(host, newPort);
  }
}
