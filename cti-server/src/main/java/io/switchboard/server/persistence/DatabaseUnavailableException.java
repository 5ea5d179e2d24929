package io.switchboard.server.persistence;

/**
 * The database could not be started, reached or migrated. The message names the JDBC URL (password
 * masked) and what was tried, so it can be shown to an operator as is.
 */
public final class DatabaseUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String errorId;

  DatabaseUnavailableException(String errorId, String message, Throwable cause) {
    super(message, cause);
    this.errorId = errorId;
  }

  /**
   * Stable slug for API errors and logs: {@code database-embedded-start-failed},
   * {@code database-unreachable} or {@code database-migration-failed}.
   */
  public String errorId() {
    return errorId;
  }
}
