package io.switchboard.server.http;

/** The HTTP server could not listen (port in use, unknown host): the message names the port, the host and the config key. */
public final class HttpBindException extends RuntimeException {

  public HttpBindException(String message, Throwable cause) {
    super(message, cause);
  }
}
