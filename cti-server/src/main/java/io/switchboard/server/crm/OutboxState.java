package io.switchboard.server.crm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a call log stands in the durable outbox ({@code crm_outbox.state}). */
public enum OutboxState {
  /** Enqueued at the call's end (or rescheduled after a refusal): a dispatcher sends it when it is due. */
  PENDING,
  /** The CRM stored it; the row keeps the CRM's record id. */
  LOGGED,
  /** The CRM refused it for good (a non-retryable answer, or the attempts ran out); never tried again. */
  FAILED;

  /** The value in the database and the API: {@code pending}, {@code logged}, {@code failed}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state named {@code slug}, if there is one. */
  public static Optional<OutboxState> of(String slug) {
    return Arrays.stream(values()).filter(state -> state.slug().equals(slug)).findFirst();
  }
}
