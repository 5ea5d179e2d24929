package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A configuration value that must never be printed: passwords, API tokens, AMI/ESL secrets.
 * {@link #toString()} is masked, so records holding a secret are safe to log.
 */
public record Secret(String value) {

  /** The empty secret: nothing configured. */
  public static final Secret NONE = new Secret("");

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Secret {
    value = value == null ? "" : value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  public boolean isBlank() {
    return value.isBlank();
  }

  @Override
  public String toString() {
    return value.isEmpty() ? "" : "****";
  }
}
