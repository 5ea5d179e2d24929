package io.switchboard.server.config;

/** {@code http}: where the REST API, health, status and metrics endpoints listen, and who may use them. */
public record HttpSettings(String host, int port, AuthSettings auth) {

  public HttpSettings {
    auth = auth == null ? AuthSettings.defaults() : auth;
  }

  public HttpSettings(String host, int port) {
    this(host, port, AuthSettings.defaults());
  }

  public static HttpSettings defaults() {
    return new HttpSettings("0.0.0.0", 8080, AuthSettings.defaults());
  }

  public HttpSettings withPort(int newPort) {
    return new HttpSettings(host, newPort, auth);
  }

  public HttpSettings withAuth(AuthSettings newAuth) {
    return new HttpSettings(host, port, newAuth);
  }
}
