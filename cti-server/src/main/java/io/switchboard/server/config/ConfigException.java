package io.switchboard.server.config;

/**
 * The configuration cannot be used. The message is one complete line for the operator: it names the
 * file or environment variable, the key, and what was expected.
 */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
