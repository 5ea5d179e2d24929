package io.switchboard.server.leadimport;

import io.switchboard.server.http.ApiError;

/** What asking for an import came to: a job that now runs, or a refusal answered at once, nothing written. */
sealed interface StartOutcome {

  /** The file's header was good: the job reads the rows and writes them in the background. */
  record Started(ImportJob job) implements StartOutcome {
  }

  /** Refused before any row was read: {@code status} is the HTTP status to answer with. */
  record Refused(int status, ApiError error) implements StartOutcome {
  }
}
